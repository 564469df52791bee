//! Running rules over a module, and fixing it to a fixpoint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use heal_patch::{apply_edits, Applicability, Edit, Fix};
use heal_syntax::{Parser, SourceFile};

use crate::module::{Module, ModuleFile};
use crate::registry::Registry;
use crate::rule::{Context, Finding};
use crate::suppress::suppression;

/// At most this many rounds of apply, re-parse, re-check. Fixes are independent
/// almost always, so two rounds suffice; the cap stops a fix that never settles.
pub const MAX_PASSES: usize = 8;

/// Checks the files of `module` that `include` accepts.
pub fn check_module(
    registry: &Registry,
    module: &Module,
    include: &dyn Fn(&Path) -> bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for file in module.files() {
        if include(file.source.path()) {
            check_file(registry, module, file, &mut findings);
        }
    }
    findings
}

fn check_file(
    registry: &Registry,
    module: &Module,
    file: &ModuleFile,
    findings: &mut Vec<Finding>,
) {
    let context = Context { file, module };
    let start = findings.len();
    for block in file.body().blocks() {
        let kind = match block.ident.value.as_str() {
            "resource" => block.label(0),
            "module" => Some("module"),
            _ => None,
        };
        let Some(kind) = kind else { continue };
        for rule in registry.rules_for(kind) {
            rule.check(&context, block, findings);
        }
    }
    for finding in &mut findings[start..] {
        if let Some(entry) = registry.entry(&finding.rule_id) {
            finding.suppressed_by = suppression(file.text(), &finding.block, &entry.meta);
        }
    }
}

/// Which fixes to apply.
#[derive(Debug, Clone, Copy)]
pub struct FixOptions {
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Apply display-only suggestions too: for the catalog's own fixture tests,
    /// never for users.
    pub display_only: bool,
}

impl FixOptions {
    /// Whether these options let `fix` be applied.
    pub fn allows(&self, fix: &Fix) -> bool {
        match fix.applicability() {
            Applicability::Safe => true,
            Applicability::Unsafe => self.unsafe_fixes || self.display_only,
            Applicability::DisplayOnly => self.display_only,
        }
    }
}

/// What fixing a module did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// The new text of every file that changed, by path.
    pub changed: BTreeMap<PathBuf, String>,
    /// The findings whose fixes were applied, in the order they were, without
    /// their fixes (the result is in `changed`).
    pub applied: Vec<Finding>,
    /// What is left after fixing.
    pub remaining: Vec<Finding>,
    /// Whether fixing stopped at [`MAX_PASSES`] with fixes still to apply.
    pub hit_pass_cap: bool,
    /// Files whose fixed text no longer parsed: the fix was dropped (a bug in a
    /// rule), with the parser's message.
    pub broken: Vec<(PathBuf, String)>,
}

/// One round of edits that fixing applied to one file and kept (its output
/// parsed): `after` is `before` with `edits` applied.
#[derive(Debug, Clone, Copy)]
pub struct Pass<'a> {
    /// The file.
    pub path: &'a Path,
    /// Its text before this round.
    pub before: &'a str,
    /// The edits applied, in `before`'s offsets, sorted and disjoint.
    pub edits: &'a [Edit],
    /// Its text after this round.
    pub after: &'a str,
}

/// Applies fixes to the files of `module` that `include` accepts, re-parsing and
/// re-checking after each round, until nothing is left to fix.
pub fn fix_module(
    registry: &Registry,
    module: &Module,
    include: &dyn Fn(&Path) -> bool,
    options: FixOptions,
) -> FixOutcome {
    fix_module_watched(registry, module, include, options, &mut |_| {})
}

