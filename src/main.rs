//! The `heal` command.

mod args;
mod bot;
mod ci_output;
mod commit_message;
mod config;
mod fix_commit;
mod fixes;
mod interrupt;
mod patch_file;
mod pipeline;
mod progress;
mod report;
mod workspace;
mod write;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Parser as _;
use heal_rules::{Finding, Module, Registry};
use serde_json::json;

use args::{CheckArgs, CheckFormat, Cli, Command, FixArgs, Format, RulesArgs, Selection};
use workspace::FileError;

/// Exit status: nothing found (or everything fixed).
const CLEAN: u8 = 0;
/// Exit status: findings remain.
const FINDINGS: u8 = 1;
/// Exit status: a file could not be read, parsed or written, or heal failed.
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    init_logging(cli.verbose);
    interrupt::install();
    if let Err(error) = config::load_and_apply(&mut cli.command) {
        eprintln!("heal: error: {error:#}");
        return ExitCode::from(ERROR);
    }
    let result = run(&cli);
    interrupt::defer_to_signal();
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::from(CLEAN);
            }
            eprintln!("heal: error: {error:#}");
            ExitCode::from(ERROR)
        }
    }
}

/// `-v` shows heal's own debug messages, `-vv` its trace messages and the
/// debug messages of the crates it uses (the directory walker's, for one);
/// `HEAL_LOG` takes env_logger's directives on top.
fn init_logging(verbose: u8) {
    let (own, others) = match verbose {
        0 => (log::LevelFilter::Warn, log::LevelFilter::Warn),
        1 => (log::LevelFilter::Debug, log::LevelFilter::Warn),
        _ => (log::LevelFilter::Trace, log::LevelFilter::Debug),
    };
    env_logger::Builder::new()
        .filter_level(others)
        // A prefix: heal and its crates heal_rules, heal_syntax, heal_patch, heal_git.
        .filter_module("heal", own)
        .format_timestamp(None)
        .format_target(false)
        .parse_env("HEAL_LOG")
        .init();
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|error| error.kind() == io::ErrorKind::BrokenPipe)
}

fn run(cli: &Cli) -> Result<u8> {
    match &cli.command {
        Command::Check(args) => check(args, cli.quiet),
        Command::Fix(args) => fix(args, cli.quiet),
        Command::Rules(args) => rules(args),
        Command::Bot(args) => bot::run(args, cli.quiet),
    }
}

/// The rules a run uses, after --select and --ignore.
fn registry_for(selection: &Selection) -> Result<Registry> {
    let registry = Registry::load().context("the embedded rule catalog is invalid")?;
    let selected = |id: &str| {
        let wanted = selection.select.is_empty()
            || selection
                .select
                .iter()
                .any(|prefix| id.starts_with(prefix.as_str()));
        let ignored = selection
            .ignore
            .iter()
            .any(|prefix| id.starts_with(prefix.as_str()));
        wanted && !ignored
    };
    for pattern in selection.select.iter().chain(&selection.ignore) {
        if !registry
            .entries()
            .iter()
            .any(|e| e.meta.id.starts_with(pattern.as_str()))
        {
            anyhow::bail!("no rule id starts with `{pattern}` (see `heal rules`)");
        }
    }
    Ok(registry.filtered(selected))
}

/// One module's share of a `heal check` report, rendered while the module is
/// at hand.
struct CheckedModule {
    tally: report::Tally,
    /// Text, or workflow annotations.
    text: Vec<u8>,
    /// JSON findings.
    values: Vec<serde_json::Value>,
}

/// Where the findings of `heal check` go as modules come.
enum CheckSink {
    Text,
    Json(pipeline::StreamedArray),
    Sarif(ci_output::SarifWriter),
    Github,
}

