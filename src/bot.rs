//! `heal bot`: fix branches computed entirely in the object database.
//!
//! The files are read from the base commit's tree, fixed in memory, and written
//! back as new blobs and trees, so the bot never touches a working tree or an
//! index and works in a bare clone. Each group of rules (one rule by default)
//! gets a branch `heal/<group>` on top of the base. Branches are only rewritten
//! when what they hold changes, so running the bot twice is a no-op.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use heal_git::{BranchUpdate, Identity, LeasedBranch, PushOutcome, Repository};
use heal_rules::{Module, ModuleFile, Registry};
use heal_syntax::SourceFile;

use crate::args::{BotArgs, Group};
use crate::commit_message::{self, ByRule, Located};
use crate::config::Config;
use crate::fixes::{fix_one, fixable_rules, line_of, one_rule_registries};
use rayon::prelude::*;

/// The identity of bot commits when neither flags, environment nor git config
/// name one.
const DEFAULT_IDENTITY: (&str, &str) = ("heal", "heal@localhost");

/// The prefix of fix branches unless `--branch-prefix` or `.heal.hcl` says.
const DEFAULT_PREFIX: &str = "heal/";

/// A fix branch this run produced.
struct Branch {
    name: String,
    update: BranchUpdate,
    by_rule: ByRule,
    subject: String,
}

/// Runs the bot. Returns the exit status.
pub fn run(args: &BotArgs, quiet: bool) -> Result<u8> {
    let repository = heal_git::open(&args.repository)?;
    let remote = args.push.as_deref().unwrap_or("origin");
    let (base_name, base) = heal_git::resolve_base(&repository, args.base.as_deref(), remote)?;
    let base_name = short_name(&base_name);
    let config = tree_config(&repository, &base)?;
    let mut args = args.clone();
    crate::config::apply_to_bot(&config, &mut args);
    let args = &args;
    let (author, committer) = identities(&repository, args)?;
    let registry = crate::registry_for(&selection(args))?;
    let prefix = args.branch_prefix.as_deref().unwrap_or(DEFAULT_PREFIX);
    if !quiet {
        eprintln!("Base: {base_name} at {:.7}", base.id().to_string());
    }
    let groups = groups(&registry, args.group.unwrap_or(Group::Rule));
    let fixed = fix_tree(&repository, &base, &registry, &groups, args, &config)?;

    let mut branches = Vec::new();
    let mut stale = Vec::new();
    for ((group, _), fixed) in groups.iter().zip(fixed) {
        let name = format!("{prefix}{group}");
        let reference = format!("refs/heads/{name}");
        let tracking = format!("refs/remotes/{remote}/{name}");
        if fixed.changes.is_empty() {
            let exists = [&reference, &tracking]
                .iter()
                .any(|r| heal_git::branch_target(&repository, r).is_some());
            if exists {
                stale.push(name);
            }
            continue;
        }
        let by_rule = fixed.by_rule;
        let subject = commit_message::subject(&registry, &by_rule, &format!(" ({group})"));
        let message = commit_message::message(&subject, &registry, &by_rule);
        let tree = base.tree().context("the base commit's tree")?;
        let mut changes = fixed.changes;
        changes.sort();
        let new = heal_git::NewCommit {
            tree: heal_git::tree_with_changes(&repository, &tree, &changes)?,
            message: &message,
            author: &author,
            committer: &committer,
        };
        // libgit2 updates a reference through a lock file, which an ended
        // process would leave behind to block the next run.
        let section = crate::interrupt::enter().map_err(|why| anyhow::anyhow!("{name}: {why}"))?;
        let update =
            heal_git::publish_branch(&repository, &reference, Some(&tracking), &base, &new)?;
        drop(section);
        branches.push(Branch {
            name,
            update,
            by_rule,
            subject,
        });
    }

    report(&branches, &stale);
    if let Some(dir) = &args.pr_body {
        write_pr_bodies(dir, &branches, &registry, &base_name, args)?;
    }
    let refused = match &args.push {
        Some(remote) => push(&repository, remote, &branches)?,
        None => 0,
    };
    Ok(if refused > 0 {
        crate::ERROR
    } else {
        crate::CLEAN
    })
}

