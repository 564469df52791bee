//! AKS node pools whose VM hosts do not encrypt temporary disks and caches.
//!
//! Data cannot express this rule: azurerm 4.0 renamed the setting from
//! `enable_host_encryption` to `host_encryption_enabled`, so the attribute the fix
//! adds depends on the provider version the module pins. Either name set to
//! `true` passes, as it does for Checkov.

use heal_syntax::layout::{FixBuilder, Snippet};
use heal_syntax::{Attribute, Block, Value};

use crate::meta::RuleMeta;
use crate::rule::{header_range, Context, Finding, Rule};
use crate::versions::Version;

/// The setting's name before azurerm 4.0.
const OLD_NAME: &str = "enable_host_encryption";

/// The setting's name from azurerm 4.0 on.
const NEW_NAME: &str = "host_encryption_enabled";

/// The first azurerm release that knows only the new name.
const RENAMED_IN: &str = "4.0";

/// Host encryption off on an `azurerm_kubernetes_cluster` (its default node pool)
/// or an `azurerm_kubernetes_cluster_node_pool`.
pub struct AksHostEncryptionOff {
    meta: RuleMeta,
}

impl AksHostEncryptionOff {
    /// The rule `meta` describes.
    pub fn new(meta: RuleMeta) -> AksHostEncryptionOff {
        AksHostEncryptionOff { meta }
    }
}

impl Rule for AksHostEncryptionOff {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        // A cluster holds its first pool in `default_node_pool`; a separate pool
        // resource holds the setting at the top level.
        let pool = if block.label(0) == Some("azurerm_kubernetes_cluster") {
            match block.body.blocks_of("default_node_pool").next() {
                Some(pool) => pool,
                None => return,
            }
        } else {
            block
        };

        let settings: Vec<&Attribute> = [OLD_NAME, NEW_NAME]
            .iter()
            .filter_map(|name| pool.body.attribute(name))
            .collect();
        let values: Vec<Option<Value>> = settings
            .iter()
            .map(|setting| Value::of(&setting.value))
            .collect();
        let is_on = |value: &Option<Value>| {
            value
                .as_ref()
                .is_some_and(|value| value.loosely_equals(&Value::Bool(true)))
        };
        // A setting that is on, or not a literal, is not judged.
        if values.iter().any(|value| value.is_none() || is_on(value)) {
            return;
        }

        let mut builder = FixBuilder::new(&context.file.source);
        let mut finding = match settings.first() {
            Some(setting) => {
                builder.replace_value(setting, "true");
                let range = setting.key.span.start..setting.value.span.end;
                Finding::new(&self.meta, context.file, block, range)
            }
            None => {
                let name = self.name_to_add(context);
                builder.insert_into(pool, &Snippet::new().attribute(name, "true"));
                Finding::new(&self.meta, context.file, block, header_range(block))
            }
        };
        finding.fix = builder.offer(self.meta.fix.into());
        findings.push(finding);
    }
}

impl AksHostEncryptionOff {
    /// The old name where the module pins azurerm below 4.0, the new one otherwise:
    /// a module without a constraint gets the newest provider.
    fn name_to_add(&self, context: &Context<'_>) -> &'static str {
        let renamed_in = Version::parse(RENAMED_IN);
        let old_provider =
            renamed_in.is_some_and(|version| context.module.provider_below("azurerm", &version));
        if old_provider {
            OLD_NAME
        } else {
            NEW_NAME
        }
    }
}
