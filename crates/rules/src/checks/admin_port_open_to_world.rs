//! An administration port (SSH, RDP) reachable from any address.
//!
//! Which range should be allowed instead is a decision only the owner can make, so
//! the fix is a display-only suggestion: the world-open range replaced by a private
//! placeholder range, to be edited before use.
//!
//! Ports and ranges are judged as Checkov judges them (CKV_AWS_24, CKV_AWS_25,
//! CKV_GCP_2), except where Checkov misses a real exposure: an AWS rule that also
//! allows `self` or a prefix list, `::/0` in `cidr_ipv6`, `ip_protocol = "-1"`
//! without ports, a GCP `allow` for TCP without a port list, and `::/0` in GCP
//! source ranges are reported too. Rules without any world-open range are not
//! reported, even where Checkov fails them for naming no source at all: there is
//! nothing to suggest.

use heal_patch::Fix;
use heal_syntax::layout::FixBuilder;
use heal_syntax::{Block, Expr, Value};

use crate::meta::RuleMeta;
use crate::rule::{Context, Finding, Rule};

/// Ranges that mean "anyone" (Checkov also reads the long form of `::/0`).
const WORLD_V4: &str = "0.0.0.0/0";
const WORLD_V6: [&str; 2] = ["::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0"];

/// What the suggestion puts in place of a world-open range.
const PLACEHOLDER_V4: &str = "\"10.0.0.0/8\"";
const PLACEHOLDER_V6: &str = "\"fd00::/8\"";

/// SSH or RDP open to the world in an AWS security group or rule.
pub struct AwsAdminPort {
    meta: RuleMeta,
    port: u16,
}

impl AwsAdminPort {
    /// The rule for `port`.
    pub fn new(meta: RuleMeta, port: u16) -> AwsAdminPort {
        AwsAdminPort { meta, port }
    }

    /// Whether a rule body with these ports and protocol lets `self.port` in.
    fn covers_port(&self, body: &Block, from: &str, to: &str, protocol: &str) -> bool {
        let protocol = body
            .body
            .attribute(protocol)
            .and_then(|attribute| Value::of(&attribute.value))
            .and_then(|value| match value {
                Value::String(text) => Some(text),
                Value::Number(number) => Some(number.to_string()),
                _ => None,
            });
        if matches!(protocol.as_deref(), Some("-1" | "all")) {
            return true;
        }
        let (Some(from), Some(to)) = (port_of(body, from), port_of(body, to)) else {
            return false;
        };
        // Checkov reads 0..0 as every port.
        if from == 0.0 && to == 0.0 {
            return true;
        }
        from <= f64::from(self.port) && f64::from(self.port) <= to
    }

    fn report(
        &self,
        context: &Context<'_>,
        resource: &Block,
        ranges: Vec<&Expr>,
        out: &mut Vec<Finding>,
    ) {
        if ranges.is_empty() {
            return;
        }
        let mut finding = Finding::new(&self.meta, context.file, resource, ranges[0].span.clone());
        finding.fix = suggestion(context, &ranges);
        out.push(finding);
    }
}

impl Rule for AwsAdminPort {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        match block.label(0) {
            Some("aws_security_group") => {
                for ingress in block.body.blocks_with_dynamic("ingress") {
                    if self.covers_port(ingress, "from_port", "to_port", "protocol") {
                        let ranges = world_ranges(ingress, &["cidr_blocks", "ipv6_cidr_blocks"]);
                        self.report(context, block, ranges, findings);
                    }
                }
            }
            Some("aws_security_group_rule") => {
                let is_ingress = block
                    .body
                    .attribute("type")
                    .and_then(|attribute| attribute.value.as_str())
                    == Some("ingress");
                if is_ingress && self.covers_port(block, "from_port", "to_port", "protocol") {
                    let ranges = world_ranges(block, &["cidr_blocks", "ipv6_cidr_blocks"]);
                    self.report(context, block, ranges, findings);
                }
            }
            Some("aws_vpc_security_group_ingress_rule")
                if self.covers_port(block, "from_port", "to_port", "ip_protocol") =>
            {
                let ranges = world_ranges(block, &["cidr_ipv4", "cidr_ipv6"]);
                self.report(context, block, ranges, findings);
            }
            _ => {}
        }
    }
}