/// The base tree's `.heal.hcl`: the bot follows the configuration of the code
/// it fixes, wherever it runs.
fn tree_config(repository: &Repository, base: &heal_git::Commit<'_>) -> Result<Config> {
    let tree = base.tree().context("the base commit's tree")?;
    let wanted = |path: &str| path == crate::config::FILE_NAME;
    let Some(file) = heal_git::read_files(repository, &tree, &wanted)?.pop() else {
        return Ok(Config::default());
    };
    let text = String::from_utf8(file.content)
        .with_context(|| format!("{}: not UTF-8", crate::config::FILE_NAME))?;
    Ok(crate::config::parse(
        Path::new(crate::config::FILE_NAME),
        &text,
        Path::new(""),
    )?)
}

/// `main` for `refs/heads/main`, `origin/main` for `refs/remotes/origin/main`.
fn short_name(name: &str) -> String {
    let short = name
        .strip_prefix("refs/heads/")
        .or_else(|| name.strip_prefix("refs/remotes/"))
        .unwrap_or(name);
    short.to_string()
}

fn selection(args: &BotArgs) -> crate::args::Selection {
    crate::args::Selection {
        paths: Vec::new(),
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    }
}

fn identities(repository: &Repository, args: &BotArgs) -> Result<(Identity, Identity)> {
    let author = args
        .author
        .as_deref()
        .map(heal_git::parse_identity)
        .transpose()?;
    let committer = author.clone();
    match heal_git::identities(repository, author.as_ref(), committer.as_ref()) {
        Ok(pair) => Ok(pair),
        Err(_) => {
            let identity = Identity {
                name: DEFAULT_IDENTITY.0.to_string(),
                email: DEFAULT_IDENTITY.1.to_string(),
            };
            log::debug!("no identity configured; committing as {}", identity.name);
            Ok((identity.clone(), identity))
        }
    }
}

/// The groups of rules that get one branch each, with their names.
fn groups(registry: &Registry, group: Group) -> Vec<(String, Registry)> {
    match group {
        Group::Rule => one_rule_registries(registry),
        Group::All => vec![("all".to_string(), registry.filtered(|_| true))],
        Group::Provider => {
            let providers: BTreeSet<&str> = registry
                .entries()
                .iter()
                .map(|entry| entry.meta.provider.as_str())
                .collect();
            providers
                .into_iter()
                .map(|provider| {
                    let ids: BTreeSet<String> = registry
                        .entries()
                        .iter()
                        .filter(|entry| entry.meta.provider == provider)
                        .map(|entry| entry.meta.id.clone())
                        .collect();
                    (
                        provider.to_string(),
                        registry.filtered(|id| ids.contains(id)),
                    )
                })
                .collect()
        }
    }
}

/// What one group's branch gets: the changed files (`/`-separated path, new
/// text) and the fixes, by rule, for the commit message.
#[derive(Default)]
struct GroupFix {
    changes: Vec<(String, String)>,
    by_rule: ByRule,
}

/// Modules read from the object database and fixed before their results are
/// merged; parsed modules live only while a worker holds them.
const WINDOW: usize = 256;

/// One directory of the base tree: its `.tf` files and its lock file.
#[derive(Default)]
struct Dir {
    files: Vec<heal_git::TreeEntry>,
    lock: Option<heal_git::TreeEntry>,
}

