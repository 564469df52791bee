//! Rules written as data: the shapes most checks take, read from `rule.hcl`.
//!
//! - `require { path = "a.b.attr" ... }`: an attribute (possibly inside nested
//!   blocks) must have a value; missing blocks and attributes are created by the fix.
//! - `when { ... }`: the same shape, as a condition for the rule to apply at all.
//! - `companion { type = ... }`: a resource referring to this one satisfies the rule;
//!   the fix adds it right after the block, or, below a provider version where the
//!   companion type does not exist, fixes inline with the `require` blocks.

use std::collections::BTreeMap;
use std::ops::Range;

use heal_patch::{Applicability, Fix};
use heal_syntax::layout::{quoted, FixBuilder, Snippet};
use heal_syntax::{Attribute, Block, Value};
use serde::{Deserialize, Serialize};

use crate::meta::{FixKind, RuleMeta};
use crate::module::{Module, ModuleFile, Origin};
use crate::rule::{header_range, Context, Finding, Related, Rule};
use crate::versions::Version;

/// What to do when the attribute (or a block on its path) is absent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Missing {
    /// Absent fails the check (the provider's default is insecure).
    #[default]
    Fail,
    /// Absent passes (the provider's default is secure).
    Pass,
}

/// An attribute that must hold an acceptable value.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Dotted path: nested block types, then the attribute, e.g.
    /// `metadata_options.http_tokens`.
    pub path: String,
    /// The one acceptable value; also the fix, unless `fix` is given.
    #[serde(default)]
    pub expect: Option<hcl::Value>,
    /// Acceptable values; anything else fails.
    #[serde(default)]
    pub accept: Vec<hcl::Value>,
    /// Unacceptable values; anything else passes.
    #[serde(default)]
    pub reject: Vec<hcl::Value>,
    /// Numbers at least this large pass.
    #[serde(default)]
    pub at_least: Option<f64>,
    /// Numbers at most this large pass.
    #[serde(default)]
    pub at_most: Option<f64>,
    /// A list that must hold each of these values; the fix adds the ones
    /// missing.
    #[serde(default)]
    pub contains: Vec<hcl::Value>,
    /// `true`: the attribute must be set, whatever its value (a reference
    /// counts). `false`: it must be absent; as a `when` condition, the rule then
    /// applies only where the attribute is not set.
    #[serde(default)]
    pub present: Option<bool>,
    /// Whether an absent attribute fails.
    #[serde(default)]
    pub missing: Missing,
    /// Whether an absent block on the path fails; `missing` when not given. With
    /// `pass`, only blocks that exist are checked (every `ingress` block needs a
    /// description, but a group without ingress blocks is fine).
    #[serde(default)]
    pub missing_block: Option<Missing>,
    /// The value the fix writes, when it is not `expect` or the first of `accept`.
    #[serde(default)]
    pub fix: Option<hcl::Value>,
}

/// A resource that satisfies the rule by referring to the checked one.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Companion {
    /// Its resource type, e.g. `aws_s3_bucket_versioning`.
    #[serde(rename = "type")]
    pub resource_type: String,
    /// Its attribute that refers to the checked resource, e.g. `bucket`.
    pub reference: String,
    /// The checked resource's attribute it refers to.
    #[serde(default = "default_target")]
    pub target: String,
    /// The rest of its body, as HCL.
    pub body: String,
    /// Below this provider version the companion type does not exist and the fix
    /// is written inline, with the `require` blocks.
    #[serde(default)]
    pub inline_below: Option<String>,
}

fn default_target() -> String {
    "id".to_string()
}

/// A rule defined entirely by its catalog entry.
pub struct DataRule {
    meta: RuleMeta,
}

impl DataRule {
    /// Wraps a catalog entry that has `require` or `companion` blocks.
    pub fn new(meta: RuleMeta) -> DataRule {
        DataRule { meta }
    }
}

