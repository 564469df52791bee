//! Committing fixed files on the current branch.

use std::path::Path;

use git2::Repository;

use crate::error::{Context as _, GitError};
use crate::identity::Identity;
use crate::tree::tree_with_changes;

/// One commit of fixed files.
#[derive(Debug, Clone)]
pub struct CommitRequest<'a> {
    /// The new text of each file, by path relative to the root.
    pub changes: &'a [(String, String)],
    /// Subject, blank line, body.
    pub message: &'a str,
    /// The author.
    pub author: &'a Identity,
    /// The committer.
    pub committer: &'a Identity,
}

/// Commits `request.changes` on top of HEAD and moves the current branch to the
/// new commit. The tree is HEAD's with only these files replaced, so anything
/// else the user staged stays staged and out of the commit. The index entries of
/// the changed files are refreshed from the working tree, which the caller has
/// already written, so `git status` shows them clean afterwards.
pub fn commit_on_head(
    repository: &Repository,
    request: &CommitRequest<'_>,
) -> Result<git2::Oid, GitError> {
    let head = repository
        .head()
        .and_then(|head| head.peel_to_commit())
        .context("HEAD (heal commits on top of an existing commit)")?;
    let base = head.tree().context("HEAD's tree")?;
    let tree_id = tree_with_changes(repository, &base, request.changes)?;
    let tree = repository.find_tree(tree_id).context("the new tree")?;
    let id = repository
        .commit(
            Some("HEAD"),
            &request.author.signature()?,
            &request.committer.signature()?,
            request.message,
            &tree,
            &[&head],
        )
        .context("cannot commit")?;
    refresh_index(repository, request.changes)?;
    Ok(id)
}

fn refresh_index(repository: &Repository, changes: &[(String, String)]) -> Result<(), GitError> {
    let mut index = repository.index().context("cannot open the index")?;
    for (path, _) in changes {
        index
            .add_path(Path::new(path))
            .context(&format!("{path}: cannot update the index"))?;
    }
    index.write().context("cannot write the index")
}
