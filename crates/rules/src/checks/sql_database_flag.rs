//! A Cloud SQL database flag that is missing or set to an unsafe value.
//!
//! Flags are repeated `settings { database_flags { name = ... value = ... } }`
//! blocks, told apart by the value of their `name` attribute, which a data rule's
//! path cannot select. Each rule here names one engine and one flag, and either
//! requires the flag with one of a few values (leaving it out fails) or only
//! objects to some values (leaving it out passes).
//!
//! The fix replaces a wrong `value`, or adds a `database_flags` block. An
//! instance whose engine is not a literal, that has no `settings` block, or whose
//! flags come from a `dynamic` block, is not judged.

use heal_syntax::layout::{quoted, FixBuilder, Snippet};
use heal_syntax::{Block, Value};

use crate::meta::RuleMeta;
use crate::rule::{header_range, Context, Finding, Rule};

/// What a rule asks of its flag.
pub enum FlagPolicy {
    /// The flag must be set to one of these values; the first is the fix.
    OneOf(&'static [&'static str]),
    /// The flag, when set, must not have any of these values; `fix` replaces them.
    NoneOf {
        /// The values that fail.
        rejected: &'static [&'static str],
        /// The value the fix writes.
        fix: &'static str,
    },
}

impl FlagPolicy {
    fn accepts(&self, value: &str) -> bool {
        match self {
            FlagPolicy::OneOf(accepted) => accepted.contains(&value),
            FlagPolicy::NoneOf { rejected, .. } => !rejected.contains(&value),
        }
    }

    fn fix_value(&self) -> &'static str {
        match self {
            FlagPolicy::OneOf(accepted) => accepted[0],
            FlagPolicy::NoneOf { fix, .. } => fix,
        }
    }

    fn missing_fails(&self) -> bool {
        matches!(self, FlagPolicy::OneOf(_))
    }
}

/// One database flag of one engine on a `google_sql_database_instance`.
pub struct SqlDatabaseFlag {
    meta: RuleMeta,
    engine: &'static str,
    flag: &'static str,
    policy: FlagPolicy,
}

impl SqlDatabaseFlag {
    /// The rule for `flag` on instances whose `database_version` contains
    /// `engine` (`POSTGRES`, `MYSQL`, `SQLSERVER`).
    pub fn new(
        meta: RuleMeta,
        engine: &'static str,
        flag: &'static str,
        policy: FlagPolicy,
    ) -> SqlDatabaseFlag {
        SqlDatabaseFlag {
            meta,
            engine,
            flag,
            policy,
        }
    }

    fn runs_engine(&self, block: &Block) -> bool {
        let version = block
            .body
            .attribute("database_version")
            .and_then(|attribute| Value::of(&attribute.value));
        matches!(version, Some(Value::String(text)) if text.contains(self.engine))
    }

    /// The `database_flags` block that sets this rule's flag.
    fn flag_block<'a>(&self, settings: &'a Block) -> Option<&'a Block> {
        settings.body.blocks_of("database_flags").find(|flags| {
            flags
                .body
                .attribute("name")
                .and_then(|name| name.value.as_str())
                == Some(self.flag)
        })
    }

    /// `database_flags { name = "<flag>"  value = "<fix>" }`.
    fn new_flag(&self) -> Snippet {
        Snippet::new().block(
            "database_flags",
            &[],
            Snippet::new()
                .attribute("name", quoted(self.flag))
                .attribute("value", quoted(self.policy.fix_value())),
        )
    }
}

impl Rule for SqlDatabaseFlag {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        if !self.runs_engine(block) || has_dynamic(block, "settings") {
            return;
        }
        let applicability = self.meta.fix.applicability();
        let mut builder = FixBuilder::new(&context.file.source);

        // Without `settings` the instance is a clone or restore whose tier comes
        // from elsewhere: a new `settings` block would need a tier heal cannot
        // choose.
        let Some(settings) = block.body.blocks_of("settings").next() else {
            return;
        };
        if has_dynamic(settings, "database_flags") {
            return;
        }

        match self.flag_block(settings) {
            Some(flags) => {
                let Some(value) = flags.body.attribute("value") else {
                    return;
                };
                let Some(Value::String(text)) = Value::of(&value.value) else {
                    return;
                };
                if self.policy.accepts(&text) {
                    return;
                }
                let range = value.key.span.start..value.value.span.end;
                let mut finding = Finding::new(&self.meta, context.file, block, range);
                builder.replace_value(value, &quoted(self.policy.fix_value()));
                finding.fix = builder.offer(applicability);
                findings.push(finding);
            }
            None if self.policy.missing_fails() => {
                let mut finding =
                    Finding::new(&self.meta, context.file, block, header_range(settings));
                builder.insert_into(settings, &self.new_flag());
                finding.fix = builder.offer(applicability);
                findings.push(finding);
            }
            None => {}
        }
    }
}

/// Whether `block` holds a `dynamic "<ident>"` block, whose content is unknown.
fn has_dynamic(block: &Block, ident: &str) -> bool {
    block.body.dynamic_blocks_of(ident).next().is_some()
}
