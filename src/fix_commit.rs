//! `heal fix --commit`: the fixes as commits on the current branch, one per
//! rule, per file, or one for all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use heal_git::{CommitRequest, Identity, Repository};
use heal_rules::{check_module, Finding, Registry};

use crate::args::{CommitPer, FixArgs};
use crate::commit_message::{self, ByRule, Located};
use crate::fixes::{advance, fix_in_memory, line_of, one_rule_registries, Change, Target};
use crate::patch_file::PathNamer;
use crate::workspace::FileError;

/// The changes of one commit and what they fix.
struct Group {
    by_rule: ByRule,
    changes: Vec<Change>,
    /// Ends the subject of a commit of several rules (` in main.tf`).
    scope: String,
}

/// Fixes, writes and commits. Returns the exit status.
pub fn commit_fixes(args: &FixArgs, quiet: bool) -> Result<u8> {
    let current_dir = std::env::current_dir().context("cannot read the current directory")?;
    let Some(repository) = heal_git::discover(&current_dir)? else {
        bail!("--commit needs a git repository; none contains the current directory");
    };
    let namer = PathNamer::within(Some(&repository), current_dir);
    let repository = &repository;
    let (author, committer) = identities(repository, args)?;
    let registry = crate::registry_for(&args.selection)?;
    let loaded = crate::load(&args.selection);
    let mut errors = loaded.errors;
    let mut targets = loaded.modules;

    let groups = match args.commit_per.unwrap_or(CommitPer::Rule) {
        CommitPer::Rule => plan_per_rule(&registry, &mut targets, args, &namer, &mut errors),
        CommitPer::File | CommitPer::All => {
            plan_whole(&registry, &mut targets, args, &namer, &mut errors)
        }
    };
    let paths = root_paths(&groups, &namer)?;
    if refuse_user_changes(repository, &paths)? {
        return Ok(crate::ERROR);
    }

    let mut on_disk: BTreeMap<PathBuf, String> = BTreeMap::new();
    for group in &groups {
        let subject = commit_message::subject(&registry, &group.by_rule, &group.scope);
        let message = commit_message::message(&subject, &registry, &group.by_rule);
        write_group(group, &mut on_disk)?;
        let changes: Vec<(String, String)> = group
            .changes
            .iter()
            .filter_map(|change| Some((paths.get(&change.path)?.clone(), change.new.clone())))
            .collect();
        let request = CommitRequest {
            changes: &changes,
            message: &message,
            author: &author,
            committer: &committer,
        };
        let id = heal_git::commit_on_head(repository, &request)?;
        if !quiet {
            eprintln!("Committed {:.7} {subject}", id.to_string());
        }
    }
    if groups.is_empty() && !quiet {
        eprintln!("Nothing to fix; no commit.");
    }

    let remaining = remaining(&registry, &targets);
    let modules: Vec<heal_rules::Module> = targets.into_iter().map(|(module, _)| module).collect();
    let mut out = std::io::stdout().lock();
    for finding in &remaining {
        if let Some(source) = crate::report::source_of(&modules, &finding.path) {
            crate::report::write_finding(&mut out, finding, source)?;
        }
    }
    crate::report_errors(&errors);
    Ok(crate::exit_code(&errors, remaining.len()))
}

fn identities(repository: &Repository, args: &FixArgs) -> Result<(Identity, Identity)> {
    let author = args
        .author
        .as_deref()
        .map(heal_git::parse_identity)
        .transpose()?;
    let committer = args
        .committer
        .as_deref()
        .map(heal_git::parse_identity)
        .transpose()?;
    let committer = committer.or_else(|| author.clone());
    Ok(heal_git::identities(
        repository,
        author.as_ref(),
        committer.as_ref(),
    )?)
}

/// One round of fixes per rule, each on top of the previous rules' fixes.
fn plan_per_rule(
    registry: &Registry,
    targets: &mut [Target],
    args: &FixArgs,
    namer: &PathNamer,
    errors: &mut Vec<FileError>,
) -> Vec<Group> {
    let mut groups = Vec::new();
    for (_, single) in one_rule_registries(registry) {
        let fixed = fix_in_memory(&single, targets, args.unsafe_fixes, crate::config::active());
        errors.extend(fixed.errors);
        if fixed.changes.is_empty() {
            continue;
        }
        let by_rule = locate_all(&fixed.applied, targets, namer);
        advance(targets, &fixed.changes);
        groups.push(Group {
            by_rule,
            changes: fixed.changes,
            scope: String::new(),
        });
    }
    groups
}