fn check(args: &CheckArgs, quiet: bool) -> Result<u8> {
    let registry = registry_for(&args.selection)?;
    let namer = patch_file::PathNamer::new()?;
    let config = config::active();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut sink = match args.format {
        CheckFormat::Text => CheckSink::Text,
        CheckFormat::Github => CheckSink::Github,
        CheckFormat::Json => CheckSink::Json(pipeline::StreamedArray::begin(
            &mut out,
            &json_report(
                &pipeline::StreamedArray::placeholder(),
                &[],
                0,
                report::Tally::default(),
            ),
        )?),
        CheckFormat::Sarif => CheckSink::Sarif(ci_output::SarifWriter::begin(&mut out, &registry)?),
    };
    let mut tally = report::Tally::default();
    let run = pipeline::for_each_module(
        &args.selection,
        quiet,
        |module, targets| {
            let mut findings = fixes::check_module_scoped(&registry, &module, targets, config);
            sort_findings(&mut findings);
            report::log_module(&module, "checked", 0, &findings);
            let modules = std::slice::from_ref(&module);
            let all: Vec<&Finding> = findings.iter().collect();
            let mut checked = CheckedModule {
                tally: report::Tally::of(&all),
                text: Vec::new(),
                values: Vec::new(),
            };
            let ci_run = ci_output::CheckRun {
                findings: &findings,
                modules,
                registry: &registry,
                namer: &namer,
            };
            let written = match args.format {
                CheckFormat::Text => findings
                    .iter()
                    .filter(|f| f.suppressed_by.is_none())
                    .try_for_each(|finding| {
                        let Some(source) = module.file(&finding.path) else {
                            return Ok(());
                        };
                        report::write_finding(&mut checked.text, finding, &source.source)
                    }),
                CheckFormat::Github => ci_output::write_github(&mut checked.text, &ci_run),
                CheckFormat::Json => {
                    checked.values = findings
                        .iter()
                        .map(|f| report::finding_json(f, modules, &registry))
                        .collect();
                    Ok(())
                }
                CheckFormat::Sarif => {
                    checked.values = ci_output::sarif_results(&ci_run);
                    Ok(())
                }
            };
            // Writing into memory cannot fail.
            debug_assert!(written.is_ok());
            checked
        },
        |checked| {
            tally += checked.tally;
            out.write_all(&checked.text)?;
            for value in &checked.values {
                match &mut sink {
                    CheckSink::Json(array) => array.push(&mut out, value)?,
                    CheckSink::Sarif(sarif) => sarif.push(&mut out, value)?,
                    CheckSink::Text | CheckSink::Github => {}
                }
            }
            Ok(())
        },
    )?;

    match sink {
        CheckSink::Json(array) => {
            let document = json_report(
                &pipeline::StreamedArray::placeholder(),
                &run.errors,
                run.files,
                tally,
            );
            array.finish(&mut out, &document)?;
        }
        CheckSink::Sarif(sarif) => sarif.finish(&mut out, &registry, &run.errors, &namer)?,
        CheckSink::Github => ci_output::write_github_errors(&mut out, &run.errors, &namer)?,
        CheckSink::Text => {
            out.flush()?;
            report_errors(&run.errors);
            if !quiet {
                report::write_check_summary(&mut out, tally, run.files)?;
                let elapsed = run.progress.elapsed();
                let errors = run.errors.len();
                progress::write_closing_line(&mut out, "Checked", run.files, errors, elapsed)?;
            }
        }
    }
    out.flush()?;
    Ok(exit_code(&run.errors, tally.findings))
}

/// The JSON document of `heal check --format json` (docs/json-output.md).
fn json_report(
    findings: &serde_json::Value,
    errors: &[FileError],
    files: usize,
    tally: report::Tally,
) -> serde_json::Value {
    json!({
        "version": 1,
        "findings": findings,
        "errors": errors.iter().map(report::error_json).collect::<Vec<_>>(),
        "summary": {
            "files": files,
            "findings": tally.findings,
            "suppressed": tally.suppressed,
            "fixable_safe": tally.safe,
            "fixable_unsafe": tally.unsafe_,
            "display_only": tally.display_only,
        },
    })
}

