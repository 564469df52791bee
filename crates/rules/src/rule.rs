//! The rule trait and what a rule reports.

use std::ops::Range;
use std::path::PathBuf;

use heal_patch::Fix;
use heal_syntax::Block;

use crate::meta::RuleMeta;
use crate::module::{Module, ModuleFile};

/// One remediation: detects one misconfiguration and proposes its fix.
pub trait Rule: Send + Sync {
    /// The rule's catalog entry.
    fn meta(&self) -> &RuleMeta;

    /// Reports the findings of this rule on one resource (or module call) block of
    /// `file`. Only blocks whose type is in [`RuleMeta::resources`] are passed in.
    fn check(&self, context: &Context<'_>, block: &Block, findings: &mut Vec<Finding>);
}

/// What a rule can see while it checks a block.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The file being checked.
    pub file: &'a ModuleFile,
    /// The module (directory) the file belongs to, for companion resources,
    /// variables and provider versions.
    pub module: &'a Module,
}

/// A misconfiguration found in a file.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule that found it.
    pub rule_id: String,
    /// What is wrong.
    pub message: String,
    /// The file it is in.
    pub path: PathBuf,
    /// What to point at: the offending attribute, or the block's header.
    pub range: Range<usize>,
    /// The resource block it concerns (suppression comments are looked for there).
    pub block: Range<usize>,
    /// The resource address, such as `aws_s3_bucket.logs`.
    pub address: String,
    /// The fix, when the rule could compute one.
    pub fix: Option<Fix>,
    /// The file the fix edits, when it is not `path` (a variable's default).
    pub fix_path: Option<PathBuf>,
    /// Other places involved, such as the variable whose default is the value.
    pub related: Vec<Related>,
    /// The suppression comment that silences this finding, if any.
    pub suppressed_by: Option<String>,
}

/// A second place a finding involves.
#[derive(Debug, Clone)]
pub struct Related {
    /// The file.
    pub path: PathBuf,
    /// The bytes.
    pub range: Range<usize>,
    /// Why it matters.
    pub note: String,
}

impl Finding {
    /// A finding of `meta`'s rule on `block` of `file`, pointing at `range`.
    pub fn new(meta: &RuleMeta, file: &ModuleFile, block: &Block, range: Range<usize>) -> Finding {
        Finding {
            rule_id: meta.id.clone(),
            message: meta.message.clone(),
            path: file.source.path().to_path_buf(),
            range,
            block: block.span.clone(),
            address: block.address(),
            fix: None,
            fix_path: None,
            related: Vec::new(),
            suppressed_by: None,
        }
    }

    /// The file the fix edits.
    pub fn fix_target(&self) -> &std::path::Path {
        self.fix_path.as_deref().unwrap_or(&self.path)
    }
}

/// The byte range of a block's header: identifier and labels, up to `{`.
pub fn header_range(block: &Block) -> Range<usize> {
    block.span.start..block.open_brace.max(block.span.start)
}
