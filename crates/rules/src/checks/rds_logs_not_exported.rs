//! An RDS instance or Aurora cluster that exports no logs to CloudWatch.
//!
//! Data cannot express this rule: which log types exist depends on the database
//! engine (`postgresql` for PostgreSQL, `error` for MySQL, `alert` for Oracle),
//! and an Aurora cluster without `engine` is Aurora MySQL, while an instance
//! without it is a replica or a restore whose engine is not known here. Aurora
//! MySQL clusters must also export their `audit` log.

use heal_syntax::layout::{quoted, FixBuilder, Snippet};
use heal_syntax::{Attribute, Block, Value};

use crate::meta::RuleMeta;
use crate::rule::{header_range, Context, Finding, Rule};

/// The attribute listing the exported log types.
const EXPORTS: &str = "enabled_cloudwatch_logs_exports";

/// Log types missing from `enabled_cloudwatch_logs_exports`.
pub struct RdsLogsNotExported {
    meta: RuleMeta,
}

impl RdsLogsNotExported {
    /// The rule `meta` describes.
    pub fn new(meta: RuleMeta) -> RdsLogsNotExported {
        RdsLogsNotExported { meta }
    }
}

/// What heal knows of a database's logs, from its resource type and engine.
struct Logs {
    /// The log types the fix exports when none are.
    default: &'static [&'static str],
    /// A log type that must be among the exported ones (Aurora MySQL's audit log).
    required: Option<&'static str>,
}

impl Logs {
    /// The logs of `block`, or `None` when its engine is unknown or not one heal
    /// has log types for.
    fn of(block: &Block) -> Option<Logs> {
        let is_cluster = block.label(0) == Some("aws_rds_cluster");
        let engine = match block.body.attribute("engine") {
            Some(attribute) => match Value::of(&attribute.value)? {
                Value::String(engine) => engine,
                _ => return None,
            },
            None if is_cluster => "aurora".to_string(),
            None => return None,
        };

        let mysql = &["audit", "error", "slowquery"];
        let logs = match engine.as_str() {
            "aurora" | "aurora-mysql" | "mysql" if is_cluster => Logs {
                default: mysql,
                required: Some("audit"),
            },
            "mysql" | "mariadb" => Logs {
                default: mysql,
                required: None,
            },
            "postgres" if !is_cluster => Logs {
                default: &["postgresql", "upgrade"],
                required: None,
            },
            "postgres" | "aurora-postgresql" => Logs {
                default: &["postgresql"],
                required: None,
            },
            oracle if oracle.starts_with("oracle-") => Logs {
                default: &["alert", "listener"],
                required: None,
            },
            sqlserver if sqlserver.starts_with("sqlserver-") => Logs {
                default: &["agent", "error"],
                required: None,
            },
            _ => return None,
        };
        Some(logs)
    }
}

impl Rule for RdsLogsNotExported {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        let Some(logs) = Logs::of(block) else {
            return;
        };

        let Some(exports) = block.body.attribute(EXPORTS) else {
            let finding = Finding::new(&self.meta, context.file, block, header_range(block));
            let snippet = Snippet::new().attribute(EXPORTS, render(logs.default));
            let mut builder = FixBuilder::new(&context.file.source);
            builder.insert_into(block, &snippet);
            self.report(finding, builder, findings);
            return;
        };

        // Only a literal list is judged; a variable or expression is left alone.
        let Some(Value::Array(items)) = Value::of(&exports.value) else {
            return;
        };
        let exported: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
        let replacement = if exported.is_empty() {
            render(logs.default)
        } else {
            match logs.required {
                // The list gains the one item, in its own layout, its
                // comments kept.
                Some(required) if !exported.contains(&required) => {
                    let text = context.file.text();
                    let added = [quoted(required)];
                    let Some(list) = crate::data::list_with(&exports.value, &added, text) else {
                        return;
                    };
                    list
                }
                _ => return,
            }
        };
        self.report_wrong(context, block, exports, &replacement, findings);
    }
}

impl RdsLogsNotExported {
    /// Reports an exports list that lacks log types, replaced by `replacement`.
    fn report_wrong(
        &self,
        context: &Context<'_>,
        block: &Block,
        exports: &Attribute,
        replacement: &str,
        findings: &mut Vec<Finding>,
    ) {
        let range = exports.key.span.start..exports.value.span.end;
        let finding = Finding::new(&self.meta, context.file, block, range);
        let mut builder = FixBuilder::new(&context.file.source);
        builder.replace_value(exports, replacement);
        self.report(finding, builder, findings);
    }

    /// Reports `finding` with the fix `builder` holds, or without a fix (logged)
    /// when its edits do not fit.
    fn report(&self, mut finding: Finding, builder: FixBuilder<'_>, findings: &mut Vec<Finding>) {
        finding.fix = builder.offer(self.meta.fix.into());
        findings.push(finding);
    }
}

/// Writes log types as an HCL list of strings.
fn render(types: &[&str]) -> String {
    let quoted: Vec<String> = types.iter().map(|name| quoted(name)).collect();
    format!("[{}]", quoted.join(", "))
}
