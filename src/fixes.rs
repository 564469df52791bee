//! Fixing in memory, for the outputs that do not write files in place: a patch
//! file, commits, fix branches.

use std::borrow::Borrow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use heal_rules::{
    check_module, fix_module, Finding, FixOptions, FixOutcome, Module, ModuleFile, Registry,
};
use heal_syntax::SourceFile;
use rayon::prelude::*;

use crate::config::{rule_matches, Config};
use crate::workspace::FileError;

/// One changed file.
#[derive(Debug, Clone)]
pub struct Change {
    /// The path as the module knows it.
    pub path: PathBuf,
    /// The text before the fixes.
    pub old: String,
    /// The text after them.
    pub new: String,
}

/// What fixing a set of modules in memory produced.
#[derive(Debug, Default)]
pub struct Fixed {
    /// Changed files, in path order.
    pub changes: Vec<Change>,
    /// Findings whose fixes were applied.
    pub applied: Vec<Finding>,
    /// Findings left, suppressed ones included.
    pub remaining: Vec<Finding>,
    /// Fixes that produced invalid HCL and were dropped.
    pub errors: Vec<FileError>,
}

/// A module and the files of it that may be fixed.
pub type Target = (Module, BTreeSet<PathBuf>);

/// Fixes every target with `registry`, minus the rules `config` skips under
/// each file's path, changing nothing on disk. Modules are fixed in parallel.
pub fn fix_in_memory<T: Borrow<Target> + Sync>(
    registry: &Registry,
    targets: &[T],
    unsafe_fixes: bool,
    config: &Config,
) -> Fixed {
    let results: Vec<Fixed> = targets
        .par_iter()
        .map(|target| {
            let (module, files) = target.borrow();
            fix_one(registry, module, files, unsafe_fixes, config)
        })
        .collect();
    let mut fixed = Fixed::default();
    for one in results {
        fixed.changes.extend(one.changes);
        fixed.applied.extend(one.applied);
        fixed.remaining.extend(one.remaining);
        fixed.errors.extend(one.errors);
    }
    fixed.changes.sort_by(|a, b| a.path.cmp(&b.path));
    fixed
}

/// The rules with a fix `heal fix` would apply in the `files` of `module`: a
/// module without one for a rule needs no fixing run with that rule.
pub fn fixable_rules(
    registry: &Registry,
    module: &Module,
    files: &BTreeSet<PathBuf>,
    unsafe_fixes: bool,
    config: &Config,
) -> BTreeSet<String> {
    let options = FixOptions {
        unsafe_fixes,
        display_only: false,
    };
    check_module_scoped(registry, module, files, config)
        .into_iter()
        .filter(|finding| finding.suppressed_by.is_none())
        .filter(|finding| finding.fix.as_ref().is_some_and(|fix| options.allows(fix)))
        .map(|finding| finding.rule_id)
        .collect()
}

/// Fixes the `files` of one module in memory. A module whose fixes did not
/// settle within the pass cap changes nothing: fixes that keep re-applying
/// themselves would write the same lines several times over, so each file is
/// reported instead and the findings stay as they were.
pub fn fix_one(
    registry: &Registry,
    module: &Module,
    files: &BTreeSet<PathBuf>,
    unsafe_fixes: bool,
    config: &Config,
) -> Fixed {
    let options = FixOptions {
        unsafe_fixes,
        display_only: false,
    };
    let outcome = fix_module_scoped(registry, module, files, options, config);
    let mut fixed = Fixed::default();
    for (path, message) in outcome.broken {
        fixed.errors.push(FileError {
            path,
            position: None,
            message: format!("a fix produced invalid HCL and was dropped: {message}"),
        });
    }
    if outcome.hit_pass_cap {
        for path in outcome.changed.keys() {
            fixed.errors.push(FileError {
                path: path.clone(),
                position: None,
                message: format!(
                    "fixes did not settle after {} passes; not written",
                    heal_rules::MAX_PASSES
                ),
            });
        }
        fixed.remaining = check_module_scoped(registry, module, files, config);
        return fixed;
    }
    for (path, new) in outcome.changed {
        if let Some(file) = module.file(&path) {
            let old = file.text().to_string();
            fixed.changes.push(Change { path, old, new });
        }
    }
    fixed.applied = outcome.applied;
    fixed.remaining = outcome.remaining;
    crate::report::log_module(module, "fixed", fixed.applied.len(), &fixed.remaining);
    fixed
}

/// Replaces the files of `targets` that `changes` touch with their new text, so
/// a later round of fixes starts from them.
pub fn advance(targets: &mut [Target], changes: &[Change]) {
    for (module, _) in targets.iter_mut() {
        let paths: Vec<_> = module
            .files()
            .iter()
            .map(|f| f.source.path().to_path_buf())
            .collect();
        for path in paths {
            let Some(change) = changes.iter().find(|c| c.path == path) else {
                continue;
            };
            let source = SourceFile::new(&change.path, change.new.clone());
            match ModuleFile::parse(source) {
                Ok(parsed) => {
                    module.replace_file(parsed);
                }
                Err(error) => log::debug!(
                    "{}: fixed text does not parse: {error}",
                    change.path.display()
                ),
            }
        }
    }
}

