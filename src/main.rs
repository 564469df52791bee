//! The `heal` command.

mod args;
mod bot;
mod ci_output;
mod commit_message;
mod config;
mod fix_commit;
mod fixes;
mod patch_file;
mod progress;
mod report;
mod workspace;
mod write;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Parser as _;
use heal_rules::{Finding, FixOptions, Module, Registry};
use rayon::prelude::*;
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
    if let Err(error) = config::load_and_apply(&mut cli.command) {
        eprintln!("heal: error: {error:#}");
        return ExitCode::from(ERROR);
    }
    match run(&cli) {
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

fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => log::LevelFilter::Warn,
        1 => log::LevelFilter::Debug,
        _ => log::LevelFilter::Trace,
    };
    env_logger::Builder::new()
        .filter_level(level)
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

/// Every module under the selection's paths, loaded in parallel, with the target
/// files of each.
struct Loaded {
    modules: Vec<(Module, std::collections::BTreeSet<PathBuf>)>,
    errors: Vec<FileError>,
    files: usize,
    progress: progress::Progress,
}

fn load(selection: &Selection) -> Loaded {
    load_with_progress(selection, true)
}

/// [`load`], with a progress bar unless `quiet` (see [`progress::Progress`]).
fn load_with_progress(selection: &Selection, quiet: bool) -> Loaded {
    let targets = workspace::discover(&selection.paths);
    let files = targets.file_count();
    let progress = progress::Progress::start(files, quiet);
    let results: Vec<_> = targets
        .by_dir
        .into_par_iter()
        .map(|(dir, paths)| {
            let (module, errors) = workspace::load_module(&dir, &paths);
            progress.advance(paths.len());
            (module, paths, errors)
        })
        .collect();
    let mut loaded = Loaded {
        modules: Vec::with_capacity(results.len()),
        errors: targets.errors,
        files,
        progress,
    };
    for (module, paths, errors) in results {
        loaded.modules.push((module, paths));
        loaded.errors.extend(errors);
    }
    loaded
}

fn check(args: &CheckArgs, quiet: bool) -> Result<u8> {
    let registry = registry_for(&args.selection)?;
    let loaded = load_with_progress(&args.selection, quiet);
    let mut findings: Vec<Finding> = loaded
        .modules
        .par_iter()
        .flat_map_iter(|(module, targets)| {
            fixes::check_module_scoped(&registry, module, targets, config::active())
        })
        .collect();
    loaded.progress.finish();
    sort_findings(&mut findings);
    let modules: Vec<Module> = loaded
        .modules
        .into_iter()
        .map(|(module, _)| module)
        .collect();

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let visible: Vec<&Finding> = findings.iter().collect();
    let tally = report::Tally::of(&visible);
    match args.format {
        CheckFormat::Sarif | CheckFormat::Github => {
            let namer = patch_file::PathNamer::new()?;
            let run = ci_output::CheckRun {
                findings: &findings,
                modules: &modules,
                registry: &registry,
                errors: &loaded.errors,
                namer: &namer,
            };
            if args.format == CheckFormat::Sarif {
                ci_output::write_sarif(&mut out, &run)?;
            } else {
                ci_output::write_github(&mut out, &run)?;
            }
        }
        CheckFormat::Json => {
            let document = json!({
                "version": 1,
                "findings": findings.iter().map(|f| report::finding_json(f, &modules, &registry)).collect::<Vec<_>>(),
                "errors": loaded.errors.iter().map(report::error_json).collect::<Vec<_>>(),
                "summary": {
                    "files": loaded.files,
                    "findings": tally.findings,
                    "suppressed": tally.suppressed,
                    "fixable_safe": tally.safe,
                    "fixable_unsafe": tally.unsafe_,
                    "display_only": tally.display_only,
                },
            });
            serde_json::to_writer_pretty(&mut out, &document)?;
            writeln!(out)?;
        }
        CheckFormat::Text => {
            for finding in findings.iter().filter(|f| f.suppressed_by.is_none()) {
                if let Some(source) = report::source_of(&modules, &finding.path) {
                    report::write_finding(&mut out, finding, source)?;
                }
            }
            out.flush()?;
            report_errors(&loaded.errors);
            if !quiet {
                report::write_check_summary(&mut out, tally, loaded.files)?;
                let elapsed = loaded.progress.elapsed();
                let errors = loaded.errors.len();
                progress::write_closing_line(&mut out, "Checked", loaded.files, errors, elapsed)?;
            }
        }
    }
    out.flush()?;
    Ok(exit_code(&loaded.errors, tally.findings))
}

