//! Commit messages for heal's commits and fix branches: a short subject, then
//! per rule what it fixed, where, why, and which scanner checks it clears.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use heal_rules::{Finding, Registry, RuleMeta};

use crate::report::plural;

/// A fixed resource, located for people.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Located {
    /// Path relative to the repository root.
    pub path: String,
    /// 1-based line of the finding before the fix.
    pub line: usize,
    /// Resource address, such as `aws_s3_bucket.logs`.
    pub address: String,
}

/// Applied fixes grouped by rule, each rule's resources sorted.
pub type ByRule = BTreeMap<String, Vec<Located>>;

/// Adds `finding`, located by `locate`, to `by_rule`.
pub fn record(by_rule: &mut ByRule, finding: &Finding, located: Located) {
    let resources = by_rule.entry(finding.rule_id.clone()).or_default();
    if !resources.contains(&located) {
        resources.push(located);
        resources.sort();
    }
}

/// The subject for the fixes of one rule: `heal: <title> (<id>)`.
pub fn rule_subject(meta: &RuleMeta) -> String {
    format!("heal: {} ({})", meta.title, meta.id)
}

/// The subject for a group of rules.
pub fn group_subject(what: &str, by_rule: &ByRule) -> String {
    let fixes: usize = by_rule.values().map(Vec::len).sum();
    format!(
        "heal: fix {fixes} finding{} of {} rule{}{what}",
        plural(fixes),
        by_rule.len(),
        plural(by_rule.len())
    )
}

/// The subject that fits `by_rule`: the rule's own for one rule, else `fallback`.
pub fn subject(registry: &Registry, by_rule: &ByRule, fallback: &str) -> String {
    match single_meta(registry, by_rule) {
        Some(meta) => rule_subject(meta),
        None => group_subject(fallback, by_rule),
    }
}

/// The whole message: `subject`, a blank line, one section per rule.
pub fn message(subject: &str, registry: &Registry, by_rule: &ByRule) -> String {
    let mut text = format!("{subject}\n");
    for (id, resources) in by_rule {
        text.push('\n');
        match registry.entry(id) {
            Some(entry) => write_section(&mut text, &entry.meta, resources),
            None => write_resources(&mut text, resources),
        }
    }
    text
}

fn write_section(text: &mut String, meta: &RuleMeta, resources: &[Located]) {
    let _ = writeln!(text, "{}: {}", meta.id, meta.title);
    let _ = writeln!(text, "Why: {}.", meta.message.trim_end_matches('.'));
    if !meta.checkov.is_empty() {
        let _ = writeln!(text, "Checkov: {}", meta.checkov.join(", "));
    }
    let fix = heal_patch::Applicability::from(meta.fix);
    let _ = writeln!(text, "Fix safety: {}", fix.as_str());
    write_resources(text, resources);
}

fn write_resources(text: &mut String, resources: &[Located]) {
    for resource in resources {
        let _ = writeln!(
            text,
            "- {}:{} {}",
            resource.path, resource.line, resource.address
        );
    }
}

fn single_meta<'r>(registry: &'r Registry, by_rule: &ByRule) -> Option<&'r RuleMeta> {
    let mut ids = by_rule.keys();
    let id = ids.next()?;
    if ids.next().is_some() {
        return None;
    }
    registry.entry(id).map(|entry| &entry.meta)
}
