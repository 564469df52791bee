//! Provider versions: `required_providers` constraints and lock-file pins.
//!
//! Some fixes depend on the provider version (S3 companion resources exist from AWS
//! provider 4.0; azurerm 4.0 renamed attributes). heal reads the constraints the
//! module declares and, where present, the exact versions `.terraform.lock.hcl`
//! recorded, and picks the fix the pinned version accepts.

use heal_syntax::{Body, ExprKind};

/// A dotted version such as `4.67.0`; missing parts are zero.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub Vec<u64>);

impl Version {
    /// Parses `4.0`, `v3.74.1` or `5.0.0-beta1` (the pre-release is ignored).
    pub fn parse(text: &str) -> Option<Version> {
        let text = text.trim().trim_start_matches('v');
        let core = text.split(['-', '+']).next()?;
        let mut parts = core
            .split('.')
            .map(|part| part.parse().ok())
            .collect::<Option<Vec<u64>>>()?;
        while parts.len() > 1 && parts.last() == Some(&0) {
            parts.pop();
        }
        Some(Version(parts))
    }

    /// The smallest version above every version `~>` this one allows.
    fn pessimistic_ceiling(raw: &str) -> Option<Version> {
        let parts: Vec<u64> = raw
            .trim()
            .split(['-', '+'])
            .next()?
            .split('.')
            .map(|part| part.parse().ok())
            .collect::<Option<_>>()?;
        let mut ceiling = if parts.len() > 1 {
            parts[..parts.len() - 1].to_vec()
        } else {
            parts.clone()
        };
        if let Some(last) = ceiling.last_mut() {
            *last += 1;
        }
        Version::parse(
            &ceiling
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join("."),
        )
    }
}

/// A version constraint such as `>= 3.0, < 5.0` or `~> 4.2`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    /// The lowest allowed version, if bounded below.
    lower: Option<Version>,
    /// The versions allowed are below this one (exclusive), if bounded above.
    upper_exclusive: Option<Version>,
    /// Or at most this one (inclusive).
    upper_inclusive: Option<Version>,
}

impl Constraint {
    /// Parses a Terraform version constraint string.
    pub fn parse(text: &str) -> Option<Constraint> {
        let mut constraint = Constraint {
            lower: None,
            upper_exclusive: None,
            upper_inclusive: None,
        };
        for part in text.split(',') {
            let part = part.trim();
            let (operator, version) = split_operator(part);
            match operator {
                "~>" => {
                    constraint.lower = Version::parse(version).max(constraint.lower);
                    constraint.upper_exclusive = Version::pessimistic_ceiling(version);
                }
                ">=" | ">" => constraint.lower = Version::parse(version).max(constraint.lower),
                "<" => constraint.upper_exclusive = Version::parse(version),
                "<=" => constraint.upper_inclusive = Version::parse(version),
                "=" | "" => {
                    constraint.lower = Version::parse(version);
                    constraint.upper_inclusive = Version::parse(version);
                }
                _ => {}
            }
        }
        Some(constraint)
    }

    /// Whether every version this constraint allows is below `version`.
    pub fn entirely_below(&self, version: &Version) -> bool {
        self.upper_exclusive
            .as_ref()
            .is_some_and(|upper| upper <= version)
            || self
                .upper_inclusive
                .as_ref()
                .is_some_and(|upper| upper < version)
    }

    /// Whether every version this constraint allows is at least `version`.
    pub fn at_least(&self, version: &Version) -> bool {
        self.lower.as_ref().is_some_and(|lower| lower >= version)
    }
}

fn split_operator(part: &str) -> (&str, &str) {
    for operator in ["~>", ">=", "<=", "!=", ">", "<", "="] {
        if let Some(rest) = part.strip_prefix(operator) {
            return (operator, rest.trim());
        }
    }
    ("", part)
}

/// The provider constraints in `terraform { required_providers { ... } }`.
pub fn required_providers(body: &Body) -> Vec<(String, Constraint)> {
    let mut found = Vec::new();
    for terraform in body.blocks_of("terraform") {
        for providers in terraform.body.blocks_of("required_providers") {
            for attribute in providers.body.attributes() {
                let name = attribute.key.value.clone();
                let version = match &attribute.value.kind {
                    ExprKind::String(version) => Some(version.clone()),
                    ExprKind::Object(items) => items.iter().find_map(|item| {
                        let is_version = matches!(&item.key.kind,
                            ExprKind::Traversal(parts) if parts.len() == 1 && parts[0] == "version");
                        is_version.then(|| item.value.as_str().map(str::to_string)).flatten()
                    }),
                    _ => None,
                };
                if let Some(constraint) = version.as_deref().and_then(Constraint::parse) {
                    found.push((name, constraint));
                }
            }
        }
    }
    found
}

/// The exact provider versions recorded in a `.terraform.lock.hcl`, by the last
/// segment of the provider address (`registry.terraform.io/hashicorp/aws` → `aws`).
pub fn locked_versions(text: &str) -> Vec<(String, Version)> {
    let source = heal_syntax::SourceFile::new(".terraform.lock.hcl", text.to_string());
    let Ok(parsed) = heal_syntax::parse(&source) else {
        return Vec::new();
    };
    parsed
        .body
        .blocks_of("provider")
        .filter_map(|block| {
            let address = block.label(0)?;
            let name = address.rsplit('/').next()?.to_string();
            let version = block.body.attribute("version")?.value.as_str()?;
            Some((name, Version::parse(version)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn pessimistic_constraints_have_a_ceiling() {
        let constraint = Constraint::parse("~> 3.0").unwrap();
        assert!(constraint.entirely_below(&v("4.0")));
        let constraint = Constraint::parse("~> 3.74.1").unwrap();
        assert!(constraint.entirely_below(&v("4")));
        let constraint = Constraint::parse("~> 4").unwrap();
        assert!(!constraint.entirely_below(&v("4.0")));
    }

    #[test]
    fn lower_bounds_are_not_ceilings() {
        let constraint = Constraint::parse(">= 3.0").unwrap();
        assert!(!constraint.entirely_below(&v("4.0")));
        assert!(!constraint.at_least(&v("4.0")));
        assert!(Constraint::parse(">= 4.9, < 6")
            .unwrap()
            .at_least(&v("4.0")));
    }

    #[test]
    fn exact_and_upper_bounds() {
        assert!(Constraint::parse("3.75.0")
            .unwrap()
            .entirely_below(&v("4.0.0")));
        assert!(Constraint::parse("< 4.0")
            .unwrap()
            .entirely_below(&v("4.0.0")));
        assert!(!Constraint::parse("<= 4.0")
            .unwrap()
            .entirely_below(&v("4.0.0")));
    }

    #[test]
    fn reads_lock_files() {
        let text =
            "provider \"registry.terraform.io/hashicorp/aws\" {\n  version = \"3.76.1\"\n}\n";
        assert_eq!(
            locked_versions(text),
            vec![("aws".to_string(), v("3.76.1"))]
        );
    }
}
