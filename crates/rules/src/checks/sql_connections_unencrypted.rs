//! A Cloud SQL instance that accepts connections without SSL.
//!
//! Data cannot express this rule: which setting to write depends on the provider
//! version (`require_ssl` before `ssl_mode` existed; `require_ssl` is gone from
//! 6.0 on), and which `ssl_mode` value counts as secure depends on the database
//! engine (SQL Server cannot require client certificates).

use heal_syntax::layout::{quoted, FixBuilder, Snippet};
use heal_syntax::{Attribute, Block, Value};

use crate::meta::RuleMeta;
use crate::rule::{header_range, Context, Finding, Rule};
use crate::versions::Version;

/// The first google provider release with `settings.ip_configuration.ssl_mode`.
const SSL_MODE_SINCE: &str = "5.7";

/// The mode Checkov accepts for every engine: SSL with trusted client certificates.
const CLIENT_CERTIFICATES: &str = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED";

/// The mode Checkov also accepts for SQL Server, which has no client certificates.
const ENCRYPTED_ONLY: &str = "ENCRYPTED_ONLY";

/// SSL not required on a `google_sql_database_instance`.
pub struct SqlUnencryptedConnections {
    meta: RuleMeta,
}

impl SqlUnencryptedConnections {
    /// The rule `meta` describes.
    pub fn new(meta: RuleMeta) -> SqlUnencryptedConnections {
        SqlUnencryptedConnections { meta }
    }
}

/// What the instance's database engine is known to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Engine {
    SqlServer,
    Other,
    /// `database_version` is not a literal.
    Unknown,
}

impl Engine {
    fn of(block: &Block) -> Engine {
        let version = block
            .body
            .attribute("database_version")
            .and_then(|attribute| Value::of(&attribute.value));
        match version {
            Some(Value::String(text)) if text.contains("SQLSERVER") => Engine::SqlServer,
            Some(Value::String(_)) => Engine::Other,
            _ => Engine::Unknown,
        }
    }

    fn accepts(self, mode: &str) -> bool {
        mode == CLIENT_CERTIFICATES || (self == Engine::SqlServer && mode == ENCRYPTED_ONLY)
    }

    /// The `ssl_mode` value the fix writes, when the engine is known.
    fn secure_mode(self) -> Option<&'static str> {
        match self {
            Engine::SqlServer => Some(ENCRYPTED_ONLY),
            Engine::Other => Some(CLIENT_CERTIFICATES),
            Engine::Unknown => None,
        }
    }
}

impl Rule for SqlUnencryptedConnections {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>) {
        let engine = Engine::of(block);
        let settings = block.body.blocks_of("settings").next();
        let ip_configuration = settings.and_then(|s| s.body.blocks_of("ip_configuration").next());

        // Checkov reads `ssl_mode` first and only falls back to `require_ssl`.
        let Some(ip_configuration) = ip_configuration else {
            let finding = Finding::new(&self.meta, context.file, block, header_range(block));
            let setting = self.setting_to_add(context, engine);
            let fix = setting.map(|(key, value)| {
                let inner = Snippet::new().attribute(key, value);
                let ip_block = Snippet::new().block("ip_configuration", &[], inner);
                match settings {
                    Some(settings) => (settings, ip_block),
                    None => (block, Snippet::new().block("settings", &[], ip_block)),
                }
            });
            self.report(context, finding, fix, findings);
            return;
        };

        let body = &ip_configuration.body;
        if let Some(mode) = body.attribute("ssl_mode") {
            let Some(Value::String(value)) = Value::of(&mode.value) else {
                return;
            };
            if engine.accepts(&value) {
                return;
            }
            let secure = engine.secure_mode().map(quoted);
            self.report_wrong(context, block, mode, secure, findings);
        } else if let Some(require) = body.attribute("require_ssl") {
            let Some(value) = Value::of(&require.value) else {
                return;
            };
            if value.loosely_equals(&Value::Bool(true)) {
                return;
            }
            self.report_wrong(context, block, require, Some("true".to_string()), findings);
        } else {
            let finding = Finding::new(&self.meta, context.file, block, header_range(block));
            let fix = self
                .setting_to_add(context, engine)
                .map(|(key, value)| (ip_configuration, Snippet::new().attribute(key, value)));
            self.report(context, finding, fix, findings);
        }
    }
}

impl SqlUnencryptedConnections {
    /// The attribute to add: `require_ssl` where the provider predates `ssl_mode`,
    /// otherwise the `ssl_mode` that suits the engine.
    fn setting_to_add(&self, context: &Context<'_>, engine: Engine) -> Option<(&str, String)> {
        let since = Version::parse(SSL_MODE_SINCE)?;
        if context.module.provider_below("google", &since) {
            return Some(("require_ssl", "true".to_string()));
        }
        let mode = engine.secure_mode()?;
        Some(("ssl_mode", quoted(mode)))
    }

    /// Reports an attribute with an insecure value, replaced by `secure` when known.
    fn report_wrong(
        &self,
        context: &Context<'_>,
        block: &Block,
        attribute: &Attribute,
        secure: Option<String>,
        findings: &mut Vec<Finding>,
    ) {
        let range = attribute.key.span.start..attribute.value.span.end;
        let mut finding = Finding::new(&self.meta, context.file, block, range);
        if let Some(secure) = secure {
            let mut builder = FixBuilder::new(&context.file.source);
            builder.replace_value(attribute, &secure);
            finding.fix = builder.offer(self.meta.fix.into());
        }
        findings.push(finding);
    }

    /// Reports `finding`, with `snippet` inserted into its block as the fix.
    fn report(
        &self,
        context: &Context<'_>,
        mut finding: Finding,
        fix: Option<(&Block, Snippet)>,
        findings: &mut Vec<Finding>,
    ) {
        if let Some((anchor, snippet)) = fix {
            let mut builder = FixBuilder::new(&context.file.source);
            builder.insert_into(anchor, &snippet);
            finding.fix = builder.offer(self.meta.fix.into());
        }
        findings.push(finding);
    }
}
