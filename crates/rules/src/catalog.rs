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
        .map(|(folder, rule, documentation)| {
            let meta: RuleMeta = hcl::from_str(rule).map_err(|error| CatalogError {
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