impl Rule for DataRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        let file = context.file;
        let module = context.module;
        let applies = self
            .meta
            .conditions
            .iter()
            .all(|condition| evaluate(condition, block, module, file.text()).is_empty());
        if !applies {
            return;
        }

        let (failures, indirect): (Vec<Failure>, Vec<Failure>) = self
            .meta
            .requirements
            .iter()
            .flat_map(|requirement| evaluate(requirement, block, module, file.text()))
            .partition(Failure::is_local);
        for failure in &indirect {
            findings.push(self.indirect_finding(context, block, failure));
        }
        if !indirect.is_empty() {
            return;
        }

        let Some(companion) = &self.meta.companion else {
            if failures.is_empty() {
                return;
            }
            let range = failures[0].range(block);
            let mut finding = Finding::new(&self.meta, file, block, range);
            finding.fix = inline_fix(file, &failures, self.meta.fix.into());
            findings.push(finding);
            return;
        };

        let inline_ok = !self.meta.requirements.is_empty() && failures.is_empty();
        if inline_ok || companion_exists(context, block, companion) {
            return;
        }
        let mut finding = Finding::new(&self.meta, file, block, header_range(block));
        let old_provider = companion
            .inline_below
            .as_deref()
            .and_then(Version::parse)
            .is_some_and(|version| {
                context
                    .module
                    .provider_below(provider_local_name(&self.meta.provider), &version)
            });
        // A companion next to an inline block already in use would fight it:
        // correct the inline block instead, whatever the provider version.
        let inline_in_use = companion.inline_below.is_some()
            && failures
                .iter()
                .any(|failure| failure.uses_inline_form(block));
        finding.fix = if old_provider || inline_in_use {
            inline_fix(file, &failures, self.meta.fix.into())
        } else {
            companion_fix(context, block, companion, self.meta.fix.into())
        };
        findings.push(finding);
    }
}

impl DataRule {
    /// A finding whose value comes from a variable or a local: pointing at the
    /// attribute, with the declaration as a related place, fixed at the source
    /// (unsafe: every other use of the variable changes too) when it is in this
    /// module, and only explained when the module's caller sets it.
    fn indirect_finding(&self, context: &Context<'_>, block: &Block, failure: &Failure) -> Finding {
        let mut finding = Finding::new(&self.meta, context.file, block, failure.range(block));
        match failure {
            Failure::AtSource {
                source,
                path,
                expr,
                value,
                ..
            } => {
                finding.message =
                    format!("{} (the value comes from `{source}`)", self.meta.message);
                finding.related.push(Related {
                    path: path.clone(),
                    range: expr.span.clone(),
                    note: format!("`{source}` is set here"),
                });
                let target = context.module.file(path);
                finding.fix = target.zip(value.as_ref()).and_then(|(target, value)| {
                    let mut builder = FixBuilder::new(&target.source);
                    builder.edit(heal_patch::Edit::replace(expr.span.clone(), value.clone()));
                    builder.build(Applicability::Unsafe).ok()
                });
                finding.fix_path = Some(path.clone());
            }
            Failure::FromCaller { source, value, .. } => {
                let advice = match value {
                    Some(value) => format!("; have the caller pass `{value}`"),
                    None => String::new(),
                };
                finding.message = format!(
                    "{} (the value comes from `{source}`, which the module's caller sets{advice})",
                    self.meta.message
                );
            }
            Failure::Wrong { .. } | Failure::Absent { .. } => {}
        }
        finding
    }
}

/// The name a provider goes by in `required_providers`.
pub fn provider_local_name(provider: &str) -> &str {
    match provider {
        "azure" => "azurerm",
        "gcp" => "google",
        other => other,
    }
}

/// One requirement not met, and how to meet it. `value` is the HCL text the fix
/// writes; `None` when the requirement names no value to write (a `when`
/// condition, or a `require` with only `reject`), so no fix can be offered.
#[derive(Debug)]
enum Failure {
    /// The attribute has a wrong value.
    Wrong {
        attribute: Attribute,
        value: Option<String>,
    },
    /// Something on the path is absent: `missing` (blocks, then the attribute key)
    /// must be created inside `anchor`.
    Absent {
        anchor: Block,
        missing: Vec<String>,
        value: Option<String>,
    },
    /// The attribute takes its wrong value from `source` (a variable's default or
    /// a local), written as `expr` in the file at `path`.
    AtSource {
        attribute: Attribute,
        source: String,
        path: std::path::PathBuf,
        expr: heal_syntax::Expr,
        value: Option<String>,
    },
    /// The attribute takes its value from a variable without a default: the
    /// module's caller decides it, so heal can only say what to pass.
    FromCaller {
        attribute: Attribute,
        source: String,
        value: Option<String>,
    },
}