/// One module's share of a `heal fix` run.
#[derive(Default)]
struct FixedModule {
    /// Diffs (with --diff) or the findings left (without).
    text: Vec<u8>,
    per_rule: BTreeMap<String, usize>,
    changed_files: usize,
    unsuppressed: report::Tally,
    errors: Vec<FileError>,
}

fn fix(args: &FixArgs, quiet: bool) -> Result<u8> {
    if let Some(patch) = &args.patch {
        return patch_file::write_patch(args, patch, quiet);
    }
    if args.commit {
        return fix_commit::commit_fixes(args, quiet);
    }
    let registry = registry_for(&args.selection)?;
    let config = config::active();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut errors = Vec::new();
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut changed_files = 0;
    let mut tally = report::Tally::default();
    let run = pipeline::for_each_module(
        &args.selection,
        quiet,
        |module, targets| {
            let fixed = fixes::fix_one(&registry, &module, targets, args.unsafe_fixes, config);
            let result = fix_module_output(args, &module, fixed);
            // Writing into memory cannot fail.
            debug_assert!(result.is_ok());
            result.unwrap_or_default()
        },
        |fixed| {
            out.write_all(&fixed.text)?;
            for (rule, count) in fixed.per_rule {
                *per_rule.entry(rule).or_default() += count;
            }
            changed_files += fixed.changed_files;
            tally += fixed.unsuppressed;
            errors.extend(fixed.errors);
            Ok(())
        },
    )?;
    let mut all_errors = run.errors;
    all_errors.extend(errors);
    let errors = all_errors;
    out.flush()?;
    report_errors(&errors);
    if !quiet {
        let mut summary = io::stderr().lock();
        report::write_fix_summary(&mut summary, &per_rule, changed_files, !args.diff)?;
        if tally.findings > 0 {
            writeln!(
                summary,
                "{} finding{} remain{}.",
                tally.findings,
                if tally.findings == 1 { "" } else { "s" },
                if tally.findings == 1 { "s" } else { "" }
            )?;
            if tally.unsafe_ > 0 && !args.unsafe_fixes {
                writeln!(
                    summary,
                    "{} fixable with `heal fix --unsafe-fixes`.",
                    tally.unsafe_
                )?;
            }
        }
        let elapsed = run.progress.elapsed();
        progress::write_closing_line(&mut summary, "Checked", run.files, errors.len(), elapsed)?;
    }
    let applied: usize = per_rule.values().sum();
    let pending = if args.diff {
        applied + tally.findings
    } else {
        tally.findings
    };
    if args.exit_non_zero_on_fix && changed_files > 0 && !args.diff {
        return Ok(exit_code(&errors, pending).max(FINDINGS));
    }
    Ok(exit_code(&errors, pending))
}

/// Writes one module's fixes (or renders their diff) and renders the findings
/// left, against the fixed text.
fn fix_module_output(args: &FixArgs, module: &Module, fixed: fixes::Fixed) -> Result<FixedModule> {
    let mut output = FixedModule {
        errors: fixed.errors,
        ..FixedModule::default()
    };
    for finding in &fixed.applied {
        *output.per_rule.entry(finding.rule_id.clone()).or_default() += 1;
    }
    let mut fixed_sources = Vec::new();
    let mut unwritten = Vec::new();
    for change in fixed.changes {
        if args.diff {
            let shown = display_path(&change.path);
            let diff = heal_patch::unified_diff(&shown, &change.old, &change.new);
            output.text.write_all(diff.as_bytes())?;
        } else if let Err(message) = write::write_atomically(&change.path, &change.old, &change.new)
        {
            output.errors.push(FileError {
                path: change.path.clone(),
                position: None,
                message,
            });
            unwritten.push(change.path);
            continue;
        }
        if !args.diff {
            log::debug!(
                "{}: written: {} bytes",
                change.path.display(),
                change.new.len()
            );
        }
        output.changed_files += 1;
        fixed_sources.push(heal_syntax::SourceFile::new(&change.path, change.new));
    }
    let mut remaining: Vec<&Finding> = fixed
        .remaining
        .iter()
        .filter(|f| f.suppressed_by.is_none())
        // A file that could not be written keeps its findings, but their
        // positions are in text that is not on disk: the error stands for them.
        .filter(|f| !unwritten.contains(&f.path))
        .collect();
    remaining.sort_by(|a, b| {
        (&a.path, a.range.start, &a.rule_id).cmp(&(&b.path, b.range.start, &b.rule_id))
    });
    output.unsuppressed = report::Tally::of(&remaining);
    if !args.diff {
        for finding in remaining {
            // Remaining findings point into the fixed text, not the text on disk before.
            let fixed = fixed_sources.iter().find(|s| s.path() == finding.path);
            let source = fixed.or_else(|| module.file(&finding.path).map(|file| &file.source));
            if let Some(source) = source {
                report::write_finding(&mut output.text, finding, source)?;
            }
        }
    }
    Ok(output)
}