/// [`fix_module`], calling `watch` with every round of edits it keeps: what
/// lets a test hold the result to the edits that produced it.
pub fn fix_module_watched(
    registry: &Registry,
    module: &Module,
    include: &dyn Fn(&Path) -> bool,
    options: FixOptions,
    watch: &mut dyn FnMut(Pass<'_>),
) -> FixOutcome {
    let mut outcome = FixOutcome::default();
    let mut current = module.clone();

    for pass in 0..=MAX_PASSES {
        let findings = check_module(registry, &current, include);
        let candidates: Vec<&Finding> = findings
            .iter()
            .filter(|finding| finding.suppressed_by.is_none())
            .filter(|finding| finding.fix.as_ref().is_some_and(|fix| options.allows(fix)))
            .filter(|finding| include(finding.fix_target()))
            .collect();
        if candidates.is_empty() {
            outcome.remaining = findings;
            return outcome;
        }
        if pass == MAX_PASSES {
            outcome.hit_pass_cap = true;
            outcome.remaining = findings;
            return outcome;
        }

        let mut by_file: BTreeMap<&Path, Vec<&Finding>> = BTreeMap::new();
        for finding in candidates {
            by_file
                .entry(finding.fix_target())
                .or_default()
                .push(finding);
        }

        // Every file's edits first, then the findings go: their fixes (each
        // with its rendered text) need not outlive the edits taken from them.
        let mut rounds = Vec::new();
        for (path, findings) in by_file {
            let Some(file) = current.file(path) else {
                continue;
            };
            let (chosen, edits, text) = apply_non_conflicting(path, file.text(), &findings);
            if chosen.is_empty() {
                continue;
            }
            rounds.push(Round {
                path: path.to_path_buf(),
                rules: rule_ids(&chosen),
                // The edits live on in `changed`; a finding's own copy of them
                // would hold a second copy of every fix until the end.
                applied: chosen
                    .into_iter()
                    .map(|finding| Finding {
                        fix: None,
                        ..finding.clone()
                    })
                    .collect(),
                edits,
                text,
            });
        }
        drop(findings);

        let mut progressed = false;
        for round in rounds {
            let path = round.path.as_path();
            // The old file's tree goes before the new one is built: a fix that
            // grows a large file would otherwise hold both at once.
            let Some(old) = current.swap_file(placeholder(path)) else {
                continue;
            };
            // Text hcl-edit read must stay text hcl-edit reads: the fallback is
            // lenient, and its acceptance of a fix's output proves nothing.
            let ModuleFile { source, parsed } = old;
            let strict = parsed.parser == Parser::HclEdit;
            drop(parsed);
            let before = source.into_text();
            let reparse = |text: String| {
                let source = SourceFile::new(path, text);
                if strict {
                    ModuleFile::parse_strict(source)
                } else {
                    ModuleFile::parse(source)
                }
            };
            match reparse(round.text.clone()) {
                Ok(reparsed) => {
                    log::debug!(
                        "{}: pass {}: fixes applied: {} ({})",
                        path.display(),
                        pass + 1,
                        round.applied.len(),
                        round.rules
                    );
                    watch(Pass {
                        path,
                        before: &before,
                        edits: &round.edits,
                        after: &round.text,
                    });
                    let _ = current.swap_file(reparsed);
                    outcome.changed.insert(round.path.clone(), round.text);
                    outcome.applied.extend(round.applied);
                    progressed = true;
                }
                Err(error) => {
                    log::warn!(
                        "{}: fix dropped: output does not parse: {error}",
                        path.display()
                    );
                    outcome.broken.push((round.path.clone(), error.to_string()));
                    // The text read before parses as it did then; should it not,
                    // nothing of the module is fixed.
                    match reparse(before) {
                        Ok(old) => {
                            let _ = current.swap_file(old);
                        }
                        Err(again) => {
                            log::error!(
                                "{}: no longer parses as it did ({again}); the module is not fixed",
                                path.display()
                            );
                            return FixOutcome {
                                remaining: check_module(registry, module, include),
                                broken: outcome.broken,
                                ..FixOutcome::default()
                            };
                        }
                    }
                }
            }
        }
        // One indexing for every file the pass swapped.
        current.reindex();
        if !progressed {
            outcome.remaining = check_module(registry, &current, include);
            return outcome;
        }
    }
    outcome
}

/// The edits one pass takes for one file, and what they make of it.
struct Round {
    path: PathBuf,
    /// The rules whose fixes were taken, for the log.
    rules: String,
    /// The findings fixed, without their fixes.
    applied: Vec<Finding>,
    /// The edits, sorted, in the offsets of the file's text before the pass.
    edits: Vec<Edit>,
    /// The file's text after them.
    text: String,
}

/// What stands in a module for a file while the file is parsed again: an empty
/// file of the same path, which keeps the module's files in order.
fn placeholder(path: &Path) -> ModuleFile {
    ModuleFile {
        source: SourceFile::new(path, String::new()),
        parsed: heal_syntax::Parsed {
            body: heal_syntax::Body::default(),
            parser: Parser::HclEdit,
        },
    }
}

/// The distinct rule ids of `findings`, comma-separated, for a log line.
fn rule_ids(findings: &[&Finding]) -> String {
    let ids: std::collections::BTreeSet<&str> = findings
        .iter()
        .map(|finding| finding.rule_id.as_str())
        .collect();
    ids.into_iter().collect::<Vec<_>>().join(", ")
}

/// Applies, in order, every fix that does not conflict with one already taken;
/// returns the fixes taken, their edits sorted, and the new text.
fn apply_non_conflicting<'a>(
    path: &Path,
    text: &str,
    findings: &[&'a Finding],
) -> (Vec<&'a Finding>, Vec<Edit>, String) {
    let mut chosen: Vec<&Finding> = Vec::new();
    let mut taken = TakenRanges::default();
    let mut edits = Vec::new();
    for finding in findings {
        let Some(fix) = &finding.fix else { continue };
        if fix.edits().iter().any(|edit| taken.overlaps(&edit.range)) {
            continue;
        }
        for edit in fix.edits() {
            taken.insert(edit.range.clone());
        }
        edits.extend(fix.edits().iter().cloned());
        chosen.push(finding);
    }
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    match apply_edits(text, &edits) {
        Ok(new_text) => (chosen, edits, new_text),
        Err(error) => {
            log::debug!("{}: fixes not applied together: {error}", path.display());
            (Vec::new(), Vec::new(), text.to_string())
        }
    }
}

/// Byte ranges already edited, disjoint, keyed by start: checking a new edit
/// against them costs a logarithm, not a pass over every fix taken, so a file
/// with thousands of fixes stays fast.
#[derive(Default)]
struct TakenRanges {
    by_start: BTreeMap<usize, usize>,
}

impl TakenRanges {
    /// Whether `range` overlaps a taken range, in the sense of
    /// [`heal_patch::Edit::overlaps`]: shared bytes, or the same start.
    fn overlaps(&self, range: &std::ops::Range<usize>) -> bool {
        let before = self.by_start.range(..=range.start).next_back();
        if let Some((&start, &end)) = before {
            if start == range.start || end > range.start {
                return true;
            }
        }
        let after = self.by_start.range(range.start + 1..).next();
        after.is_some_and(|(&start, _)| start < range.end)
    }

    fn insert(&mut self, range: std::ops::Range<usize>) {
        self.by_start.insert(range.start, range.end);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use heal_patch::{Applicability, Edit, Fix};
    use heal_syntax::{Block, SourceFile};

    use super::*;
    use crate::meta::RuleMeta;
    use crate::rule::Rule;

    /// Adds `fixed = true` to every `thing` without it; in `bad.tf` its fix
    /// writes text that does not parse.
    struct MarksFixed {
        meta: RuleMeta,
    }

    impl Rule for MarksFixed {
        fn meta(&self) -> &RuleMeta {
            &self.meta
        }

        fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
            if block.body.attribute("fixed").is_some() {
                return;
            }
            let bad = context.file.source.path().ends_with("bad.tf");
            let insert = if bad {
                "  fixed = {\n"
            } else {
                "  fixed = true\n"
            };
            let mut finding = Finding::new(&self.meta, context.file, block, block.span.clone());
            let edit = Edit::insert(block.span.end - 1, insert);
            finding.fix = Fix::new(vec![edit], Applicability::Safe).ok();
            findings.push(finding);
        }
    }

    #[test]
    fn a_fix_whose_output_does_not_parse_is_dropped_and_its_file_read_as_before() {
        let meta: RuleMeta = serde_json::from_value(serde_json::json!({
            "id": "test-marks-fixed", "title": "t", "severity": "low", "provider": "aws",
            "resources": ["thing"], "fix": "safe", "message": "not marked",
        }))
        .unwrap();
        let registry = Registry::of_rules(vec![Arc::new(MarksFixed { meta })]);
        let text = "resource \"thing\" \"a\" {\n}\n";
        let files = ["m/bad.tf", "m/good.tf"].map(|path| {
            ModuleFile::parse(SourceFile::new(Path::new(path), text.to_string())).unwrap()
        });
        let module = Module::new("m", files.into());
        let options = FixOptions {
            unsafe_fixes: false,
            display_only: false,
        };

        let outcome = fix_module(&registry, &module, &|_: &Path| true, options);
        assert_eq!(
            outcome.changed.keys().collect::<Vec<_>>(),
            [Path::new("m/good.tf")]
        );
        assert_eq!(
            outcome.changed[Path::new("m/good.tf")],
            "resource \"thing\" \"a\" {\n  fixed = true\n}\n"
        );
        assert!(!outcome.hit_pass_cap);
        assert!(outcome
            .broken
            .iter()
            .all(|(path, _)| path == Path::new("m/bad.tf")));
        assert!(!outcome.broken.is_empty());
        // The module still holds bad.tf as it was: its finding stands, at its
        // place in the original text.
        assert_eq!(outcome.remaining.len(), 1);
        assert_eq!(outcome.remaining[0].path, Path::new("m/bad.tf"));
        assert_eq!(outcome.remaining[0].range, 0..text.len() - 1);
    }

    #[test]
    fn taken_ranges_follow_edit_overlap_rules() {
        let mut taken = TakenRanges::default();
        taken.insert(10..20);
        taken.insert(30..30);
        assert!(taken.overlaps(&(15..16)));
        assert!(taken.overlaps(&(5..11)));
        assert!(taken.overlaps(&(10..10)), "same start");
        assert!(taken.overlaps(&(30..31)), "same start as an insertion");
        assert!(taken.overlaps(&(25..35)), "covers an insertion point");
        assert!(!taken.overlaps(&(20..25)), "adjacent after");
        assert!(!taken.overlaps(&(5..10)), "adjacent before");
        assert!(
            !taken.overlaps(&(20..20)),
            "insertion at the end of a range"
        );
    }
}
