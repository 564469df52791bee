//! Findings for CI systems: SARIF 2.1.0 for code-scanning tools, and GitHub
//! Actions workflow annotations.

use std::io::{self, Write};

use heal_patch::{Applicability, Edit};
use heal_rules::{Finding, Module, Registry, RuleMeta, Severity};
use heal_syntax::SourceFile;
use serde_json::{json, Value};

use crate::patch_file::PathNamer;
use crate::pipeline::StreamedArray;
use crate::report::source_of;
use crate::workspace::FileError;

/// The schema SARIF files name.
const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// What a CI output needs about the findings of one module.
pub struct CheckRun<'a> {
    /// The module's findings, suppressed ones included.
    pub findings: &'a [Finding],
    /// The module they were found in (a slice of one).
    pub modules: &'a [Module],
    /// The rules that ran.
    pub registry: &'a Registry,
    /// Names paths relative to the repository root.
    pub namer: &'a PathNamer,
}

/// A SARIF 2.1.0 log written as results come: the rules first, each module's
/// results, the invocation (with the errors) last.
pub struct SarifWriter {
    results: StreamedArray,
}

impl SarifWriter {
    /// Writes the log up to its results.
    pub fn begin(out: &mut impl Write, registry: &Registry) -> io::Result<SarifWriter> {
        let document = sarif_log(registry, &[], None);
        Ok(SarifWriter {
            results: StreamedArray::begin(out, &document)?,
        })
    }

    /// Writes one result (see [`sarif_results`]).
    pub fn push(&mut self, out: &mut impl Write, result: &Value) -> io::Result<()> {
        self.results.push(out, result)
    }

    /// Writes the invocation, with `errors` as notifications, and ends the log.
    pub fn finish(
        self,
        out: &mut impl Write,
        registry: &Registry,
        errors: &[FileError],
        namer: &PathNamer,
    ) -> io::Result<()> {
        let document = sarif_log(registry, errors, Some(namer));
        self.results.finish(out, &document)
    }
}

/// The SARIF results of one module's findings.
pub fn sarif_results(run: &CheckRun<'_>) -> Vec<Value> {
    run.findings
        .iter()
        .filter_map(|finding| sarif_result(finding, run))
        .collect()
}

/// The SARIF log with a placeholder for its results.
fn sarif_log(registry: &Registry, errors: &[FileError], namer: Option<&PathNamer>) -> Value {
    let rules: Vec<Value> = registry
        .entries()
        .iter()
        .map(|e| sarif_rule(&e.meta, e.documentation))
        .collect();
    let notifications: Vec<Value> = namer.map_or_else(Vec::new, |namer| {
        errors
            .iter()
            .map(|error| sarif_notification(error, namer))
            .collect()
    });
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "heal",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/heal",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": StreamedArray::placeholder(),
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
        }],
    })
}

fn sarif_rule(meta: &RuleMeta, documentation: &str) -> Value {
    let mut tags = vec!["security".to_string(), meta.provider.clone()];
    tags.extend(meta.checkov.iter().cloned());
    json!({
        "id": meta.id,
        "name": meta.id,
        "shortDescription": { "text": meta.title },
        "fullDescription": { "text": meta.message },
        "help": { "text": documentation, "markdown": documentation },
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": {
            "tags": tags,
            "security-severity": security_severity(meta.severity),
            "fix": Applicability::from(meta.fix).as_str(),
        },
    })
}

fn sarif_result(finding: &Finding, run: &CheckRun<'_>) -> Option<Value> {
    let source = source_of(run.modules, &finding.path)?;
    let meta = run
        .registry
        .entry(&finding.rule_id)
        .map(|entry| &entry.meta);
    let index = run
        .registry
        .entries()
        .iter()
        .position(|entry| entry.meta.id == finding.rule_id);
    let mut result = json!({
        "ruleId": finding.rule_id,
        "level": meta.map_or("warning", |meta| level(meta.severity)),
        "message": { "text": format!("{} ({})", finding.message, finding.address) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": run.namer.name(&finding.path) },
                "region": region(source, finding.range.start, finding.range.end),
            },
            "logicalLocations": [{ "fullyQualifiedName": finding.address, "kind": "resource" }],
        }],
    });
    if let Some(index) = index {
        result["ruleIndex"] = json!(index);
    }
    if let Some(fix) = sarif_fix(finding, run) {
        result["fixes"] = json!([fix]);
    }
    if let Some(comment) = &finding.suppressed_by {
        result["suppressions"] = json!([{ "kind": "inSource", "justification": comment }]);
    }
    Some(result)
}

