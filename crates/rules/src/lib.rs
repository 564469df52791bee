//! heal's remediation catalog: the rule trait, the registry of every rule, the
//! data-driven rule engine, the rules written in Rust, and the fixing loop.
#![warn(missing_docs)]

pub mod catalog;
mod checks;
pub mod data;
pub mod engine;
pub mod meta;
pub mod module;
pub mod registry;
pub mod rule;
pub mod suppress;
pub mod versions;

pub use engine::{
    check_module, fix_module, fix_module_watched, FixOptions, FixOutcome, Pass, MAX_PASSES,
};
pub use meta::{FixKind, RuleMeta, Severity};
pub use module::{Module, ModuleFile};
pub use registry::Registry;
pub use rule::{Context, Finding, Related, Rule};
