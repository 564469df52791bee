//! A Terraform module: the `.tf` files of one directory, read and parsed together.
//!
//! Rules look beyond the block they check: a companion resource in another file
//! satisfies a rule, `required_providers` decides which fix a provider version
//! accepts, and a variable's default decides a value.

use std::any::Any;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

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

    /// Parses `source` with hcl-edit alone (see [`heal_syntax::parse_strict`]).
    pub fn parse_strict(source: SourceFile) -> Result<ModuleFile, ParseError> {
        let parsed = heal_syntax::parse_strict(&source)?;
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
    files: Vec<ModuleFile>,
    /// `resource` blocks by type: (file index, index among the file's structures).
    /// Rules look companions up by type for every block they check, so this
    /// keeps a module with thousands of resources linear.
    resource_index: HashMap<String, Vec<(usize, usize)>>,
    /// Resources by (their type, a `type.name` one of their top-level attributes
    /// refers to): how companions are found without a pass over every resource.
    referrer_index: HashMap<(String, String, String), Vec<(usize, usize)>>,
    /// Every resource, as (type, name).
    names: std::collections::HashSet<(String, String)>,
    /// Version constraints on providers, from `required_providers` and the lock
    /// file, by local name (`aws`, `azurerm`, `google`).
    pub provider_constraints: Vec<(String, Constraint)>,
    /// Exact provider versions from `.terraform.lock.hcl`, by local name.
    pub locked_versions: Vec<(String, Version)>,
    /// Facts derived from the whole module, computed once (see [`Module::memo`]).
    memos: Memos,
}

/// Facts a rule derives from the whole module, by key. Replacing a file drops
/// them; a clone starts without them.
#[derive(Default)]
struct Memos(Mutex<HashMap<&'static str, Arc<dyn Any + Send + Sync>>>);

impl Clone for Memos {
    fn clone(&self) -> Memos {
        Memos::default()
    }
}

impl std::fmt::Debug for Memos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memos")
    }
}

impl Module {
    /// A module of already parsed files.
    pub fn new(dir: impl Into<PathBuf>, mut files: Vec<ModuleFile>) -> Module {
        files.sort_by(|a, b| a.source.path().cmp(b.source.path()));
        let provider_constraints = files
            .iter()
            .flat_map(|file| crate::versions::required_providers(file.body()))
            .collect();
        let mut module = Module {
            dir: dir.into(),
            files,
            resource_index: HashMap::new(),
            referrer_index: HashMap::new(),
            names: std::collections::HashSet::new(),
            provider_constraints,
            locked_versions: Vec::new(),
            memos: Memos::default(),
        };
        module.reindex();
        module
    }

    /// The directory the module's files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The module's files, in path order.
    pub fn files(&self) -> &[ModuleFile] {
        &self.files
    }

    /// Replaces the file with the same path as `file` (after fixing it), keeping
    /// the module's indexes current. Returns false when no file has that path.
    pub fn replace_file(&mut self, file: ModuleFile) -> bool {
        let Ok(index) = self
            .files
            .binary_search_by(|existing| existing.source.path().cmp(file.source.path()))
        else {
            return false;
        };
        self.files[index] = file;
        self.reindex();
        true
    }