fn fix(args: &FixArgs, quiet: bool) -> Result<u8> {
    if let Some(patch) = &args.patch {
        return patch_file::write_patch(args, patch, quiet);
    }
    if args.commit {
        return fix_commit::commit_fixes(args, quiet);
    }
    let registry = registry_for(&args.selection)?;
    let loaded = load_with_progress(&args.selection, quiet);
    let mut errors = loaded.errors;
    let options = FixOptions {
        unsafe_fixes: args.unsafe_fixes,
        display_only: false,
    };
    let outcomes: Vec<_> = loaded
        .modules
        .par_iter()
        .map(|(module, targets)| {
            fixes::fix_module_scoped(&registry, module, targets, options, config::active())
        })
        .collect();
    loaded.progress.finish();
    let modules: Vec<Module> = loaded
        .modules
        .into_iter()
        .map(|(module, _)| module)
        .collect();

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut applied = Vec::new();
    let mut remaining = Vec::new();
    let mut changed_files = 0;
    // Remaining findings point into the fixed text, not the text on disk before.
    let mut fixed_sources: std::collections::HashMap<PathBuf, heal_syntax::SourceFile> =
        std::collections::HashMap::new();
    for outcome in outcomes {
        if outcome.hit_pass_cap {
            // Fixes that never settle re-apply themselves on every pass (a rule
            // that does not see its own edit): writing the result would leave
            // the same lines several times over. Nothing of the module is written.
            for path in outcome.changed.keys() {
                errors.push(FileError {
                    path: path.clone(),
                    position: None,
                    message: format!(
                        "fixes did not settle after {} passes; not written",
                        heal_rules::MAX_PASSES
                    ),
                });
            }
            continue;
        }
        for (path, message) in &outcome.broken {
            errors.push(FileError {
                path: path.clone(),
                position: None,
                message: format!("a fix produced invalid HCL and was dropped: {message}"),
            });
        }
        for (path, new_text) in &outcome.changed {
            let Some(source) = report::source_of(&modules, path) else {
                continue;
            };
            changed_files += 1;
            if args.diff {
                let shown = display_path(path);
                write!(
                    out,
                    "{}",
                    heal_patch::unified_diff(&shown, source.text(), new_text)
                )?;
            } else if let Err(message) = write::write_atomically(path, source.text(), new_text) {
                errors.push(FileError {
                    path: path.clone(),
                    position: None,
                    message,
                });
            }
        }
        fixed_sources.extend(outcome.changed.iter().map(|(path, text)| {
            let source = heal_syntax::SourceFile::new(path, text.clone());
            (path.clone(), source)
        }));
        applied.extend(outcome.applied);
        remaining.extend(outcome.remaining);
    }
    sort_findings(&mut remaining);

    let unsuppressed: Vec<&Finding> = remaining
        .iter()
        .filter(|f| f.suppressed_by.is_none())
        .collect();
    if !args.diff {
        for finding in &unsuppressed {
            let fixed = fixed_sources.get(&finding.path);
            let source = fixed.or_else(|| report::source_of(&modules, &finding.path));
            if let Some(source) = source {
                report::write_finding(&mut out, finding, source)?;
            }
        }
    }
    out.flush()?;
    report_errors(&errors);
    if !quiet {
        let mut summary = io::stderr().lock();
        report::write_fix_summary(&mut summary, &applied, changed_files, !args.diff)?;
        let tally = report::Tally::of(&unsuppressed);
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
        let elapsed = loaded.progress.elapsed();
        progress::write_closing_line(&mut summary, "Checked", loaded.files, errors.len(), elapsed)?;
    }
    let pending = if args.diff {
        applied.len() + unsuppressed.len()
    } else {
        unsuppressed.len()
    };
    if args.exit_non_zero_on_fix && changed_files > 0 && !args.diff {
        return Ok(exit_code(&errors, pending).max(FINDINGS));
    }
    Ok(exit_code(&errors, pending))
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
