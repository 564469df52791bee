//! Showing findings to people (text with code frames) and programs (JSON).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use heal_patch::Applicability;
use heal_rules::{Finding, Module, Registry};
use heal_syntax::SourceFile;
use serde_json::{json, Value};

use crate::workspace::FileError;

/// Counts for the closing summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub findings: usize,
    pub suppressed: usize,
    pub safe: usize,
    pub unsafe_: usize,
    pub display_only: usize,
}

impl Tally {
    pub fn of(findings: &[&Finding]) -> Tally {
        let mut tally = Tally::default();
        for finding in findings {
            if finding.suppressed_by.is_some() {
                tally.suppressed += 1;
                continue;
            }
            tally.findings += 1;
            match finding.fix.as_ref().map(|fix| fix.applicability()) {
                Some(Applicability::Safe) => tally.safe += 1,
                Some(Applicability::Unsafe) => tally.unsafe_ += 1,
                Some(Applicability::DisplayOnly) => tally.display_only += 1,
                None => {}
            }
        }
        tally
    }
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.findings += other.findings;
        self.suppressed += other.suppressed;
        self.safe += other.safe;
        self.unsafe_ += other.unsafe_;
        self.display_only += other.display_only;
    }
}

/// Logs, at debug level, what a run did with one module (`verb`: checked,
/// fixed) and each finding a suppression comment silenced, with where it is.
pub fn log_module(module: &Module, verb: &str, applied: usize, findings: &[Finding]) {
    if !log::log_enabled!(log::Level::Debug) {
        return;
    }
    let suppressed: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.suppressed_by.is_some())
        .collect();
    let dir = module.dir().display();
    let files = module.files().len();
    let left = findings.len() - suppressed.len();
    let fixed = if applied > 0 {
        format!(
            "{applied} fix{} applied, ",
            if applied == 1 { "" } else { "es" }
        )
    } else {
        String::new()
    };
    log::debug!(
        "{dir}: {verb}: {files} file{}, {fixed}{left} finding{}, {} suppressed",
        plural(files),
        plural(left),
        suppressed.len()
    );
    for finding in suppressed {
        let by = finding.suppressed_by.as_deref().unwrap_or_default();
        let at = module
            .file(&finding.path)
            .map(|file| file.source.position(finding.range.start));
        let place = match at {
            Some(at) => format!("{}:{}:{}", finding.path.display(), at.line, at.column),
            None => finding.path.display().to_string(),
        };
        log::debug!("{place}: suppressed: {} by `{by}`", finding.rule_id);
    }
}

/// Finds the source of `path` among the modules.
pub fn source_of<'a>(modules: &'a [Module], path: &Path) -> Option<&'a SourceFile> {
    // Runs once per finding: a scan of every module would make reporting
    // quadratic in the size of the tree (two thirds of a 2,000-file check).
    // Modules come sorted by directory, and a file's module is its parent
    // directory, so a binary search finds it; the scan stays as a fallback for
    // callers whose modules are in another order.
    let dir = path.parent().unwrap_or(Path::new(""));
    let by_dir = modules
        .binary_search_by(|module| module.dir.as_path().cmp(dir))
        .ok()
        .and_then(|index| modules[index].file(path));
    by_dir
        .or_else(|| modules.iter().find_map(|module| module.file(path)))
        .map(|file| &file.source)
}

