//! What the catalog says about a rule: `remediations/<id>/rule.hcl`.

use std::fmt;

use heal_patch::Applicability;
use serde::{Deserialize, Serialize};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing when convenient.
    Low,
    /// Weakens a defence.
    Medium,
    /// Exposes data or access.
    High,
    /// Exposes data or access to anyone on the internet.
    Critical,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        })
    }
}

/// How a rule's fix may be applied, as written in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    /// Applied by `heal fix`.
    Safe,
    /// Applied by `heal fix --unsafe-fixes`.
    Unsafe,
    /// Shown, never applied.
    DisplayOnly,
}

impl From<FixKind> for Applicability {
    fn from(kind: FixKind) -> Applicability {
        match kind {
            FixKind::Safe => Applicability::Safe,
            FixKind::Unsafe => Applicability::Unsafe,
            FixKind::DisplayOnly => Applicability::DisplayOnly,
        }
    }
}

/// The metadata of one rule.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    /// Stable, readable identifier, such as `aws-s3-bucket-versioning`.
    pub id: String,
    /// What a compliant resource looks like, in a few words.
    pub title: String,
    /// How much a finding matters.
    pub severity: Severity,
    /// `aws`, `azure` or `google`.
    pub provider: String,
    /// The resource types the rule looks at.
    pub resources: Vec<String>,
    /// How the fix may be applied.
    pub fix: FixKind,
    /// The finding's message: what is wrong, in one sentence.
    pub message: String,
    /// Checkov check IDs this rule clears.
    #[serde(default)]
    pub checkov: Vec<String>,
    /// Trivy AVD IDs this rule clears.
    #[serde(default)]
    pub trivy: Vec<String>,
    /// tfsec long IDs this rule clears (for `#tfsec:ignore:` comments).
    #[serde(default)]
    pub tfsec: Vec<String>,
    /// CIS benchmark references.
    #[serde(default)]
    pub cis: Vec<String>,
    /// Data-driven detection; absent for rules written in Rust.
    #[serde(default, rename = "require", deserialize_with = "one_or_many")]
    pub requirements: Vec<crate::data::Requirement>,
    /// Conditions under which the rule applies at all.
    #[serde(default, rename = "when", deserialize_with = "one_or_many")]
    pub conditions: Vec<crate::data::Requirement>,
    /// A companion resource that satisfies the rule.
    #[serde(default)]
    pub companion: Option<crate::data::Companion>,
}

/// A block written once deserializes as a map, repeated as a sequence: take both.
fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        Many(Vec<T>),
        One(T),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::Many(items) => items,
        OneOrMany::One(item) => vec![item],
    })
}
