//! The text of one file, its line index and its layout conventions.

use std::path::{Path, PathBuf};

/// The byte-order mark some editors put at the start of a UTF-8 file.
const BOM: &str = "\u{feff}";

/// The line ending a file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n`.
    Lf,
    /// `\r\n`.
    CrLf,
}

impl LineEnding {
    /// The characters of this line ending.
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }
}

/// The conventions new code must copy to blend in with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// The line ending of the file (the first one found; LF for a one-line file).
    pub line_ending: LineEnding,
    /// One level of indentation: a tab, or a run of spaces (two, as `terraform fmt`
    /// writes, unless the file shows otherwise).
    pub indent: String,
}

impl Style {
    /// Reads the conventions of `text`.
    pub fn detect(text: &str) -> Style {
        let line_ending = match text.find('\n') {
            Some(at) if at > 0 && text.as_bytes()[at - 1] == b'\r' => LineEnding::CrLf,
            _ => LineEnding::Lf,
        };
        Style {
            line_ending,
            indent: detect_indent(text),
        }
    }
}

/// The smallest indentation any line starts with decides the unit: it is the first
/// level of nesting in a well-formed file.
fn detect_indent(text: &str) -> String {
    let mut smallest_spaces = usize::MAX;
    let mut in_heredoc: Option<String> = None;
    let mut in_block_comment = false;
    for line in text.lines() {
        if let Some(marker) = &in_heredoc {
            if line.trim() == marker {
                in_heredoc = None;
            }
            continue;
        }
        // Comment text (licence headers ` * ...`) says nothing about indentation.
        if in_block_comment {
            in_block_comment = !line.contains("*/");
            continue;
        }
        let trimmed = line.trim_start_matches([' ', '\t']);
        if trimmed.starts_with("/*") {
            in_block_comment = !trimmed.contains("*/");
            continue;
        }
        if trimmed.starts_with('#') || trimmed.starts_with("//") {
            continue;
        }
        in_heredoc = heredoc_marker(line);
        if trimmed.is_empty() || trimmed.len() == line.len() || trimmed.starts_with('\r') {
            continue;
        }
        if line.starts_with('\t') {
            return "\t".to_string();
        }
        let spaces = line.len() - trimmed.len();
        smallest_spaces = smallest_spaces.min(spaces);
    }
    match smallest_spaces {
        usize::MAX => "  ".to_string(),
        spaces => " ".repeat(spaces.min(8)),
    }
}

/// The closing marker of a heredoc that opens on this line (`<<EOT` or `<<-EOT`).
fn heredoc_marker(line: &str) -> Option<String> {
    let start = line.find("<<")?;
    let rest = line[start + 2..].trim_start_matches('-');
    let marker: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!marker.is_empty()).then_some(marker)
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number, from 1, in characters.
    pub column: usize,
}

/// The text of one file and what heal knows about its layout.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    line_starts: Vec<usize>,
    style: Style,
    /// The alignment cells of every line, read once, when a fix first needs them.
    cells: std::sync::OnceLock<Vec<crate::layout::lines::LineCells>>,
}

impl SourceFile {
    /// Wraps `text`, read from `path`.
    pub fn new(path: impl Into<PathBuf>, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        let style = Style::detect(&text);
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            style,
            cells: std::sync::OnceLock::new(),
        }
    }

    /// The text, given up by the file.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Where the file was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text, including a byte-order mark if the file has one.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The length in bytes of the byte-order mark (0 or 3).
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with(BOM) {
            BOM.len()
        } else {
            0
        }
    }

    /// The file's layout conventions.
    pub fn style(&self) -> &Style {
        &self.style
    }

    /// The 1-based line and column of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_index = self.line_index(offset);
        let line_start = self.line_starts[line_index];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(offset - line_start, |prefix| prefix.chars().count());
        Position {
            line: line_index + 1,
            column: column + 1,
        }
    }

    /// The 0-based index of the line holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// The byte range of line `index` (0-based), without its line ending.
    pub fn line_range(&self, index: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[index];
        let mut end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// The alignment cells of every line, as `terraform fmt` sees them.
    pub(crate) fn cells(&self) -> &[crate::layout::lines::LineCells] {
        self.cells
            .get_or_init(|| crate::layout::lines::read_lines(&self.text))
    }

    /// The number of lines (a final line ending does not start a new line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of line `index` (0-based), without its line ending.
    pub fn line(&self, index: usize) -> &str {
        &self.text[self.line_range(index)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_crlf_and_tab_indent() {
        let style = Style::detect("a {\r\n\tb = 1\r\n}\r\n");
        assert_eq!(style.line_ending, LineEnding::CrLf);
        assert_eq!(style.indent, "\t");
    }

    #[test]
    fn detects_four_space_indent_and_ignores_heredoc_bodies() {
        let text = "a {\n    b = <<EOT\n  x\nEOT\n    c {\n        d = 1\n    }\n}\n";
        assert_eq!(Style::detect(text).indent, "    ");
    }

    #[test]
    fn comment_lines_do_not_decide_the_indent() {
        let text = "/**\n * Licence\n */\nresource \"a\" \"b\" {\n  # note\n  x = 1\n}\n";
        assert_eq!(Style::detect(text).indent, "  ");
        let text = "a {\n    # comment\n      # deeper comment\n    b = 1\n}\n";
        assert_eq!(Style::detect(text).indent, "    ");
    }

    #[test]
    fn defaults_to_two_spaces() {
        assert_eq!(Style::detect("a = 1\n").indent, "  ");
    }

    #[test]
    fn positions_count_characters() {
        let file = SourceFile::new("x.tf", "ab\n\u{e9}cd\n".to_string());
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(5), Position { line: 2, column: 2 });
        assert_eq!(file.line(1), "\u{e9}cd");
    }

    #[test]
    fn line_ranges_exclude_crlf() {
        let file = SourceFile::new("x.tf", "ab\r\ncd".to_string());
        assert_eq!(file.line(0), "ab");
        assert_eq!(file.line(1), "cd");
        assert_eq!(file.line_count(), 2);
    }
}
