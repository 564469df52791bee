//! The one list of rules: every catalog entry, run as data or by its Rust module.

use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::{self, CatalogEntry, CatalogError};
use crate::checks;
use crate::data::{is_data_rule, DataRule};
use crate::rule::Rule;

/// All rules, indexed by the resource types they look at.
pub struct Registry {
    entries: Vec<CatalogEntry>,
    rules: Vec<Arc<dyn Rule>>,
    by_resource: HashMap<String, Vec<usize>>,
    by_id: HashMap<String, usize>,
}

impl Registry {
    /// Loads the embedded catalog and pairs each entry with its implementation.
    pub fn load() -> Result<Registry, CatalogError> {
        let entries = catalog::entries()?;
        let mut rules: Vec<Arc<dyn Rule>> = Vec::with_capacity(entries.len());
        for entry in &entries {
            let rule: Arc<dyn Rule> = match checks::implementation(&entry.meta) {
                Some(rule) => rule,
                None if is_data_rule(&entry.meta) => Arc::new(DataRule::new(entry.meta.clone())),
                None => {
                    return Err(CatalogError {
                        folder: entry.folder.to_string(),
                        message: "no `require` or `companion` block, and no Rust implementation"
                            .to_string(),
                    })
                }
            };
            rules.push(rule);
        }
        Ok(Registry::from_rules(entries, rules))
    }

    /// A registry of rules that are not in the catalog (tests, and programs that
    /// embed heal with rules of their own); their documentation is empty.
    pub fn of_rules(rules: Vec<Arc<dyn Rule>>) -> Registry {
        let entries = rules
            .iter()
            .map(|rule| CatalogEntry {
                folder: "",
                meta: rule.meta().clone(),
                documentation: "",
            })
            .collect();
        Registry::from_rules(entries, rules)
    }

    fn from_rules(entries: Vec<CatalogEntry>, rules: Vec<Arc<dyn Rule>>) -> Registry {
        let mut by_resource: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, rule) in rules.iter().enumerate() {
            for resource in &rule.meta().resources {
                by_resource.entry(resource.clone()).or_default().push(index);
            }
        }
        let by_id = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| (entry.meta.id.clone(), index))
            .collect();
        Registry {
            entries,
            rules,
            by_resource,
            by_id,
        }
    }

    /// The catalog entries, in id order.
    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    /// The catalog entry of rule `id`.
    pub fn entry(&self, id: &str) -> Option<&CatalogEntry> {
        self.by_id.get(id).map(|&index| &self.entries[index])
    }

    /// Keeps only the rules `keep` accepts.
    pub fn filtered(&self, keep: impl Fn(&str) -> bool) -> Registry {
        let (entries, rules) = self
            .entries
            .iter()
            .zip(&self.rules)
            .filter(|(entry, _)| keep(&entry.meta.id))
            .map(|(entry, rule)| (entry.clone(), Arc::clone(rule)))
            .unzip();
        Registry::from_rules(entries, rules)
    }

    /// The rules that look at blocks of `resource_type`.
    pub fn rules_for<'a>(&'a self, resource_type: &str) -> impl Iterator<Item = &'a dyn Rule> + 'a {
        self.by_resource
            .get(resource_type)
            .into_iter()
            .flatten()
            .map(|&index| self.rules[index].as_ref())
    }

    /// Every rule.
    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|rule| rule.as_ref())
    }
}
