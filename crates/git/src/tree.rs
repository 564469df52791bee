//! Reading files out of a tree and writing a changed tree, without a working
//! tree or an index.

use std::path::Path;

use git2::build::TreeUpdateBuilder;
use git2::{Commit, FileMode, ObjectType, Repository, Tree, TreeWalkMode, TreeWalkResult};

use crate::error::{Context as _, GitError};

/// A file read from a tree.
#[derive(Debug, Clone)]
pub struct TreeFile {
    /// The path relative to the root, `/`-separated.
    pub path: String,
    /// The blob's bytes.
    pub content: Vec<u8>,
}

/// The blobs of `tree` whose path `wanted` accepts. Directories named
/// `.terraform` (provider caches committed by mistake) are skipped.
pub fn read_files(
    repository: &Repository,
    tree: &Tree<'_>,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<TreeFile>, GitError> {
    list_files(tree, wanted)?
        .into_iter()
        .map(|entry| {
            let content = read_blob(repository, &entry)?;
            Ok(TreeFile {
                path: entry.path,
                content,
            })
        })
        .collect()
}

/// A file of a tree, not yet read.
#[derive(Debug, Clone)]
pub struct TreeEntry {
    /// The path relative to the root, `/`-separated.
    pub path: String,
    id: git2::Oid,
}

/// The files of `tree` whose path `wanted` accepts, in tree order, without
/// their content: a caller that reads them a few at a time keeps memory to
/// what it holds at once. `.terraform` directories are skipped.
pub fn list_files(
    tree: &Tree<'_>,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Vec<TreeEntry>, GitError> {
    let mut found = Vec::new();
    tree.walk(TreeWalkMode::PreOrder, |dir, entry| {
        let name = entry.name().unwrap_or_default();
        match entry.kind() {
            Some(ObjectType::Tree) if name == ".terraform" => TreeWalkResult::Skip,
            Some(ObjectType::Blob) => {
                let path = format!("{dir}{name}");
                if wanted(&path) {
                    found.push(TreeEntry {
                        path,
                        id: entry.id(),
                    });
                }
                TreeWalkResult::Ok
            }
            _ => TreeWalkResult::Ok,
        }
    })
    .context("cannot walk the base tree")?;
    Ok(found)
}

/// The bytes of a file [`list_files`] found.
pub fn read_blob(repository: &Repository, entry: &TreeEntry) -> Result<Vec<u8>, GitError> {
    let blob = repository
        .find_blob(entry.id)
        .context(&format!("{}: cannot read its blob", entry.path))?;
    Ok(blob.content().to_vec())
}

/// Writes a blob for each changed file and a tree that is `base` with those
/// files replaced, keeping each file's mode. Returns the new tree's id.
pub fn tree_with_changes(
    repository: &Repository,
    base: &Tree<'_>,
    changes: &[(String, String)],
) -> Result<git2::Oid, GitError> {
    let mut update = TreeUpdateBuilder::new();
    for (path, text) in changes {
        let blob = repository
            .blob(text.as_bytes())
            .context(&format!("{path}: cannot write its blob"))?;
        let mode = match base.get_path(Path::new(path)) {
            Ok(entry) if entry.filemode() == i32::from(FileMode::BlobExecutable) => {
                FileMode::BlobExecutable
            }
            _ => FileMode::Blob,
        };
        update.upsert(path.as_str(), blob, mode);
    }
    update
        .create_updated(repository, base)
        .context("cannot write the fixed tree")
}

/// The commit to build on: `spec` when given (a branch, tag or commit), else the
/// default branch of `remote` (`refs/remotes/<remote>/HEAD`), else HEAD.
/// Returns the name it resolved and the commit.
pub fn resolve_base<'r>(
    repository: &'r Repository,
    spec: Option<&str>,
    remote: &str,
) -> Result<(String, Commit<'r>), GitError> {
    if let Some(spec) = spec {
        let commit = repository
            .revparse_single(spec)
            .and_then(|object| object.peel_to_commit())
            .context(&format!("base `{spec}`"))?;
        return Ok((spec.to_string(), commit));
    }
    let remote_head = format!("refs/remotes/{remote}/HEAD");
    if let Ok(reference) = repository.find_reference(&remote_head) {
        let name = reference
            .symbolic_target()
            .unwrap_or(remote_head.as_str())
            .to_string();
        if let Ok(commit) = reference.resolve().and_then(|r| r.peel_to_commit()) {
            return Ok((name, commit));
        }
    }
    let head = repository.head().context("HEAD (no commit to build on)")?;
    let name = head.name().unwrap_or("HEAD").to_string();
    let commit = head.peel_to_commit().context("HEAD")?;
    Ok((name, commit))
}