impl Failure {
    /// Whether the failure shows that `block` already uses the inline form: a wrong
    /// value (of an attribute that exists), or something absent inside a nested
    /// block that exists.
    fn uses_inline_form(&self, block: &Block) -> bool {
        match self {
            Failure::Wrong { .. } | Failure::AtSource { .. } | Failure::FromCaller { .. } => true,
            Failure::Absent { anchor, .. } => anchor.span != block.span,
        }
    }

    fn range(&self, block: &Block) -> Range<usize> {
        match self {
            Failure::Wrong { attribute, .. }
            | Failure::AtSource { attribute, .. }
            | Failure::FromCaller { attribute, .. } => {
                attribute.key.span.start..attribute.value.span.end
            }
            Failure::Absent { .. } => header_range(block),
        }
    }

    /// Whether the failure is fixed in the resource block itself.
    fn is_local(&self) -> bool {
        matches!(self, Failure::Wrong { .. } | Failure::Absent { .. })
    }
}

/// The failures of `requirement` on `block`; empty when it is met.
fn evaluate(requirement: &Requirement, block: &Block, module: &Module, text: &str) -> Vec<Failure> {
    let path: Vec<&str> = requirement.path.split('.').collect();
    let fix_value = fix_value(requirement);
    let mut failures = Vec::new();
    let mut walk = Walk {
        requirement,
        module,
        text,
        fix_value: fix_value.as_deref(),
        failures: &mut failures,
    };
    walk.visit(block, &path);
    failures
}

/// One requirement's walk down the blocks of a resource.
struct Walk<'a, 'f> {
    requirement: &'a Requirement,
    module: &'a Module,
    text: &'a str,
    fix_value: Option<&'a str>,
    failures: &'f mut Vec<Failure>,
}

impl Walk<'_, '_> {
    fn visit(&mut self, block: &Block, path: &[&str]) {
        walk(self, block, path);
    }

    /// Judges a value that is not a literal: a variable's default or a local
    /// declared in this module is judged in its place; a variable without a
    /// default is set by the caller, reported without a fix.
    fn judge_indirect(&mut self, attribute: &Attribute) {
        let Some(origin) = self.module.origin(&attribute.value) else {
            return;
        };
        let (source, file, expr) = match origin {
            Origin::Variable {
                name,
                file,
                default: Some(default),
            } => (format!("var.{name}"), file, default),
            Origin::Local { name, file, value } => (format!("local.{name}"), file, value),
            Origin::Variable {
                name,
                default: None,
                ..
            } => {
                self.failures.push(Failure::FromCaller {
                    attribute: attribute.clone(),
                    source: format!("var.{name}"),
                    value: self.fix_value.map(str::to_string),
                });
                return;
            }
        };
        let Some(value) = Value::of(expr) else {
            return;
        };
        if !accepts(self.requirement, &value) {
            self.failures.push(Failure::AtSource {
                attribute: attribute.clone(),
                source,
                path: file.source.path().to_path_buf(),
                expr: expr.clone(),
                value: self.fix_value.map(str::to_string),
            });
        }
    }
}

fn walk(state: &mut Walk<'_, '_>, block: &Block, path: &[&str]) {
    let requirement = state.requirement;
    let fix_value = state.fix_value;
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        match (block.body.attribute(first), requirement.present) {
            (Some(_), Some(true)) | (None, Some(false)) => return,
            (Some(attribute), Some(false)) => {
                state.failures.push(Failure::Wrong {
                    attribute: attribute.clone(),
                    value: None,
                });
                return;
            }
            _ => {}
        }
        match block.body.attribute(first) {
            None if requirement.present == Some(true) || requirement.missing == Missing::Fail => {
                state.failures.push(Failure::Absent {
                    anchor: block.clone(),
                    missing: vec![first.to_string()],
                    value: fix_value.map(str::to_string),
                })
            }
            None => {}
            Some(attribute) => match Value::of(&attribute.value) {
                Some(value) if !accepts(requirement, &value) => {
                    let value = if requirement.contains.is_empty() {
                        fix_value.map(str::to_string)
                    } else {
                        extended_list(requirement, &attribute.value, &value, state.text)
                    };
                    state.failures.push(Failure::Wrong {
                        attribute: attribute.clone(),
                        value,
                    });
                }
                Some(_) => {}
                None => state.judge_indirect(attribute),
            },
        }
        return;
    }

    // A `dynamic "x"` block stands for `x` blocks; its `content` is their body.
    let nested: Vec<&Block> = block.body.blocks_with_dynamic(first).collect();
    if nested.is_empty() {
        if requirement.missing_block.unwrap_or(requirement.missing) == Missing::Fail {
            state.failures.push(Failure::Absent {
                anchor: block.clone(),
                missing: path.iter().map(|part| part.to_string()).collect(),
                value: fix_value.map(str::to_string),
            });
        }
        return;
    }
    for inner in nested {
        walk(state, inner, rest);
    }
}

