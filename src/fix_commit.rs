//! `heal fix --commit`: the fixes as commits on the current branch, one per
//! rule, per file, or one for all.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use heal_git::{CommitRequest, Identity, Repository};
use heal_rules::{Finding, Module, Registry};

use crate::args::{CommitPer, FixArgs};
use crate::commit_message::{self, ByRule, Located};
use crate::config::Config;
use crate::fixes::{
    advance, check_module_scoped, fix_in_memory, fixable_rules, line_of, one_rule_registries,
    Change, Target,
};
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
    let per = args.commit_per.unwrap_or(CommitPer::Rule);
    let rules = match per {
        CommitPer::Rule => one_rule_registries(&registry),
        CommitPer::File | CommitPer::All => Vec::new(),
    };
    let planner = Planner {
        registry: &registry,
        rules: &rules,
        args,
        namer: &namer,
        config: crate::config::active(),
    };

    // Modules are planned as they are read, keeping only their changes and
    // their rendered findings: the rule commits span the tree, but a module's
    // fixes depend on that module alone.
    let mut per_rule: Vec<Group> = rules
        .iter()
        .map(|_| Group {
            by_rule: ByRule::new(),
            changes: Vec::new(),
            scope: String::new(),
        })
        .collect();
    let mut whole: Vec<Group> = Vec::new();
    let mut errors = Vec::new();
    let mut report = Vec::new();
    let mut remaining = 0;
    let run = crate::pipeline::for_each_module(
        &args.selection,
        true,
        |module, targets| planner.plan(module, targets),
        |planned| {
            for (index, group) in planned.per_rule {
                let target = &mut per_rule[index];
                target.changes.extend(group.changes);
                for (rule, located) in group.by_rule {
                    target.by_rule.entry(rule).or_default().extend(located);
                }
            }
            whole.extend(planned.whole);
            errors.extend(planned.errors);
            report.extend(planned.report);
            remaining += planned.remaining;
            Ok(())
        },
    )?;
    let errors = [run.errors, errors].concat();
    let groups = match per {
        CommitPer::Rule => per_rule
            .into_iter()
            .filter(|group| !group.changes.is_empty())
            .map(|mut group| {
                for located in group.by_rule.values_mut() {
                    located.sort();
                    located.dedup();
                }
                group
            })
            .collect(),
        CommitPer::File => {
            whole.sort_by(|a, b| a.changes[0].path.cmp(&b.changes[0].path));
            whole
        }
        CommitPer::All => merge(whole),
    };
    let paths = root_paths(&groups, &namer)?;
    if refuse_user_changes(repository, &paths)? {
        return Ok(crate::ERROR);
    }

    let mut on_disk: BTreeMap<PathBuf, String> = BTreeMap::new();
    for group in &groups {
        let subject = commit_message::subject(&registry, &group.by_rule, &group.scope);
        let message = commit_message::message(&subject, &registry, &group.by_rule);
        // A group's files and its commit go together or not at all.
        let _section = crate::interrupt::enter()
            .map_err(|why| anyhow::anyhow!("{why}; earlier commits stay"))?;
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

    let mut out = std::io::stdout().lock();
    out.write_all(&report)?;
    out.flush()?;
    crate::report_errors(&errors);
    Ok(crate::exit_code(&errors, remaining))
}

/// What one module contributes to the commits.
#[derive(Default)]
struct Planned {
    /// Per rule (index into the rule registries), the module's changes.
    per_rule: Vec<(usize, Group)>,
    /// With one commit per file or for all: one group per changed file.
    whole: Vec<Group>,
    errors: Vec<FileError>,
    /// The findings left, rendered against the fixed text.
    report: Vec<u8>,
    remaining: usize,
}

/// Plans the commits of one module at a time.
struct Planner<'a> {
    registry: &'a Registry,
    /// One registry per rule, in id order, with `--commit-per rule`.
    rules: &'a [(String, Registry)],
    args: &'a FixArgs,
    namer: &'a PathNamer,
    config: &'a Config,
}