fn rules(args: &RulesArgs) -> Result<u8> {
    let registry = Registry::load().context("the embedded rule catalog is invalid")?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Some(id) = &args.id {
        let Some(entry) = registry.entry(id) else {
            anyhow::bail!("no rule `{id}` (see `heal rules`)");
        };
        match args.format {
            Format::Json => serde_json::to_writer_pretty(
                &mut out,
                &rule_json(&entry.meta, Some(entry.documentation)),
            )?,
            Format::Text => write!(out, "{}", entry.documentation)?,
        }
        out.flush()?;
        return Ok(CLEAN);
    }
    match args.format {
        Format::Json => {
            let all: Vec<_> = registry
                .entries()
                .iter()
                .map(|e| rule_json(&e.meta, None))
                .collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
        Format::Text => {
            let width = registry
                .entries()
                .iter()
                .map(|e| e.meta.id.len())
                .max()
                .unwrap_or(2);
            writeln!(
                out,
                "{:width$}  {:8}  {:12}  {:24}  TITLE",
                "ID", "SEVERITY", "FIX", "CHECKOV"
            )?;
            for entry in registry.entries() {
                let meta = &entry.meta;
                let fix = heal_patch::Applicability::from(meta.fix);
                writeln!(
                    out,
                    "{:width$}  {:8}  {:12}  {:24}  {}",
                    meta.id,
                    meta.severity.to_string(),
                    fix.as_str(),
                    meta.checkov.join(","),
                    meta.title
                )?;
            }
        }
    }
    out.flush()?;
    Ok(CLEAN)
}

fn rule_json(meta: &heal_rules::RuleMeta, documentation: Option<&str>) -> serde_json::Value {
    let mut value = json!({
        "id": meta.id,
        "title": meta.title,
        "severity": meta.severity,
        "provider": meta.provider,
        "resources": meta.resources,
        "fix": heal_patch::Applicability::from(meta.fix).as_str(),
        "message": meta.message,
        "checkov": meta.checkov,
        "trivy": meta.trivy,
        "cis": meta.cis,
    });
    if let Some(documentation) = documentation {
        value["documentation"] = json!(documentation);
    }
    value
}

fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.path, a.range.start, &a.rule_id).cmp(&(&b.path, b.range.start, &b.rule_id))
    });
}

fn report_errors(errors: &[FileError]) {
    for error in errors {
        eprintln!("heal: error: {error}");
    }
}

fn exit_code(errors: &[FileError], findings: usize) -> u8 {
    if !errors.is_empty() {
        ERROR
    } else if findings > 0 {
        FINDINGS
    } else {
        CLEAN
    }
}

/// A path as shown in diffs: relative, without a leading `./`.
fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|dir| path.strip_prefix(dir).ok().map(Path::to_path_buf));
    let shown = relative.as_deref().unwrap_or(path);
    let shown = shown.strip_prefix(".").unwrap_or(shown);
    // An absolute path outside the current directory: `a/` + `/x` would read `a//x`.
    let shown = shown.strip_prefix("/").unwrap_or(shown);
    shown.display().to_string()
}
