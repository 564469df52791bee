//! A Compute Engine instance whose `metadata` map sets (or fails to set) a
//! security switch such as `block-project-ssh-keys` or `serial-port-enable`.
//!
//! Data rules walk blocks and attributes, not the keys of a map literal, so the
//! switches of the `metadata` attribute are judged here. One rule per switch,
//! each configured with the value it needs and whether leaving it out fails.
//!
//! The fix replaces a wrong value in place (a string stays a string), adds the
//! key to a `metadata` object literal, or adds `metadata` itself when absent.
//! A `metadata` that is not an object literal (a variable, `merge(...)`) is not
//! judged: its keys are unknown.

use heal_patch::{Applicability, Edit};
use heal_syntax::layout::{FixBuilder, Snippet};
use heal_syntax::{Attribute, Block, Expr, ExprKind, ObjectItem, Value};

use crate::meta::RuleMeta;
use crate::rule::{header_range, Context, Finding, Rule};

/// The resource type whose `metadata` defaults to that of its template.
const FROM_TEMPLATE: &str = "google_compute_instance_from_template";

/// One metadata switch that must hold a given boolean.
pub struct InstanceMetadataKey {
    meta: RuleMeta,
    key: &'static str,
    wanted: bool,
    missing_fails: bool,
}

impl InstanceMetadataKey {
    /// The rule that wants `key` set to `wanted`: leaving it out fails too, the
    /// platform default being the insecure value.
    pub fn must_be(meta: RuleMeta, key: &'static str, wanted: bool) -> InstanceMetadataKey {
        InstanceMetadataKey {
            meta,
            key,
            wanted,
            missing_fails: true,
        }
    }

    /// The rule that only objects to `key` set to `unwanted`: leaving it out is
    /// fine, the platform default being the secure value.
    pub fn must_not_be(meta: RuleMeta, key: &'static str, unwanted: bool) -> InstanceMetadataKey {
        InstanceMetadataKey {
            meta,
            key,
            wanted: !unwanted,
            missing_fails: false,
        }
    }

    fn applicability(&self) -> Applicability {
        self.meta.fix.applicability()
    }

    /// The key written where none was: `block-project-ssh-keys = true`.
    fn new_item(&self) -> String {
        format!("{} = {}", self.key, self.wanted)
    }

    /// The finding for a key set to the wrong value, with the value replaced.
    fn wrong_value(&self, context: &Context<'_>, block: &Block, item: &ObjectItem) -> Finding {
        let range = item.key.span.start..item.value.span.end;
        let mut finding = Finding::new(&self.meta, context.file, block, range);
        // Keep the way the value was written: a string stays a string, `"TRUE"`
        // becomes `"FALSE"`.
        let replacement = match &item.value.kind {
            ExprKind::String(old) if old.chars().all(|c| c.is_ascii_uppercase()) => {
                format!("\"{}\"", self.wanted.to_string().to_ascii_uppercase())
            }
            ExprKind::String(_) => format!("\"{}\"", self.wanted),
            _ => self.wanted.to_string(),
        };
        let mut builder = FixBuilder::new(&context.file.source);
        builder.edit(Edit::replace(item.value.span.clone(), replacement));
        finding.fix = builder.offer(self.applicability());
        finding
    }

    /// The finding for a `metadata` object literal without the key.
    fn missing_key(
        &self,
        context: &Context<'_>,
        block: &Block,
        metadata: &Attribute,
        items: &[ObjectItem],
    ) -> Finding {
        let range = metadata.key.span.start..metadata.value.span.end;
        let mut finding = Finding::new(&self.meta, context.file, block, range);
        let mut builder = FixBuilder::new(&context.file.source);
        builder.edit(insert_item(
            context.file.text(),
            &metadata.value,
            items,
            &self.new_item(),
        ));
        finding.fix = builder.offer(self.applicability());
        finding
    }

    /// The finding for a resource without `metadata`.
    fn missing_metadata(&self, context: &Context<'_>, block: &Block) -> Finding {
        let mut finding = Finding::new(&self.meta, context.file, block, header_range(block));
        let snippet = Snippet::new().attribute("metadata", format!("{{ {} }}", self.new_item()));
        let mut builder = FixBuilder::new(&context.file.source);
        builder.insert_into(block, &snippet);
        finding.fix = builder.offer(self.applicability());
        finding
    }
}

impl Rule for InstanceMetadataKey {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        // An instance made from a template inherits the key when it leaves it out.
        let missing_fails = self.missing_fails && block.label(0) != Some(FROM_TEMPLATE);

        let Some(metadata) = block.body.attribute("metadata") else {
            if missing_fails {
                findings.push(self.missing_metadata(context, block));
            }
            return;
        };
        let ExprKind::Object(items) = &metadata.value.kind else {
            return;
        };

        let item = items
            .iter()
            .find(|item| key_name(&item.key).as_deref() == Some(self.key));
        match item {
            Some(item) if switch_of(&item.value) == Some(!self.wanted) => {
                findings.push(self.wrong_value(context, block, item));
            }
            None if missing_fails => {
                findings.push(self.missing_key(context, block, metadata, items));
            }
            _ => {}
        }
    }
}

/// The name of an object key written as an identifier or a quoted string.
fn key_name(key: &Expr) -> Option<String> {
    match &key.kind {
        ExprKind::Traversal(parts) if parts.len() == 1 => Some(parts[0].clone()),
        ExprKind::String(name) => Some(name.clone()),
        _ => None,
    }
}

/// The boolean a metadata value stands for: `true`, `"true"`, `"TRUE"`...;
/// `None` for anything else, which is not judged.
fn switch_of(value: &Expr) -> Option<bool> {
    match Value::of(value)? {
        Value::Bool(flag) => Some(flag),
        Value::String(text) if text.eq_ignore_ascii_case("true") => Some(true),
        Value::String(text) if text.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// The edit that adds `item` to the object literal `object`: on a line of its own
/// after the last entry when the object spans several lines, after a comma
/// when it is written on one line, or as the only entry of an empty object.
fn insert_item(text: &str, object: &Expr, items: &[ObjectItem], item: &str) -> Edit {
    let Some(last) = items.last() else {
        return Edit::replace(object.span.clone(), format!("{{ {item} }}"));
    };
    let end = last.value.span.end;
    let close = object.span.end - 1;
    let line_end = text[end..].find('\n').map(|offset| end + offset);
    match line_end {
        Some(line_end) if line_end < close => {
            let line_start = text[..end].rfind('\n').map_or(0, |at| at + 1);
            let line = &text[line_start..end];
            let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
            let eol = if text[..line_end].ends_with('\r') {
                "\r\n"
            } else {
                "\n"
            };
            Edit::insert(line_end + 1, format!("{indent}{item}{eol}"))
        }
        _ => {
            let after_comma = text[end..close].trim_start().starts_with(',');
            if after_comma {
                let comma = end + text[end..close].find(',').unwrap_or(0);
                Edit::insert(comma + 1, format!(" {item},"))
            } else {
                Edit::insert(end, format!(", {item}"))
            }
        }
    }
}