/// Writes one finding as `path:line:col: rule-id message` and a code frame.
pub fn write_finding(
    out: &mut impl Write,
    finding: &Finding,
    source: &SourceFile,
) -> io::Result<()> {
    let start = source.position(finding.range.start);
    writeln!(
        out,
        "{}:{}:{}: {} {}",
        finding.path.display(),
        start.line,
        start.column,
        finding.rule_id,
        finding.message
    )?;

    let line_index = start.line - 1;
    let line = source.line(line_index);
    let number = start.line.to_string();
    let gutter = " ".repeat(number.len());
    let line_end = source.line_range(line_index).end;
    let underline_end = finding.range.end.min(line_end).max(finding.range.start + 1);
    let width = source
        .text()
        .get(finding.range.start..underline_end.min(line_end))
        .map_or(1, |text| text.chars().count().max(1));
    let (shown, column) = frame_window(line.trim_end(), start.column);
    let width = width.min(shown.chars().count().saturating_sub(column - 1).max(1));
    writeln!(out, "{gutter} |")?;
    writeln!(out, "{number} | {shown}")?;
    writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(column - 1),
        "^".repeat(width)
    )?;
    let note = match finding.fix.as_ref().map(|fix| fix.applicability()) {
        Some(Applicability::Safe) => Some("fix available: heal fix".to_string()),
        Some(Applicability::Unsafe) => Some("fix available: heal fix --unsafe-fixes".to_string()),
        Some(Applicability::DisplayOnly) => {
            Some("the fix needs a value only you can choose".to_string())
        }
        None => None,
    };
    if let Some(note) = note {
        writeln!(out, "{gutter} = {note}")?;
    }
    for related in &finding.related {
        writeln!(
            out,
            "{gutter} = {}: {}",
            related.path.display(),
            related.note
        )?;
    }
    if let Some(fix) = finding
        .fix
        .as_ref()
        .filter(|fix| fix.applicability() == Applicability::DisplayOnly)
    {
        if finding.fix_path.is_none() {
            write_suggestion(out, fix, source, &gutter)?;
        }
    }
    writeln!(out)
}

/// Shows a display-only fix as the lines it would change, old then new.
fn write_suggestion(
    out: &mut impl Write,
    fix: &heal_patch::Fix,
    source: &SourceFile,
    gutter: &str,
) -> io::Result<()> {
    let (Some(first), Some(last)) = (fix.edits().first(), fix.edits().last()) else {
        return Ok(());
    };
    let first_line = source.line_index(first.range.start);
    let last_line = source.line_index(last.range.end);
    let start = source.line_range(first_line).start;
    let end = source.line_range(last_line).end;
    let shifted: Vec<heal_patch::Edit> = fix
        .edits()
        .iter()
        .map(|edit| {
            heal_patch::Edit::replace(
                edit.range.start - start..edit.range.end - start,
                edit.content.clone(),
            )
        })
        .collect();
    let old = &source.text()[start..end];
    let Ok(new) = heal_patch::apply_edits(old, &shifted) else {
        return Ok(());
    };
    writeln!(out, "{gutter} = suggestion (not applied):")?;
    for line in old.lines() {
        writeln!(out, "{gutter}   - {}", frame_window(line.trim_end(), 1).0)?;
    }
    for line in new.lines() {
        writeln!(out, "{gutter}   + {}", frame_window(line.trim_end(), 1).0)?;
    }
    Ok(())
}

/// Code frames show at most this many characters of a line. A longer line is
/// cut to a window around the finding: a file of one huge line must not print
/// itself whole once per finding.
const FRAME_CHARS: usize = 120;

/// How many characters before the finding a cut line keeps.
const FRAME_LEAD: usize = 20;

/// The part of `line` a frame shows, with `…` where it was cut, and where
/// 1-based character `column` of the line stands in it.
fn frame_window(line: &str, column: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= FRAME_CHARS {
        return (line.to_string(), column);
    }
    let first = column.saturating_sub(1 + FRAME_LEAD);
    let mut shown = String::new();
    let mut column = column - first;
    if first > 0 {
        shown.push('…');
        column += 1;
    }
    shown.extend(line.chars().skip(first).take(FRAME_CHARS));
    if first + FRAME_CHARS < count {
        shown.push('…');
    }
    (shown, column)
}

/// The closing summary of `heal check`.
pub fn write_check_summary(out: &mut impl Write, tally: Tally, files: usize) -> io::Result<()> {
    if tally.findings == 0 {
        write!(out, "No findings in {files} file{}", plural(files))?;
    } else {
        write!(
            out,
            "Found {} finding{} in {files} file{}",
            tally.findings,
            plural(tally.findings),
            plural(files)
        )?;
    }
    if tally.suppressed > 0 {
        write!(out, " ({} suppressed)", tally.suppressed)?;
    }
    writeln!(out, ".")?;
    if tally.safe > 0 {
        writeln!(out, "{} fixable with `heal fix`.", tally.safe)?;
    }
    if tally.unsafe_ > 0 {
        writeln!(
            out,
            "{} more fixable with `heal fix --unsafe-fixes`.",
            tally.unsafe_
        )?;
    }
    if tally.display_only > 0 {
        writeln!(
            out,
            "{} with a suggested fix that needs your values (not applied).",
            tally.display_only
        )?;
    }
    Ok(())
}