/// Fixes the base tree once per group, a window of modules at a time: a group's
/// fixes start from the base, so each module can be fixed for every group while
/// it is at hand, and only changed files are kept. Each group is fixed only in
/// the modules one check with every rule found a fix for it in.
fn fix_tree(
    repository: &Repository,
    base: &heal_git::Commit<'_>,
    registry: &Registry,
    groups: &[(String, Registry)],
    args: &BotArgs,
    config: &Config,
) -> Result<Vec<GroupFix>> {
    let tree = base.tree().context("the base commit's tree")?;
    let wanted = |path: &str| path.ends_with(".tf") || path.ends_with(".terraform.lock.hcl");
    let mut dirs: BTreeMap<PathBuf, Dir> = BTreeMap::new();
    for entry in heal_git::list_files(&tree, &wanted)? {
        let path = PathBuf::from(&entry.path);
        let dir = dirs
            .entry(path.parent().map(Path::to_path_buf).unwrap_or_default())
            .or_default();
        if entry.path.ends_with(".terraform.lock.hcl") {
            dir.lock = Some(entry);
        } else {
            dir.files.push(entry);
        }
    }

    let mut fixed: Vec<GroupFix> = groups.iter().map(|_| GroupFix::default()).collect();
    let dirs: Vec<(PathBuf, Dir)> = dirs.into_iter().collect();
    for window in dirs.chunks(WINDOW) {
        // libgit2 handles are not shared across threads: blobs are read here.
        let mut texts = Vec::with_capacity(window.len());
        for (dir, entries) in window {
            texts.push((dir, read_dir_texts(repository, entries)?));
        }
        let results: Vec<Vec<(usize, GroupFix)>> = texts
            .into_par_iter()
            .map(|(dir, (files, lock))| {
                let Some((module, paths)) = parse_module(dir, files, lock) else {
                    return Vec::new();
                };
                fix_module_per_group(registry, groups, &module, &paths, args, config)
            })
            .collect();
        for (index, one) in results.into_iter().flatten() {
            fixed[index].changes.extend(one.changes);
            for (rule, located) in one.by_rule {
                fixed[index]
                    .by_rule
                    .entry(rule)
                    .or_default()
                    .extend(located);
            }
        }
    }
    for group in &mut fixed {
        for located in group.by_rule.values_mut() {
            located.sort();
            located.dedup();
        }
    }
    Ok(fixed)
}

/// A directory's `.tf` files (path, text) and its lock file.
type DirTexts = (Vec<(PathBuf, String)>, Option<String>);

/// A directory's `.tf` texts (path, text) and lock file; files that are not
/// UTF-8 are skipped with a warning.
fn read_dir_texts(repository: &Repository, dir: &Dir) -> Result<DirTexts> {
    let text_of = |entry: &heal_git::TreeEntry| -> Result<Option<String>> {
        let bytes = heal_git::read_blob(repository, entry)?;
        let text = String::from_utf8(bytes).ok();
        if text.is_none() {
            log::warn!("{}: skipped: not UTF-8", entry.path);
        }
        Ok(text)
    };
    let mut files = Vec::with_capacity(dir.files.len());
    for entry in &dir.files {
        if let Some(text) = text_of(entry)? {
            files.push((PathBuf::from(&entry.path), text));
        }
    }
    let lock = match &dir.lock {
        Some(entry) => text_of(entry)?,
        None => None,
    };
    Ok((files, lock))
}

/// The module of one directory of the base tree; files that do not parse are
/// skipped with a warning, and a directory with no readable file is none.
fn parse_module(
    dir: &Path,
    texts: Vec<(PathBuf, String)>,
    lock: Option<String>,
) -> Option<(Module, BTreeSet<PathBuf>)> {
    let files: Vec<ModuleFile> = texts
        .into_iter()
        .filter_map(|(path, text)| {
            ModuleFile::parse(SourceFile::new(&path, text))
                .inspect_err(|error| {
                    log::warn!("{}: skipped: cannot parse: {error}", path.display())
                })
                .ok()
        })
        .collect();
    if files.is_empty() {
        return None;
    }
    let paths = files
        .iter()
        .map(|f| f.source.path().to_path_buf())
        .collect();
    let mut module = Module::new(dir, files);
    if let Some(lock) = lock {
        module = module.with_lock_file(&lock);
    }
    Some((module, paths))
}

/// Fixes `module` once for each group that has a fix in it, from the base text
/// each time.
fn fix_module_per_group(
    registry: &Registry,
    groups: &[(String, Registry)],
    module: &Module,
    paths: &BTreeSet<PathBuf>,
    args: &BotArgs,
    config: &Config,
) -> Vec<(usize, GroupFix)> {
    let fixable = fixable_rules(registry, module, paths, args.unsafe_fixes, config);
    let mut results = Vec::new();
    for (index, (_, group_registry)) in groups.iter().enumerate() {
        if !fixable.iter().any(|id| group_registry.entry(id).is_some()) {
            continue;
        }
        let fixed = fix_one(group_registry, module, paths, args.unsafe_fixes, config);
        for error in &fixed.errors {
            log::warn!("{error}");
        }
        let mut one = GroupFix::default();
        for finding in &fixed.applied {
            let text = module.file(&finding.path).map_or("", |file| file.text());
            let located = Located {
                path: git_path(&finding.path),
                line: line_of(text, finding.range.start),
                address: finding.address.clone(),
            };
            commit_message::record(&mut one.by_rule, finding, located);
        }
        one.changes = fixed
            .changes
            .into_iter()
            .map(|change| (git_path(&change.path), change.new))
            .collect();
        results.push((index, one));
    }
    results
}