/// The rules of `registry` one at a time, each as a registry of its own.
pub fn one_rule_registries(registry: &Registry) -> Vec<(String, Registry)> {
    registry
        .entries()
        .iter()
        .map(|entry| {
            let id = entry.meta.id.clone();
            let single = registry.filtered(|other| other == id);
            (id, single)
        })
        .collect()
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The files of `targets` grouped by the rules `config` skips under their
/// paths; one group with nothing skipped when there are no path rules.
fn by_skipped_rules(
    targets: &BTreeSet<PathBuf>,
    config: &Config,
) -> Vec<(Vec<String>, BTreeSet<PathBuf>)> {
    let mut groups: Vec<(Vec<String>, BTreeSet<PathBuf>)> = Vec::new();
    for path in targets {
        let mut skipped: Vec<String> = config
            .ignored_for(path)
            .into_iter()
            .map(str::to_string)
            .collect();
        skipped.sort();
        match groups.iter_mut().find(|(rules, _)| *rules == skipped) {
            Some((_, paths)) => {
                paths.insert(path.clone());
            }
            None => groups.push((skipped, BTreeSet::from([path.clone()]))),
        }
    }
    groups
}

/// `registry` without the `skipped` rules. Most runs skip none: then the
/// registry itself, not a copy of its 200 entries for every module.
fn without<'a>(registry: &'a Registry, skipped: &[String]) -> Scoped<'a> {
    if skipped.is_empty() {
        return Scoped::Whole(registry);
    }
    let patterns: Vec<&str> = skipped.iter().map(String::as_str).collect();
    Scoped::Filtered(registry.filtered(|id| !rule_matches(&patterns, id)))
}

/// The registry that one group of files is checked with.
enum Scoped<'a> {
    Whole(&'a Registry),
    Filtered(Registry),
}

impl std::ops::Deref for Scoped<'_> {
    type Target = Registry;

    fn deref(&self) -> &Registry {
        match self {
            Scoped::Whole(registry) => registry,
            Scoped::Filtered(registry) => registry,
        }
    }
}

/// [`check_module`] on `targets`, honouring `.heal.hcl`'s path rules.
pub fn check_module_scoped(
    registry: &Registry,
    module: &Module,
    targets: &BTreeSet<PathBuf>,
    config: &Config,
) -> Vec<Finding> {
    by_skipped_rules(targets, config)
        .into_iter()
        .flat_map(|(skipped, paths)| {
            let scoped = without(registry, &skipped);
            check_module(&scoped, module, &|path: &Path| paths.contains(path))
        })
        .collect()
}

/// [`fix_module`] on `targets`, honouring `.heal.hcl`'s path rules: each group
/// of files is fixed with its own rules, on top of the previous group's fixes.
pub fn fix_module_scoped(
    registry: &Registry,
    module: &Module,
    targets: &BTreeSet<PathBuf>,
    options: FixOptions,
    config: &Config,
) -> FixOutcome {
    let groups = by_skipped_rules(targets, config);
    if let [(skipped, paths)] = groups.as_slice() {
        let scoped = without(registry, skipped);
        return fix_module(
            &scoped,
            module,
            &|path: &Path| paths.contains(path),
            options,
        );
    }
    let mut merged = FixOutcome::default();
    let mut current = vec![(module.clone(), targets.clone())];
    for (skipped, paths) in groups {
        let scoped = without(registry, &skipped);
        let outcome = fix_module(
            &scoped,
            &current[0].0,
            &|path: &Path| paths.contains(path),
            options,
        );
        let changes: Vec<Change> = outcome
            .changed
            .iter()
            .map(|(path, new)| Change {
                path: path.clone(),
                old: String::new(),
                new: new.clone(),
            })
            .collect();
        advance(&mut current, &changes);
        merged.changed.extend(outcome.changed);
        merged.applied.extend(outcome.applied);
        merged.remaining.extend(outcome.remaining);
        merged.hit_pass_cap |= outcome.hit_pass_cap;
        merged.broken.extend(outcome.broken);
    }
    merged
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use heal_patch::{Applicability, Edit, Fix};
    use heal_rules::{Context, Rule, RuleMeta};
    use heal_syntax::Block;

    use super::*;

    /// A rule that never sees its own fix: every pass adds one more comment.
    struct Restless {
        meta: RuleMeta,
    }

    impl Rule for Restless {
        fn meta(&self) -> &RuleMeta {
            &self.meta
        }

        fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
            let mut finding = Finding::new(&self.meta, context.file, block, block.span.clone());
            let edit = Edit::insert(block.span.start, "# again\n");
            finding.fix = Fix::new(vec![edit], Applicability::Safe).ok();
            findings.push(finding);
        }
    }

    fn restless() -> Registry {
        let meta: RuleMeta = serde_json::from_value(serde_json::json!({
            "id": "test-restless", "title": "t", "severity": "low", "provider": "aws",
            "resources": ["thing"], "fix": "safe", "message": "never settles",
        }))
        .expect("valid rule metadata");
        Registry::of_rules(vec![Arc::new(Restless { meta })])
    }

    #[test]
    fn a_module_whose_fixes_never_settle_changes_nothing_and_keeps_its_findings() {
        let text = "resource \"thing\" \"a\" {\n}\n";
        let path = PathBuf::from("m/main.tf");
        let file = ModuleFile::parse(SourceFile::new(&path, text.to_string())).unwrap();
        let module = Module::new("m", vec![file]);
        let registry = restless();
        let targets = BTreeSet::from([path.clone()]);

        let engine = fix_module(
            &registry,
            &module,
            &|_: &Path| true,
            FixOptions {
                unsafe_fixes: false,
                display_only: false,
            },
        );
        assert!(engine.hit_pass_cap, "the rule must make the engine give up");

        let fixed = fix_one(&registry, &module, &targets, false, &Config::default());
        assert!(fixed.changes.is_empty());
        assert!(fixed.applied.is_empty());
        assert_eq!(fixed.remaining.len(), 1);
        assert_eq!(
            fixed.remaining[0].range.start, 0,
            "points into the text on disk"
        );
        assert_eq!(fixed.errors.len(), 1);
        assert_eq!(fixed.errors[0].path, path);
        assert!(fixed.errors[0].message.contains("did not settle"));
    }
}