fn accepts(requirement: &Requirement, value: &Value) -> bool {
    let matches = |candidates: &[hcl::Value]| {
        candidates
            .iter()
            .filter_map(to_value)
            .any(|candidate| candidate.loosely_equals(value))
    };
    if requirement.at_least.is_some() || requirement.at_most.is_some() {
        let number = match value {
            Value::Number(number) => Some(*number),
            Value::String(text) => text.trim().parse::<f64>().ok(),
            _ => None,
        };
        return number.is_some_and(|number| {
            requirement.at_least.is_none_or(|minimum| number >= minimum)
                && requirement.at_most.is_none_or(|maximum| number <= maximum)
        });
    }
    if !requirement.contains.is_empty() {
        return missing_items(requirement, value).is_some_and(|missing| missing.is_empty());
    }
    if !requirement.accept.is_empty() {
        return matches(&requirement.accept);
    }
    if let Some(expect) = &requirement.expect {
        return matches(std::slice::from_ref(expect));
    }
    !matches(&requirement.reject)
}

/// The HCL text the fix writes for `requirement`.
fn fix_value(requirement: &Requirement) -> Option<String> {
    if requirement.fix.is_none() && !requirement.contains.is_empty() {
        return Some(render_value(&hcl::Value::Array(
            requirement.contains.clone(),
        )));
    }
    let value = requirement
        .fix
        .as_ref()
        .or(requirement.expect.as_ref())
        .or(requirement.accept.first())?;
    Some(render_value(value))
}

/// The values of `contains` that the list `value` lacks; `None` when `value`
/// is not a list.
fn missing_items<'a>(requirement: &'a Requirement, value: &Value) -> Option<Vec<&'a hcl::Value>> {
    let Value::Array(items) = value else {
        return None;
    };
    Some(
        requirement
            .contains
            .iter()
            .filter(|wanted| {
                to_value(wanted)
                    .is_none_or(|wanted| !items.iter().any(|item| item.loosely_equals(&wanted)))
            })
            .collect(),
    )
}

/// The list `expr` with the values it lacks appended (see [`list_with`]).
fn extended_list(
    requirement: &Requirement,
    expr: &heal_syntax::Expr,
    value: &Value,
    text: &str,
) -> Option<String> {
    let missing = missing_items(requirement, value)?;
    let added: Vec<String> = missing.into_iter().map(render_value).collect();
    list_with(expr, &added, text)
}

/// The list `expr` of `text` with the HCL values `added` appended, every
/// byte of the list kept. A list laid out one item per line gains one line per
/// value, before the line of its closing bracket (and a comma after its last
/// item if that has none); any other list gains them right after its last item.
/// `None` when `expr` is not a list.
pub(crate) fn list_with(expr: &heal_syntax::Expr, added: &[String], text: &str) -> Option<String> {
    let items = expr.as_array()?;
    let original = text.get(expr.span.clone())?;
    let Some(last) = items.last() else {
        return Some(format!("[{}]", added.join(", ")));
    };
    let after_last = last.span.end.checked_sub(expr.span.start)?;
    if let Some(indent) = one_item_per_line(expr, items, text) {
        if let Some(comma) = comma_after_last_item(&original[after_last..]) {
            let close_line = original.rfind('\n').map_or(0, |at| at + 1);
            let eol = if original.contains("\r\n") {
                "\r\n"
            } else {
                "\n"
            };
            let mut out = String::with_capacity(original.len() + added.len() * 32);
            out.push_str(&original[..after_last]);
            out.push_str(comma);
            out.push_str(&original[after_last..close_line]);
            for item in added {
                out.push_str(&format!("{indent}{item},{eol}"));
            }
            out.push_str(&original[close_line..]);
            return Some(out);
        }
    }
    // One line, or a layout of its own: the new items go right after the last
    // one, and every other byte stays.
    Some(format!(
        "{}, {}{}",
        &original[..after_last],
        added.join(", "),
        &original[after_last..]
    ))
}