fn git_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn report(branches: &[Branch], stale: &[String]) {
    for branch in branches {
        let fixes: usize = branch.by_rule.values().map(Vec::len).sum();
        println!(
            "{}: {} ({fixes} fix{}) {:.7}",
            branch.name,
            branch.update.state.as_str(),
            if fixes == 1 { "" } else { "es" },
            branch.update.commit.to_string()
        );
    }
    for name in stale {
        println!(
            "{name}: stale (nothing left to fix on the base; its fixes landed or no longer apply)"
        );
    }
    if branches.is_empty() && stale.is_empty() {
        println!("Nothing to fix; no branch.");
    }
}

fn push(repository: &Repository, remote: &str, branches: &[Branch]) -> Result<usize> {
    let leased: Vec<LeasedBranch> = branches
        .iter()
        .map(|branch| LeasedBranch {
            reference: branch.update.reference.clone(),
            commit: branch.update.commit,
            seen: branch.update.previous.clone(),
        })
        .collect();
    let results = heal_git::push_with_lease(repository, remote, &leased)
        .with_context(|| format!("pushing to `{remote}`"))?;
    let mut refused = 0;
    for result in results {
        let name = result.reference.trim_start_matches("refs/heads/");
        match result.outcome {
            PushOutcome::Pushed => println!("{name}: pushed to {remote}"),
            PushOutcome::AlreadyThere => println!("{name}: {remote} is up to date"),
            PushOutcome::Refused(why) => {
                refused += 1;
                eprintln!("heal: error: {name}: not pushed to {remote}: {why}");
            }
        }
    }
    Ok(refused)
}

/// Writes `<dir>/<branch with / as ->.md`: a title line, a blank line, a body.
fn write_pr_bodies(
    dir: &Path,
    branches: &[Branch],
    registry: &Registry,
    base_name: &str,
    args: &BotArgs,
) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    for branch in branches {
        let path = dir.join(format!("{}.md", branch.name.replace('/', "-")));
        let text = pr_body(branch, registry, base_name, args);
        crate::write::replace(&path, text.as_bytes())
            .map_err(|why| anyhow::anyhow!("{}: {why}", path.display()))?;
    }
    Ok(())
}

fn pr_body(branch: &Branch, registry: &Registry, base_name: &str, args: &BotArgs) -> String {
    let title = branch.subject.trim_start_matches("heal: ");
    let mut text = format!("{title}\n\n");
    let _ = writeln!(
        text,
        "heal found security misconfigurations on `{base_name}` and fixed them with minimal \
         edits. Every line outside the edits is unchanged.\n"
    );
    for (id, resources) in &branch.by_rule {
        let Some(entry) = registry.entry(id) else {
            continue;
        };
        let meta = &entry.meta;
        let fix = heal_patch::Applicability::from(meta.fix);
        let _ = writeln!(text, "## {} (`{id}`)\n", meta.title);
        let _ = writeln!(text, "Why: {}.\n", meta.message.trim_end_matches('.'));
        let _ = writeln!(text, "Fix safety: **{}**.", fix.as_str());
        if !meta.checkov.is_empty() {
            let _ = writeln!(text, "Clears Checkov: {}.", meta.checkov.join(", "));
        }
        let _ = writeln!(text, "\nResources:\n");
        for resource in resources {
            let _ = writeln!(
                text,
                "- `{}` in `{}:{}`",
                resource.address, resource.path, resource.line
            );
        }
        text.push('\n');
    }
    let rules: Vec<&str> = branch.by_rule.keys().map(String::as_str).collect();
    let unsafe_flag = if args.unsafe_fixes {
        " --unsafe-fixes"
    } else {
        ""
    };
    let _ = writeln!(
        text,
        "## Reproduce locally\n\n```sh\ngit checkout {base_name}\nheal fix{unsafe_flag} --select {} --diff\n```",
        rules.join(",")
    );
    text
}