/// Per-rule counts of applied fixes.
pub fn write_fix_summary(
    out: &mut impl Write,
    per_rule: &BTreeMap<String, usize>,
    changed_files: usize,
    wrote: bool,
) -> io::Result<()> {
    let applied: usize = per_rule.values().sum();
    if applied == 0 {
        return writeln!(out, "Nothing to fix.");
    }
    let verb = if wrote { "Fixed" } else { "Would fix" };
    writeln!(
        out,
        "{verb} {applied} finding{} in {changed_files} file{}:",
        plural(applied),
        plural(changed_files)
    )?;
    for (rule, count) in per_rule {
        writeln!(out, "  {count:>4} × {rule}")?;
    }
    Ok(())
}

/// The `s` of a plural after `count`.
pub fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

fn position_json(source: &SourceFile, offset: usize) -> Value {
    let position = source.position(offset);
    json!({ "line": position.line, "column": position.column, "offset": offset })
}

/// One finding in the JSON schema of docs/json-output.md.
pub fn finding_json(finding: &Finding, modules: &[Module], registry: &Registry) -> Value {
    let meta = registry.entry(&finding.rule_id).map(|entry| &entry.meta);
    let source = source_of(modules, &finding.path);
    let fix = finding.fix.as_ref().map(|fix| {
        let target = source_of(modules, finding.fix_target());
        let edits: Vec<Value> = fix
            .edits()
            .iter()
            .map(|edit| match target {
                Some(target) => json!({
                    "start": position_json(target, edit.range.start),
                    "end": position_json(target, edit.range.end),
                    "content": edit.content,
                }),
                None => json!({ "content": edit.content }),
            })
            .collect();
        json!({
            "applicability": fix.applicability().as_str(),
            "path": finding.fix_target().display().to_string(),
            "edits": edits,
        })
    });
    json!({
        "rule": finding.rule_id,
        "message": finding.message,
        "severity": meta.map(|meta| meta.severity.to_string()),
        "path": finding.path.display().to_string(),
        "address": finding.address,
        "start": source.map(|s| position_json(s, finding.range.start)),
        "end": source.map(|s| position_json(s, finding.range.end)),
        "checkov": meta.map(|meta| meta.checkov.clone()).unwrap_or_default(),
        "trivy": meta.map(|meta| meta.trivy.clone()).unwrap_or_default(),
        "suppressed_by": finding.suppressed_by,
        "related": finding.related.iter().map(|related| {
            let source = source_of(modules, &related.path);
            json!({
                "path": related.path.display().to_string(),
                "start": source.map(|s| position_json(s, related.range.start)),
                "end": source.map(|s| position_json(s, related.range.end)),
                "note": related.note,
            })
        }).collect::<Vec<_>>(),
        "fix": fix,
    })
}

/// A file error in the JSON schema.
pub fn error_json(error: &FileError) -> Value {
    json!({
        "path": error.path.display().to_string(),
        "line": error.position.map(|p| p.0),
        "column": error.position.map(|p| p.1),
        "message": error.message,
    })
}

#[cfg(test)]
mod tests {
    use super::frame_window;

    #[test]
    fn a_short_line_is_shown_whole() {
        assert_eq!(frame_window("  a = 1", 3), ("  a = 1".to_string(), 3));
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_column() {
        let line = format!("{}é{}", "x".repeat(500), "y".repeat(500));
        let (shown, column) = frame_window(&line, 501);
        assert_eq!(shown.chars().count(), 1 + 120 + 1);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.chars().nth(column - 1), Some('é'));

        // A finding at the start keeps the start, without a leading mark.
        let (shown, column) = frame_window(&line, 1);
        assert_eq!((shown.chars().next(), column), (Some('x'), 1));
        assert!(shown.ends_with('…'));
    }
}
