//! A Terraform module: the `.tf` files of one directory, read and parsed together.
//!
//! Rules look beyond the block they check: a companion resource in another file
//! satisfies a rule, `required_providers` decides which fix a provider version
//! accepts, and a variable's default decides a value.

use std::path::{Path, PathBuf};

use heal_syntax::{parse, Block, Body, ParseError, Parsed, SourceFile};

use crate::versions::{Constraint, Version};

/// One parsed file of a module.
#[derive(Debug, Clone)]
pub struct ModuleFile {
    /// The text and its layout.
    pub source: SourceFile,
    /// The structure.
    pub parsed: Parsed,
}

impl ModuleFile {
    /// Parses `source`.
    pub fn parse(source: SourceFile) -> Result<ModuleFile, ParseError> {
        let parsed = parse(&source)?;
        Ok(ModuleFile { source, parsed })
    }

    /// The top-level body.
    pub fn body(&self) -> &Body {
        &self.parsed.body
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        self.source.text()
    }
}

/// The parsed files of one directory.
#[derive(Debug, Clone, Default)]
pub struct Module {
    /// The directory.
    pub dir: PathBuf,
    /// Its files, in path order.
    pub files: Vec<ModuleFile>,
    /// Version constraints on providers, from `required_providers` and the lock
    /// file, by local name (`aws`, `azurerm`, `google`).
    pub provider_constraints: Vec<(String, Constraint)>,
    /// Exact provider versions from `.terraform.lock.hcl`, by local name.
    pub locked_versions: Vec<(String, Version)>,
}

impl Module {
    /// A module of already parsed files.
    pub fn new(dir: impl Into<PathBuf>, mut files: Vec<ModuleFile>) -> Module {
        files.sort_by(|a, b| a.source.path().cmp(b.source.path()));
        let provider_constraints = files
            .iter()
            .flat_map(|file| crate::versions::required_providers(file.body()))
            .collect();
        Module {
            dir: dir.into(),
            files,
            provider_constraints,
            locked_versions: Vec::new(),
        }
    }

    /// Adds the exact versions of a `.terraform.lock.hcl`.
    pub fn with_lock_file(mut self, text: &str) -> Module {
        self.locked_versions = crate::versions::locked_versions(text);
        self
    }

    /// The file at `path`.
    pub fn file(&self, path: &Path) -> Option<&ModuleFile> {
        self.files.iter().find(|file| file.source.path() == path)
    }

    /// Every `resource` block of `resource_type` in the module, with its file.
    pub fn resources<'a>(
        &'a self,
        resource_type: &'a str,
    ) -> impl Iterator<Item = (&'a ModuleFile, &'a Block)> + 'a {
        self.files
            .iter()
            .flat_map(move |file| file.body().resources(resource_type).map(move |b| (file, b)))
    }

    /// Whether the module's provider `name` is known to be older than `version`:
    /// the lock file pins an older one, or every version `required_providers`
    /// allows is older. Unpinned providers are taken as current.
    pub fn provider_below(&self, name: &str, version: &Version) -> bool {
        if let Some((_, locked)) = self.locked_versions.iter().find(|(n, _)| n == name) {
            return locked < version;
        }
        self.provider_constraints
            .iter()
            .filter(|(n, _)| n == name)
            .any(|(_, constraint)| constraint.entirely_below(version))
    }

    /// Whether the module's provider `name` is known to be at least `version`.
    pub fn provider_at_least(&self, name: &str, version: &Version) -> bool {
        if let Some((_, locked)) = self.locked_versions.iter().find(|(n, _)| n == name) {
            return locked >= version;
        }
        self.provider_constraints
            .iter()
            .filter(|(n, _)| n == name)
            .any(|(_, constraint)| constraint.at_least(version))
    }
}

/// Where the value of a `var.x` or `local.x` expression is written.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A variable of this module: its default, when it has one, is the value
    /// unless a caller or a tfvars file sets another.
    Variable {
        /// The variable's name.
        name: &'a str,
        /// The file declaring it.
        file: &'a ModuleFile,
        /// Its `default` expression.
        default: Option<&'a heal_syntax::Expr>,
    },
    /// A local value of this module.
    Local {
        /// The local's name.
        name: &'a str,
        /// The file declaring it.
        file: &'a ModuleFile,
        /// Its expression.
        value: &'a heal_syntax::Expr,
    },
}

impl Module {
    /// Where the value of `expr` comes from, when it is exactly `var.x` or
    /// `local.x` declared in this module.
    pub fn origin<'a>(&'a self, expr: &heal_syntax::Expr) -> Option<Origin<'a>> {
        let heal_syntax::ExprKind::Traversal(parts) = &expr.kind else {
            return None;
        };
        let [root, name] = parts.as_slice() else {
            return None;
        };
        match root.as_str() {
            "var" => self.files.iter().find_map(|file| {
                let block = file
                    .body()
                    .blocks_of("variable")
                    .find(|block| block.label(0) == Some(name))?;
                Some(Origin::Variable {
                    name: block.label(0)?,
                    file,
                    default: block.body.attribute("default").map(|a| &a.value),
                })
            }),
            "local" => self.files.iter().find_map(|file| {
                file.body().blocks_of("locals").find_map(|locals| {
                    let attribute = locals.body.attribute(name)?;
                    Some(Origin::Local {
                        name: &attribute.key.value,
                        file,
                        value: &attribute.value,
                    })
                })
            }),
            _ => None,
        }
    }
}