/// For a list laid out one item per line, what goes right after its last item
/// so that lines can follow: nothing when a comma is there, a comma when the
/// item ends its line (a line comment may follow) and only blank or comment
/// lines come before the closing bracket's. `None` for any other shape (a
/// block comment after the item, a comma on a line of its own).
fn comma_after_last_item(rest: &str) -> Option<&'static str> {
    let (line, below) = rest.split_once('\n')?;
    let line = line.trim_start();
    if line.starts_with(',') {
        return Some("");
    }
    let ends_line = |line: &str| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line.starts_with("//")
    };
    let close_line = below.rfind('\n').map_or(0, |at| at + 1);
    let between_ok = below[..close_line].lines().all(ends_line);
    (ends_line(line) && between_ok).then_some(",")
}

/// The indentation of a list laid out one item per line, every item at the same
/// indentation and the closing bracket on a line of its own; `None` for any
/// other layout.
fn one_item_per_line<'a>(
    expr: &heal_syntax::Expr,
    items: &[heal_syntax::Expr],
    text: &'a str,
) -> Option<&'a str> {
    let line_prefix = |offset: usize| {
        let start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
        let prefix = &text[start..offset];
        prefix
            .chars()
            .all(|c| c == ' ' || c == '\t')
            .then_some(prefix)
    };
    let indent = line_prefix(items.first()?.span.start)?;
    let same_indent = items
        .iter()
        .all(|item| line_prefix(item.span.start) == Some(indent));
    let close_alone = line_prefix(expr.span.end.checked_sub(1)?).is_some();
    (same_indent && close_alone).then_some(indent)
}

/// Converts a catalog value into heal's value type.
fn to_value(value: &hcl::Value) -> Option<Value> {
    Some(match value {
        hcl::Value::Null => Value::Null,
        hcl::Value::Bool(b) => Value::Bool(*b),
        hcl::Value::Number(n) => Value::Number(n.as_f64()?),
        hcl::Value::String(s) => Value::String(s.clone()),
        hcl::Value::Array(items) => {
            Value::Array(items.iter().map(to_value).collect::<Option<_>>()?)
        }
        hcl::Value::Object(_) => return None,
    })
}

/// Writes a catalog value as HCL.
pub fn render_value(value: &hcl::Value) -> String {
    match value {
        hcl::Value::Null => "null".to_string(),
        hcl::Value::Bool(b) => b.to_string(),
        hcl::Value::Number(n) => n.to_string(),
        hcl::Value::String(s) => quoted(s),
        hcl::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(render_value).collect();
            format!("[{}]", items.join(", "))
        }
        hcl::Value::Object(map) => {
            let items: Vec<String> = map
                .iter()
                .map(|(key, value)| format!("{key} = {}", render_value(value)))
                .collect();
            format!("{{ {} }}", items.join(", "))
        }
    }
}

/// One fix for all failures of a block: values replaced where wrong, absent
/// attributes and blocks added, grouped by the block they go into so that two
/// additions to one block become one insertion.
fn inline_fix(
    file: &ModuleFile,
    failures: &[Failure],
    applicability: Applicability,
) -> Option<Fix> {
    let mut builder = FixBuilder::new(&file.source);
    let mut by_anchor: BTreeMap<usize, (&Block, Vec<PendingPath>)> = BTreeMap::new();
    for failure in failures {
        let (Failure::Wrong { value, .. }
        | Failure::Absent { value, .. }
        | Failure::AtSource { value, .. }
        | Failure::FromCaller { value, .. }) = failure;
        let Some(value) = value.as_deref() else {
            log::debug!(
                "{}: fix not offered: the rule names no value to write",
                file.source.path().display()
            );
            return None;
        };
        match failure {
            Failure::Wrong { attribute, .. } => {
                builder.replace_value(attribute, value);
            }
            Failure::Absent {
                anchor, missing, ..
            } => {
                by_anchor
                    .entry(anchor.span.start)
                    .or_insert_with(|| (anchor, Vec::new()))
                    .1
                    .push((missing, value));
            }
            // Fixed at their source, by their own findings.
            Failure::AtSource { .. } | Failure::FromCaller { .. } => {}
        }
    }
    for (anchor, paths) in by_anchor.values() {
        builder.insert_into(anchor, &nest(paths));
    }
    builder.offer(applicability)
}