/// One round of all fixes, as one commit or one per file.
fn plan_whole(
    registry: &Registry,
    targets: &mut [Target],
    args: &FixArgs,
    namer: &PathNamer,
    errors: &mut Vec<FileError>,
) -> Vec<Group> {
    let fixed = fix_in_memory(
        registry,
        targets,
        args.unsafe_fixes,
        crate::config::active(),
    );
    errors.extend(fixed.errors);
    let mut groups = Vec::new();
    if args.commit_per == Some(CommitPer::All) {
        if !fixed.changes.is_empty() {
            groups.push(Group {
                by_rule: locate_all(&fixed.applied, targets, namer),
                changes: fixed.changes.clone(),
                scope: String::new(),
            });
        }
    } else {
        for change in &fixed.changes {
            let applied: Vec<Finding> = fixed
                .applied
                .iter()
                .filter(|finding| finding.fix_target() == change.path)
                .cloned()
                .collect();
            groups.push(Group {
                by_rule: locate_all(&applied, targets, namer),
                changes: vec![change.clone()],
                scope: format!(" in {}", namer.name(&change.path)),
            });
        }
    }
    advance(targets, &fixed.changes);
    groups
}

fn locate_all(applied: &[Finding], targets: &[Target], namer: &PathNamer) -> ByRule {
    let mut by_rule = ByRule::new();
    for finding in applied {
        let text = targets
            .iter()
            .find_map(|(module, _)| module.file(&finding.path))
            .map_or("", |file| file.text());
        let located = Located {
            path: namer.name(&finding.path),
            line: line_of(text, finding.range.start),
            address: finding.address.clone(),
        };
        commit_message::record(&mut by_rule, finding, located);
    }
    by_rule
}

/// Every changed file's path relative to the repository root.
fn root_paths(groups: &[Group], namer: &PathNamer) -> Result<BTreeMap<PathBuf, String>> {
    let mut paths = BTreeMap::new();
    for change in groups.iter().flat_map(|group| &group.changes) {
        let relative = namer.in_repository(&change.path).with_context(|| {
            format!(
                "{}: outside the repository's working tree; not committed",
                change.path.display()
            )
        })?;
        paths.insert(change.path.clone(), relative);
    }
    Ok(paths)
}

/// Reports the files that hold the user's changes; true when there are any.
fn refuse_user_changes(repository: &Repository, paths: &BTreeMap<PathBuf, String>) -> Result<bool> {
    let unique: BTreeSet<String> = paths.values().cloned().collect();
    let unique: Vec<String> = unique.into_iter().collect();
    let changes = heal_git::user_changes(repository, &unique)?;
    for change in &changes {
        eprintln!(
            "heal: error: {}: has {}; heal commits only files without changes of yours \
             (commit or stash them first)",
            change.path, change.kind
        );
    }
    if !changes.is_empty() {
        eprintln!("heal: nothing was written or committed.");
    }
    Ok(!changes.is_empty())
}

fn write_group(group: &Group, on_disk: &mut BTreeMap<PathBuf, String>) -> Result<()> {
    for change in &group.changes {
        let expected = on_disk
            .get(&change.path)
            .cloned()
            .unwrap_or_else(|| change.old.clone());
        crate::write::write_atomically(&change.path, &expected, &change.new).map_err(|why| {
            anyhow::anyhow!("{}: {why}; earlier commits stay", change.path.display())
        })?;
        on_disk.insert(change.path.clone(), change.new.clone());
    }
    Ok(())
}

fn remaining(registry: &Registry, targets: &[Target]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = targets
        .iter()
        .flat_map(|(module, files)| check_module(registry, module, &|p| files.contains(p)))
        .filter(|finding| finding.suppressed_by.is_none())
        .collect();
    findings.sort_by(|a, b| (&a.path, a.range.start).cmp(&(&b.path, b.range.start)));
    findings
}
