//! Modules through a run a window at a time, so that memory follows the largest
//! module rather than the tree.
//!
//! A run discovers its files (paths only), then reads, parses and processes
//! [`WINDOW`] modules in parallel; each module's result is reduced to what the
//! output needs (rendered text, JSON values, counts) before the parsed module is
//! dropped, and results are handed on in directory order, so output is the same
//! whatever the number of threads.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use heal_rules::Module;
use rayon::prelude::*;
use serde_json::Value;

use crate::args::Selection;
use crate::progress::Progress;
use crate::workspace::{self, FileError};

/// Modules read and processed before their results are handed on. Parsed
/// modules live only while a worker holds them (one per thread); the window
/// bounds how many reduced results wait to be written.
const WINDOW: usize = 256;

/// What a run over modules leaves behind besides its results.
pub struct Run {
    /// Files asked for (targets), whether or not they could be read.
    pub files: usize,
    /// Files that could not be found, read or parsed, in directory order.
    pub errors: Vec<FileError>,
    /// Timing and the progress bar.
    pub progress: Progress,
}

/// Reads each module under `selection`'s paths, gives it and its target files to
/// `work` (in parallel), and hands the results to `emit` in directory order.
pub fn for_each_module<T: Send>(
    selection: &Selection,
    quiet: bool,
    work: impl Fn(Module, &BTreeSet<PathBuf>) -> T + Sync,
    mut emit: impl FnMut(T) -> Result<()>,
) -> Result<Run> {
    let targets = workspace::discover(&selection.paths);
    let files = targets.file_count();
    let progress = Progress::start(files, quiet);
    let mut errors = targets.errors;
    let modules: Vec<_> = targets.by_dir.into_iter().collect();
    for window in modules.chunks(WINDOW) {
        let results: Vec<(T, Vec<FileError>)> = window
            .par_iter()
            .map(|(dir, paths)| {
                let (module, errors) = workspace::load_module(dir, paths);
                let result = work(module, paths);
                progress.advance(paths.len());
                (result, errors)
            })
            .collect();
        for (result, module_errors) in results {
            errors.extend(module_errors);
            emit(result)?;
        }
    }
    progress.finish();
    Ok(Run {
        files,
        errors,
        progress,
    })
}

/// A pretty-printed JSON document whose one large array is written element by
/// element: the document is laid out with a placeholder where the array goes,
/// the text before it is written first, the elements as they come, the text
/// after it last (from the document as it stands at the end).
pub struct StreamedArray {
    /// Indentation of the array's elements.
    indent: String,
    elements: usize,
}

/// Stands for the streamed array in the laid-out document.
const PLACEHOLDER: &str = "\u{0}heal-streamed-array\u{0}";

impl StreamedArray {
    /// A value to put where the streamed array goes in the document.
    pub fn placeholder() -> Value {
        Value::String(PLACEHOLDER.to_string())
    }

    /// Writes the part of `document` before the placeholder, and the array's
    /// opening bracket.
    pub fn begin(out: &mut impl Write, document: &Value) -> io::Result<StreamedArray> {
        let text = serde_json::to_string_pretty(document)?;
        let (before, _) = split(&text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let indent: String = before[line_start..]
            .chars()
            .take_while(|&c| c == ' ')
            .collect();
        out.write_all(before.as_bytes())?;
        out.write_all(b"[")?;
        Ok(StreamedArray {
            indent: format!("{indent}  "),
            elements: 0,
        })
    }

    /// Writes one element.
    pub fn push(&mut self, out: &mut impl Write, element: &Value) -> io::Result<()> {
        let text = serde_json::to_string_pretty(element)?;
        let separator = if self.elements == 0 { "\n" } else { ",\n" };
        out.write_all(separator.as_bytes())?;
        out.write_all(self.indent.as_bytes())?;
        // A JSON string holds no raw line break: every `\n` is layout.
        out.write_all(text.replace('\n', &format!("\n{}", self.indent)).as_bytes())?;
        self.elements += 1;
        Ok(())
    }

    /// Closes the array and writes the part of `document` after the placeholder.
    pub fn finish(self, out: &mut impl Write, document: &Value) -> io::Result<()> {
        if self.elements > 0 {
            let closing = &self.indent[..self.indent.len() - 2];
            write!(out, "\n{closing}")?;
        }
        out.write_all(b"]")?;
        let text = serde_json::to_string_pretty(document)?;
        let (_, after) = split(&text);
        out.write_all(after.as_bytes())?;
        writeln!(out)
    }
}

/// The text of a laid-out document before and after the placeholder.
fn split(text: &str) -> (&str, &str) {
    let quoted = serde_json::to_string(PLACEHOLDER).unwrap_or_default();
    match text.find(&quoted) {
        Some(at) => (&text[..at], &text[at + quoted.len()..]),
        None => (text, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn streamed(elements: &[Value]) -> String {
        let document = |items: Value| json!({ "version": 1, "items": items, "tail": { "n": 2 } });
        let mut out = Vec::new();
        let mut array = StreamedArray::begin(&mut out, &document(StreamedArray::placeholder()))
            .expect("write to a Vec");
        for element in elements {
            array.push(&mut out, element).expect("write to a Vec");
        }
        array
            .finish(&mut out, &document(StreamedArray::placeholder()))
            .expect("write to a Vec");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    #[test]
    fn a_streamed_array_prints_as_the_whole_document_would() {
        for elements in [
            vec![],
            vec![json!({ "a": [1, 2], "b": "x\ny" })],
            vec![json!(1), json!({ "c": {} }), json!("three")],
        ] {
            let whole = json!({ "version": 1, "items": elements, "tail": { "n": 2 } });
            let expected = serde_json::to_string_pretty(&whole).expect("serialisable") + "\n";
            assert_eq!(streamed(&elements), expected);
        }
    }
}