/// Blocks and attribute still to create, and the attribute's value.
type PendingPath<'a> = (&'a [String], &'a str);

/// Turns paths such as `a.b.x = 1` and `a.b.y = 2` into `a { b { x = 1  y = 2 } }`.
fn nest(paths: &[(&[String], &str)]) -> Snippet {
    let mut snippet = Snippet::new();
    let mut done: Vec<&str> = Vec::new();
    for (index, (path, value)) in paths.iter().enumerate() {
        match path {
            [key] => snippet = snippet.attribute(key.clone(), value.to_string()),
            [head, ..] if !done.contains(&head.as_str()) => {
                done.push(head);
                let inner: Vec<(&[String], &str)> = paths[index..]
                    .iter()
                    .filter(|(p, _)| p.first() == Some(head))
                    .map(|(p, v)| (&p[1..], *v))
                    .collect();
                snippet = snippet.block(head.clone(), &[], nest(&inner));
            }
            _ => {}
        }
    }
    snippet
}

/// Whether a resource of the companion type refers to `block`: directly, as in
/// `aws_s3_bucket.logs.id` or `aws_s3_bucket.logs[count.index].id`, or through
/// `each` when its `for_each` iterates over `block` (`for_each = aws_s3_bucket.logs`
/// with `bucket = each.value.id`).
fn companion_exists(context: &Context<'_>, block: &Block, companion: &Companion) -> bool {
    let (Some(kind), Some(name)) = (block.label(0), block.label(1)) else {
        return false;
    };
    context
        .module
        .referrers(&companion.resource_type, kind, name)
        .any(|(_, candidate)| {
            let Some(attribute) = candidate.body.attribute(&companion.reference) else {
                return false;
            };
            if attribute.value.refers_to(kind, name) {
                return true;
            }
            let iterates_over_block = candidate
                .body
                .attribute("for_each")
                .is_some_and(|for_each| for_each.value.refers_to(kind, name));
            iterates_over_block
                && attribute
                    .value
                    .references()
                    .iter()
                    .any(|parts| parts.first().is_some_and(|first| first == "each"))
        })
}

/// Adds the companion resource after `block`, repeating its `count` or `for_each`
/// expression so that every instance gets one, referring to the instance with the
/// same index or key.
fn companion_fix(
    context: &Context<'_>,
    block: &Block,
    companion: &Companion,
    applicability: Applicability,
) -> Option<Fix> {
    let file = context.file;
    let text = file.text();
    let (kind, name) = (block.label(0)?, block.label(1)?);
    if !is_identifier(kind) || !is_identifier(name) {
        // `aws_s3_bucket.a.b.id` would refer to something else, so the companion
        // would never count as present and each pass would add another.
        log::debug!(
            "{}: no companion for `{kind}.{name}`: not an identifier",
            file.source.path().display()
        );
        return None;
    }
    let body = Snippet::parse(&companion.body)?;

    let target = &companion.target;
    let (meta_argument, reference) = if let Some(count) = block.body.attribute("count") {
        (
            Some(("count", text[count.value.span.clone()].to_string())),
            format!("{kind}.{name}[count.index].{target}"),
        )
    } else if let Some(for_each) = block.body.attribute("for_each") {
        // The same keys as the resource, each instance indexed by its key: Checkov
        // links `x[each.key]` to the resource but not `each.value` of a `for_each`
        // over the resource itself.
        (
            Some(("for_each", text[for_each.value.span.clone()].to_string())),
            format!("{kind}.{name}[each.key].{target}"),
        )
    } else {
        (None, format!("{kind}.{name}.{target}"))
    };

    let taken = context.module.has_resource(&companion.resource_type, name);
    let companion_name = if taken {
        format!("{name}_heal")
    } else {
        name.to_string()
    };

    let mut inner = body.prepend_attribute(companion.reference.clone(), reference);
    if let Some((key, value)) = meta_argument {
        inner = inner.prepend_attribute(key, value);
    }
    let snippet = Snippet::new().block(
        "resource",
        &[&companion.resource_type, &companion_name],
        inner,
    );
    let mut builder = FixBuilder::new(&file.source);
    builder.insert_after(block, &snippet);
    builder.build(applicability).ok()
}

