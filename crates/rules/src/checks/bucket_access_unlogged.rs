//! An S3 bucket whose server access is not logged.
//!
//! Data cannot express this rule: where the logs go is a choice heal can only
//! make when the module already has a log bucket, one that another bucket's
//! logging writes to. Then the fix sends this bucket's logs there too, under a
//! prefix named after it; otherwise it is a display-only suggestion with a
//! placeholder. A log bucket itself only gets the suggestion: logging it into
//! a log bucket would log the log deliveries, endlessly.

use heal_patch::Applicability;
use heal_syntax::layout::{FixBuilder, Snippet};
use heal_syntax::{Block, Expr};

use crate::meta::RuleMeta;
use crate::module::Module;
use crate::rule::{header_range, Context, Finding, Rule};
use crate::versions::Version;

/// The companion resource type, from AWS provider 4.0 on.
const LOGGING: &str = "aws_s3_bucket_logging";

/// The first AWS provider release with `aws_s3_bucket_logging`.
const COMPANION_SINCE: &str = "4.0";

/// What the suggestion says when heal does not know the log bucket.
const PLACEHOLDER: &str = "\"TODO: the name of a bucket that receives access logs\"";

/// Server access logging off on an `aws_s3_bucket`.
pub struct BucketAccessUnlogged {
    meta: RuleMeta,
}

impl BucketAccessUnlogged {
    /// The rule `meta` describes.
    pub fn new(meta: RuleMeta) -> BucketAccessUnlogged {
        BucketAccessUnlogged { meta }
    }
}

impl Rule for BucketAccessUnlogged {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        let (Some(kind), Some(name)) = (block.label(0), block.label(1)) else {
            return;
        };
        let inline = block.body.blocks_of("logging").next().is_some()
            || block.body.dynamic_blocks_of("logging").next().is_some();
        if inline || logging_refers_to(context, kind, name) {
            return;
        }

        // The log bucket: one that existing logging already writes to. A log
        // bucket gets only a suggestion: logging it into a log bucket, itself or
        // one that logs back, would log the log writes forever.
        let log_buckets = context
            .module
            .memo("aws-s3-bucket-access-logging: log buckets", log_buckets);
        let target = log_buckets
            .first()
            .filter(|_| !log_buckets.iter().any(|log| log == name))
            .map(|log| format!("{kind}.{log}.id"));
        let (target, applicability) = match target {
            Some(target) => (target, self.meta.fix.into()),
            None => (PLACEHOLDER.to_string(), Applicability::DisplayOnly),
        };

        let mut builder = FixBuilder::new(&context.file.source);
        let legacy = Version::parse(COMPANION_SINCE)
            .is_some_and(|since| context.module.provider_below("aws", &since));
        if legacy {
            let inner = Snippet::new()
                .attribute("target_bucket", target)
                .attribute("target_prefix", format!("\"{name}/\""));
            builder.insert_into(block, &Snippet::new().block("logging", &[], inner));
        } else if crate::data::is_identifier(kind) && crate::data::is_identifier(name) {
            let companion = companion(context, block, kind, name, target);
            builder.insert_after(block, &companion);
        }

        let mut finding = Finding::new(&self.meta, context.file, block, header_range(block));
        // No edit: a bucket whose name cannot be referred to gets no fix.
        finding.fix = builder
            .offer(applicability)
            .filter(|fix| !fix.edits().is_empty());
        findings.push(finding);
    }
}

/// Whether an `aws_s3_bucket_logging` refers to the bucket `kind.name`,
/// directly or through a `for_each` over it.
fn logging_refers_to(context: &Context<'_>, kind: &str, name: &str) -> bool {
    // Only loggings that refer to the bucket at all: an index lookup, not a scan.
    context
        .module
        .referrers(LOGGING, kind, name)
        .any(|(_, logging)| {
            let direct = logging
                .body
                .attribute("bucket")
                .is_some_and(|bucket| bucket.value.refers_to(kind, name));
            let iterated = logging
                .body
                .attribute("for_each")
                .is_some_and(|for_each| for_each.value.refers_to(kind, name));
            direct || iterated
        })
}

/// The names of `aws_s3_bucket` resources that some logging, inline or
/// companion, already sends logs to, in the order they are first seen.
fn log_buckets(module: &Module) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut note = |expr: &Expr| {
        for parts in expr.references() {
            if parts.len() >= 2 && parts[0] == "aws_s3_bucket" && !names.contains(&parts[1]) {
                names.push(parts[1].clone());
            }
        }
    };
    for (_, logging) in module.resources(LOGGING) {
        if let Some(target) = logging.body.attribute("target_bucket") {
            note(&target.value);
        }
    }
    for (_, bucket) in module.resources("aws_s3_bucket") {
        for logging in bucket.body.blocks_of("logging") {
            if let Some(target) = logging.body.attribute("target_bucket") {
                note(&target.value);
            }
        }
    }
    names
}

/// The `aws_s3_bucket_logging` resource for `kind.name`, with the bucket's own
/// `count` or `for_each` so that every instance gets one.
fn companion(
    context: &Context<'_>,
    block: &Block,
    kind: &str,
    name: &str,
    target: String,
) -> Snippet {
    let text = context.file.text();
    let mut body = Snippet::new();
    let (bucket, prefix) = if let Some(count) = block.body.attribute("count") {
        body = body.attribute("count", &text[count.value.span.clone()]);
        (
            format!("{kind}.{name}[count.index].id"),
            format!("\"{name}/${{count.index}}/\""),
        )
    } else if let Some(for_each) = block.body.attribute("for_each") {
        body = body.attribute("for_each", &text[for_each.value.span.clone()]);
        (
            format!("{kind}.{name}[each.key].id"),
            format!("\"{name}/${{each.key}}/\""),
        )
    } else {
        (format!("{kind}.{name}.id"), format!("\"{name}/\""))
    };
    body = body
        .attribute("bucket", bucket)
        .attribute("target_bucket", target)
        .attribute("target_prefix", prefix);

    let taken = context
        .module
        .resources(LOGGING)
        .any(|(_, existing)| existing.label(1) == Some(name));
    let label = if taken {
        format!("{name}_heal")
    } else {
        name.to_string()
    };
    Snippet::new().block("resource", &[LOGGING, &label], body)
}