    /// A fact about the whole module, computed by `compute` the first time `key`
    /// is asked for and kept until a file changes. A rule that needs such a fact
    /// for every block it checks (the module's log buckets) stays linear in the
    /// module instead of scanning it once per block.
    pub fn memo<T: Any + Send + Sync>(
        &self,
        key: &'static str,
        compute: impl FnOnce(&Module) -> T,
    ) -> Arc<T> {
        let known = self
            .memos
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned();
        if let Some(value) = known.and_then(|value| value.downcast::<T>().ok()) {
            return value;
        }
        // Computed outside the lock: `compute` may ask for other facts.
        let value = Arc::new(compute(self));
        self.memos
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, value.clone());
        value
    }

    /// Puts `file` in the place of the module's file of the same path and
    /// returns that one; `None` (and `file` dropped) when there is none. The indexes
    /// are left as they were until [`Module::reindex`]: the fix loop swaps
    /// every file a pass changed and indexes once, which keeps a pass over a
    /// directory of thousands of fixed files linear.
    pub(crate) fn swap_file(&mut self, file: ModuleFile) -> Option<ModuleFile> {
        let index = self
            .files
            .binary_search_by(|existing| existing.source.path().cmp(file.source.path()))
            .ok()?;
        Some(std::mem::replace(&mut self.files[index], file))
    }

    /// Rebuilds the indexes and forgets the memos, after files changed.
    pub(crate) fn reindex(&mut self) {
        self.memos = Memos::default();
        self.resource_index.clear();
        self.referrer_index.clear();
        self.names.clear();
        for (file_index, file) in self.files.iter().enumerate() {
            for (index, structure) in file.body().structures.iter().enumerate() {
                let heal_syntax::Structure::Block(block) = structure else {
                    continue;
                };
                let ("resource", Some(kind)) = (block.ident.value.as_str(), block.label(0)) else {
                    continue;
                };
                let at = (file_index, index);
                self.resource_index
                    .entry(kind.to_string())
                    .or_default()
                    .push(at);
                if let Some(name) = block.label(1) {
                    self.names.insert((kind.to_string(), name.to_string()));
                }
                let mut targets: Vec<(&str, &str)> = block
                    .body
                    .attributes()
                    .flat_map(|attribute| attribute.value.references())
                    .filter_map(|parts| match parts {
                        [target_kind, target_name, ..] => {
                            Some((target_kind.as_str(), target_name.as_str()))
                        }
                        _ => None,
                    })
                    .collect();
                targets.sort_unstable();
                targets.dedup();
                for (target_kind, target_name) in targets {
                    let key = (
                        kind.to_string(),
                        target_kind.to_string(),
                        target_name.to_string(),
                    );
                    self.referrer_index.entry(key).or_default().push(at);
                }
            }
        }
    }

    /// The `resource` blocks of `resource_type` with a top-level attribute that
    /// refers to the resource `target_kind.target_name`.
    pub fn referrers<'a>(
        &'a self,
        resource_type: &str,
        target_kind: &str,
        target_name: &str,
    ) -> impl Iterator<Item = (&'a ModuleFile, &'a Block)> + 'a {
        let key = (
            resource_type.to_string(),
            target_kind.to_string(),
            target_name.to_string(),
        );
        self.referrer_index
            .get(&key)
            .into_iter()
            .flatten()
            .filter_map(move |&at| self.block_at(at))
    }

    /// Whether a resource `resource_type.name` exists in the module.
    pub fn has_resource(&self, resource_type: &str, name: &str) -> bool {
        self.names
            .contains(&(resource_type.to_string(), name.to_string()))
    }

    fn block_at(&self, (file_index, index): (usize, usize)) -> Option<(&ModuleFile, &Block)> {
        let file = self.files.get(file_index)?;
        match file.body().structures.get(index)? {
            heal_syntax::Structure::Block(block) => Some((file, block)),
            heal_syntax::Structure::Attribute(_) => None,
        }
    }

    /// Adds the exact versions of a `.terraform.lock.hcl`.
    pub fn with_lock_file(mut self, text: &str) -> Module {
        self.locked_versions = crate::versions::locked_versions(text);
        self.memos = Memos::default();
        self
    }

    /// The file at `path`.
    pub fn file(&self, path: &Path) -> Option<&ModuleFile> {
        // Files stay sorted by path (replacing one keeps its place): a lookup per
        // finding must not scan a directory of thousands of files.
        self.files
            .binary_search_by(|file| file.source.path().cmp(path))
            .ok()
            .map(|index| &self.files[index])
    }

    /// Every `resource` block of `resource_type` in the module, with its file.
    pub fn resources<'a>(
        &'a self,
        resource_type: &'a str,
    ) -> impl Iterator<Item = (&'a ModuleFile, &'a Block)> + 'a {
        self.resource_index
            .get(resource_type)
            .into_iter()
            .flatten()
            .filter_map(move |&at| self.block_at(at))
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