/// The finding's fix as SARIF replacements. Display-only fixes hold values a
/// person must choose, so they are not offered.
fn sarif_fix(finding: &Finding, run: &CheckRun<'_>) -> Option<Value> {
    let fix = finding.fix.as_ref()?;
    let description = match fix.applicability() {
        Applicability::Safe => "Apply heal's fix (safe)",
        Applicability::Unsafe => "Apply heal's fix (unsafe: it can change behaviour; review it)",
        Applicability::DisplayOnly => return None,
    };
    let target = source_of(run.modules, finding.fix_target())?;
    let replacements: Vec<Value> = fix
        .edits()
        .iter()
        .map(|edit| replacement(target, edit))
        .collect();
    Some(json!({
        "description": { "text": description },
        "artifactChanges": [{
            "artifactLocation": { "uri": run.namer.name(finding.fix_target()) },
            "replacements": replacements,
        }],
    }))
}

fn replacement(source: &SourceFile, edit: &Edit) -> Value {
    json!({
        "deletedRegion": region(source, edit.range.start, edit.range.end),
        "insertedContent": { "text": edit.content },
    })
}

/// A region by line and column (code points) and by byte offset.
fn region(source: &SourceFile, start: usize, end: usize) -> Value {
    let from = source.position(start);
    let to = source.position(end.max(start));
    json!({
        "startLine": from.line,
        "startColumn": from.column,
        "endLine": to.line,
        "endColumn": to.column,
        "byteOffset": start,
        "byteLength": end.saturating_sub(start),
    })
}

fn sarif_notification(error: &FileError, namer: &PathNamer) -> Value {
    let mut location = json!({
        "physicalLocation": { "artifactLocation": { "uri": namer.name(&error.path) } },
    });
    if let Some((line, column)) = error.position {
        location["physicalLocation"]["region"] =
            json!({ "startLine": line, "startColumn": column });
    }
    json!({
        "level": "error",
        "message": { "text": error.message },
        "locations": [location],
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's `security-severity`: a CVSS-like score as a string.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// Writes one workflow annotation per unsuppressed finding:
/// `::error file=...,line=...,col=...,title=...::message`.
pub fn write_github(out: &mut impl Write, run: &CheckRun<'_>) -> io::Result<()> {
    for finding in run.findings.iter().filter(|f| f.suppressed_by.is_none()) {
        let Some(source) = source_of(run.modules, &finding.path) else {
            continue;
        };
        let meta = run
            .registry
            .entry(&finding.rule_id)
            .map(|entry| &entry.meta);
        let command = match meta.map(|meta| meta.severity) {
            Some(Severity::Low) => "notice",
            Some(Severity::Medium) => "warning",
            _ => "error",
        };
        let start = source.position(finding.range.start);
        let end = source.position(finding.range.end);
        let title = format!("heal {}", finding.rule_id);
        let hint = match finding.fix.as_ref().map(|fix| fix.applicability()) {
            Some(Applicability::Safe) => " Fix: heal fix.",
            Some(Applicability::Unsafe) => " Fix: heal fix --unsafe-fixes.",
            _ => "",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&run.namer.name(&finding.path)),
            start.line,
            start.column,
            end.line,
            end.column,
            property(&title),
            data(&format!("{} ({}).{hint}", finding.message, finding.address)),
        )?;
    }
    Ok(())
}

/// Writes one workflow annotation per file that could not be read or parsed.
pub fn write_github_errors(
    out: &mut impl Write,
    errors: &[FileError],
    namer: &PathNamer,
) -> io::Result<()> {
    for error in errors {
        let position = error.position.map_or(String::new(), |(line, column)| {
            format!(",line={line},col={column}")
        });
        writeln!(
            out,
            "::error file={}{position},title=heal::{}",
            property(&namer.name(&error.path)),
            data(&error.message)
        )?;
    }
    Ok(())
}

/// Escapes a workflow command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_values_are_escaped() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