impl Planner<'_> {
    fn plan(&self, module: Module, files: &BTreeSet<PathBuf>) -> Planned {
        let mut planned = Planned::default();
        let mut current = vec![(module, files.clone())];
        if self.rules.is_empty() {
            self.plan_whole(&mut current, &mut planned);
        } else {
            self.plan_per_rule(&mut current, &mut planned);
        }
        let (module, files) = &current[0];
        let mut left: Vec<Finding> = check_module_scoped(self.registry, module, files, self.config)
            .into_iter()
            .filter(|finding| finding.suppressed_by.is_none())
            .collect();
        left.sort_by(|a, b| (&a.path, a.range.start).cmp(&(&b.path, b.range.start)));
        planned.remaining = left.len();
        for finding in &left {
            if let Some(file) = module.file(&finding.path) {
                // Writing into memory cannot fail.
                let _ = crate::report::write_finding(&mut planned.report, finding, &file.source);
            }
        }
        planned
    }

    /// One round per rule, each on top of the previous rules' fixes. Only the
    /// rules with a fix in the module run; that set is looked at again after
    /// each change, since a fix can give a later rule something to fix.
    fn plan_per_rule(&self, current: &mut [Target], planned: &mut Planned) {
        let unsafe_fixes = self.args.unsafe_fixes;
        let fixable = |current: &[Target]| {
            let (module, files) = &current[0];
            fixable_rules(self.registry, module, files, unsafe_fixes, self.config)
        };
        let mut wanted = fixable(current);
        for (index, (id, single)) in self.rules.iter().enumerate() {
            if !wanted.contains(id) {
                continue;
            }
            let fixed = fix_in_memory(single, current, unsafe_fixes, self.config);
            planned.errors.extend(fixed.errors);
            if fixed.changes.is_empty() {
                continue;
            }
            let by_rule = self.locate_all(&fixed.applied, current);
            advance(current, &fixed.changes);
            wanted = fixable(current);
            planned.per_rule.push((
                index,
                Group {
                    by_rule,
                    changes: fixed.changes,
                    scope: String::new(),
                },
            ));
        }
    }

    /// One round of all fixes, one group per changed file.
    fn plan_whole(&self, current: &mut [Target], planned: &mut Planned) {
        let fixed = fix_in_memory(self.registry, current, self.args.unsafe_fixes, self.config);
        planned.errors.extend(fixed.errors);
        for change in &fixed.changes {
            let applied: Vec<Finding> = fixed
                .applied
                .iter()
                .filter(|finding| finding.fix_target() == change.path)
                .cloned()
                .collect();
            planned.whole.push(Group {
                by_rule: self.locate_all(&applied, current),
                changes: vec![change.clone()],
                scope: format!(" in {}", self.namer.name(&change.path)),
            });
        }
        advance(current, &fixed.changes);
    }

    fn locate_all(&self, applied: &[Finding], targets: &[Target]) -> ByRule {
        let mut by_rule = ByRule::new();
        for finding in applied {
            let text = targets
                .iter()
                .find_map(|(module, _)| module.file(&finding.path))
                .map_or("", |file| file.text());
            let located = Located {
                path: self.namer.name(&finding.path),
                line: line_of(text, finding.range.start),
                address: finding.address.clone(),
            };
            commit_message::record(&mut by_rule, finding, located);
        }
        by_rule
    }
}

/// The groups of single files as one commit for all.
fn merge(groups: Vec<Group>) -> Vec<Group> {
    let mut all = Group {
        by_rule: ByRule::new(),
        changes: Vec::new(),
        scope: String::new(),
    };
    for group in groups {
        all.changes.extend(group.changes);
        for (rule, located) in group.by_rule {
            all.by_rule.entry(rule).or_default().extend(located);
        }
    }
    if all.changes.is_empty() {
        return Vec::new();
    }
    all.changes.sort_by(|a, b| a.path.cmp(&b.path));
    for located in all.by_rule.values_mut() {
        located.sort();
        located.dedup();
    }
    vec![all]
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