/// Whether `label` can follow a `.` in a reference: a Terraform name (a letter
/// or `_`, then letters, digits, `_` and `-`). Fixes that refer to a resource by
/// name are offered only for such names.
pub(crate) fn is_identifier(label: &str) -> bool {
    let mut chars = label.chars();
    let starts_well = chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_');
    starts_well && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Whether a rule written as data is complete enough to run.
pub fn is_data_rule(meta: &RuleMeta) -> bool {
    !meta.requirements.is_empty() || meta.companion.is_some()
}

impl FixKind {
    /// The applicability of this kind of fix.
    pub fn applicability(self) -> Applicability {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use heal_syntax::SourceFile;

    use super::*;
    use crate::module::Module;

    /// The findings of the rule `rule_hcl` on the module made of `terraform`.
    fn findings(rule_hcl: &str, terraform: &str) -> Vec<Finding> {
        let rule = DataRule::new(hcl::from_str(rule_hcl).expect("the rule parses"));
        let source = SourceFile::new("main.tf", terraform.to_string());
        let module = Module::new(
            ".",
            vec![ModuleFile::parse(source).expect("the file parses")],
        );
        let file = module.file(std::path::Path::new("main.tf")).unwrap();
        let context = Context {
            file,
            module: &module,
        };
        let mut found = Vec::new();
        for kind in &rule.meta().resources {
            for (_, block) in module.resources(kind) {
                rule.check(&context, block, &mut found);
            }
        }
        found
    }

    const HEADER: &str = r#"
        id        = "test-rule"
        title     = "t"
        severity  = "low"
        provider  = "aws"
        fix       = "safe"
        message   = "m"
    "#;

    #[test]
    fn when_with_only_reject_is_evaluated() {
        let rule = format!(
            r#"{HEADER}
            resources = ["aws_instance"]
            when {{
              path    = "metadata_options.http_endpoint"
              reject  = ["disabled"]
              missing = "pass"
            }}
            require {{
              path   = "metadata_options.http_tokens"
              expect = "required"
            }}"#
        );
        let terraform = r#"
resource "aws_instance" "off" {
  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_instance" "on" {
  metadata_options {
    http_endpoint = "enabled"
  }
}
"#;
        let found = findings(&rule, terraform);
        let addresses: Vec<&str> = found.iter().map(|f| f.address.as_str()).collect();
        assert_eq!(addresses, ["aws_instance.on"]);
    }

    #[test]
    fn require_with_only_reject_reports_without_a_fix() {
        let rule = format!(
            r#"{HEADER}
            resources = ["aws_s3_bucket"]
            require {{
              path   = "acl"
              reject = ["public-read"]
            }}"#
        );
        let terraform = "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";
        let found = findings(&rule, terraform);
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn companion_iterating_over_the_resource_satisfies_it() {
        let rule = format!(
            r#"{HEADER}
            resources = ["aws_s3_bucket"]
            companion {{
              type      = "aws_s3_bucket_versioning"
              reference = "bucket"
              body      = "versioning_configuration {{\n  status = \"Enabled\"\n}}\n"
            }}"#
        );
        let terraform = r#"
resource "aws_s3_bucket" "tenant" {
  for_each = toset(["a", "b"])
  bucket   = each.key
}

resource "aws_s3_bucket_versioning" "tenant" {
  for_each = aws_s3_bucket.tenant
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "other" {
  for_each = toset(["c"])
  bucket   = each.key
}
"#;
        let found = findings(&rule, terraform);
        let addresses: Vec<&str> = found.iter().map(|f| f.address.as_str()).collect();
        assert_eq!(addresses, ["aws_s3_bucket.other"]);
    }

    #[test]
    fn existing_inline_block_is_fixed_inline_whatever_the_provider() {
        let rule = format!(
            r#"{HEADER}
            resources = ["aws_s3_bucket"]
            require {{
              path   = "versioning.enabled"
              expect = true
            }}
            companion {{
              type         = "aws_s3_bucket_versioning"
              reference    = "bucket"
              inline_below = "4.0"
              body         = "versioning_configuration {{\n  status = \"Enabled\"\n}}\n"
            }}"#
        );
        let terraform =
            "resource \"aws_s3_bucket\" \"b\" {\n  versioning {\n    enabled = false\n  }\n}\n";
        let found = findings(&rule, terraform);
        let edits = found[0].fix.as_ref().expect("a fix").edits();
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].content, "true");
    }
}