/// SSH open to the world in a Google Cloud firewall.
pub struct GcpAdminPort {
    meta: RuleMeta,
    port: u16,
}

impl GcpAdminPort {
    /// The rule for `port`.
    pub fn new(meta: RuleMeta, port: u16) -> GcpAdminPort {
        GcpAdminPort { meta, port }
    }

    /// Whether an `allow` block lets `self.port` in. Listed ports decide whatever
    /// the protocol, as Checkov judges it; without a port list, every port of the
    /// protocol is open, which matters only for protocols that carry TCP.
    fn allows_port(&self, allow: &Block) -> bool {
        let Some(ports) = allow.body.attribute("ports") else {
            let protocol = allow
                .body
                .attribute("protocol")
                .and_then(|attribute| Value::of(&attribute.value));
            return match protocol {
                Some(Value::String(name)) => matches!(name.as_str(), "tcp" | "all" | "6"),
                Some(Value::Number(number)) => number == 6.0,
                _ => false,
            };
        };
        let Some(Value::Array(ports)) = Value::of(&ports.value) else {
            return false;
        };
        ports.iter().any(|port| {
            let text = match port {
                Value::String(text) => text.clone(),
                Value::Number(number) => number.to_string(),
                _ => return false,
            };
            match text.split_once('-') {
                Some((low, high)) => {
                    match (low.trim().parse::<u16>(), high.trim().parse::<u16>()) {
                        (Ok(low), Ok(high)) => low <= self.port && self.port <= high,
                        _ => false,
                    }
                }
                None => text.trim().parse::<u16>() == Ok(self.port),
            }
        })
    }
}

impl Rule for GcpAdminPort {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        // Egress rules have no sources. A disabled rule still counts, as for
        // Checkov: switching it on is all it takes to expose the port.
        let direction = block
            .body
            .attribute("direction")
            .and_then(|attribute| attribute.value.as_str());
        if direction == Some("EGRESS") {
            return;
        }
        if !block
            .body
            .blocks_with_dynamic("allow")
            .any(|allow| self.allows_port(allow))
        {
            return;
        }
        let ranges = world_ranges(block, &["source_ranges"]);
        if ranges.is_empty() {
            return;
        }
        let mut finding = Finding::new(&self.meta, context.file, block, ranges[0].span.clone());
        finding.fix = suggestion(context, &ranges);
        findings.push(finding);
    }
}

fn port_of(block: &Block, key: &str) -> Option<f64> {
    match Value::of(&block.body.attribute(key)?.value)? {
        Value::Number(number) => Some(number),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// The world-open range literals in the given attributes (lists or single strings).
fn world_ranges<'a>(block: &'a Block, keys: &[&str]) -> Vec<&'a Expr> {
    let mut found = Vec::new();
    for key in keys {
        let Some(attribute) = block.body.attribute(key) else {
            continue;
        };
        let items: Vec<&Expr> = match attribute.value.as_array() {
            Some(items) => items.iter().collect(),
            None => vec![&attribute.value],
        };
        found.extend(
            items
                .into_iter()
                .filter(|item| item.as_str().is_some_and(is_world)),
        );
    }
    found
}

fn is_world(range: &str) -> bool {
    range == WORLD_V4 || WORLD_V6.contains(&range)
}

/// Replaces each world-open range with a private placeholder range.
fn suggestion(context: &Context<'_>, ranges: &[&Expr]) -> Option<Fix> {
    let mut builder = FixBuilder::new(&context.file.source);
    for range in ranges {
        let placeholder = if range.as_str() != Some(WORLD_V4) {
            PLACEHOLDER_V6
        } else {
            PLACEHOLDER_V4
        };
        builder.edit(heal_patch::Edit::replace(range.span.clone(), placeholder));
    }
    builder.build(heal_patch::Applicability::DisplayOnly).ok()
}
