//! The remediation catalog embedded at build time.

use crate::meta::RuleMeta;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// One catalog entry: its metadata and documentation.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    /// The folder name under `remediations/`, equal to the rule id.
    pub folder: &'static str,
    /// The parsed `rule.hcl`.
    pub meta: RuleMeta,
    /// `README.md`: what it does, why it is bad, example, fix, fix safety.
    pub documentation: &'static str,
}

/// Why a catalog entry cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("remediations/{folder}/rule.hcl: {message}")]
pub struct CatalogError {
    /// The folder of the entry.
    pub folder: String,
    /// What is wrong.
    pub message: String,
}

/// Reads every embedded entry.
pub fn entries() -> Result<Vec<CatalogEntry>, CatalogError> {
    EMBEDDED
        .iter()
        .map(|(folder, _, json, documentation)| {
            let meta: RuleMeta = serde_json::from_str(json).map_err(|error| CatalogError {
                folder: folder.to_string(),
                message: error.to_string(),
            })?;
            if meta.id != *folder {
                return Err(CatalogError {
                    folder: folder.to_string(),
                    message: format!("id `{}` differs from the folder name", meta.id),
                });
            }
            Ok(CatalogEntry {
                folder,
                meta,
                documentation,
            })
        })
        .collect()
}

/// The rule reference (`docs/rules.md`): a table of every rule, then each rule's
/// documentation, generated from the catalog so it cannot drift from it.
pub fn reference_markdown(entries: &[CatalogEntry]) -> String {
    let mut out = String::from(
        "# Rule reference\n\n\
         Generated from `remediations/` by `HEAL_UPDATE_DOCS=1 cargo test -p heal_rules --test docs`; \
         do not edit by hand.\n\n\
         | id | provider | severity | fix | Checkov | Trivy | title |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for entry in entries {
        let meta = &entry.meta;
        let fix = heal_patch::Applicability::from(meta.fix);
        out.push_str(&format!(
            "| [`{id}`](#{id}) | {} | {} | {} | {} | {} | {} |\n",
            meta.provider,
            meta.severity,
            fix,
            meta.checkov.join(", "),
            meta.trivy.join(", "),
            meta.title,
            id = meta.id,
        ));
    }
    for entry in entries {
        out.push('\n');
        // Each README starts with `# <id>`; nest it one level under this page.
        for line in entry.documentation.trim_end().lines() {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
        let meta = &entry.meta;
        out.push_str(&format!(
            "\nResources: {}. Checkov: {}. Trivy: {}.\n",
            meta.resources
                .iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if meta.checkov.is_empty() {
                "none".to_string()
            } else {
                meta.checkov.join(", ")
            },
            if meta.trivy.is_empty() {
                "none".to_string()
            } else {
                meta.trivy.join(", ")
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// heal reads each rule from the JSON build.rs wrote; it must be the rule
    /// the HCL says, whatever shape its blocks and values take.
    #[test]
    fn every_rule_reads_the_same_from_its_json_as_from_its_hcl() {
        assert!(EMBEDDED.len() > 100, "the catalog is embedded");
        for (folder, rule, json, _) in EMBEDDED {
            let from_hcl: RuleMeta = hcl::from_str(rule).expect("rule.hcl parses");
            let from_json: RuleMeta = serde_json::from_str(json).expect("the JSON parses");
            assert_eq!(
                serde_json::to_value(&from_hcl).unwrap(),
                serde_json::to_value(&from_json).unwrap(),
                "{folder}"
            );
            assert_eq!(
                format!("{from_hcl:?}"),
                format!("{from_json:?}"),
                "{folder}"
            );
        }
    }
}
