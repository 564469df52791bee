//! Fix branches built in the object database: a commit on top of the base whose
//! tree is the base's with the fixed files replaced, on a branch such as
//! `refs/heads/heal/<rule-id>`.

use git2::{Commit, Oid, Repository};

use crate::error::{Context as _, GitError};
use crate::identity::Identity;

/// What publishing a fix branch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BranchState {
    /// The branch did not exist; it was created.
    Created,
    /// The branch existed on an older base or with other fixes; it was rebuilt
    /// on the current base.
    Rebuilt,
    /// The branch already holds exactly these fixes on this base.
    UpToDate,
}

impl BranchState {
    /// The state in words, for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            BranchState::Created => "created",
            BranchState::Rebuilt => "rebuilt",
            BranchState::UpToDate => "up to date",
        }
    }
}

/// A fix branch after publishing.
#[derive(Debug, Clone)]
pub struct BranchUpdate {
    /// The full local ref name, such as `refs/heads/heal/aws-s3-bucket-versioning`.
    pub reference: String,
    /// What happened.
    pub state: BranchState,
    /// The commit the branch points to now.
    pub commit: Oid,
    /// The commits the local and remote-tracking branches held before.
    pub previous: Vec<Oid>,
}

/// The commit a fix branch should hold.
#[derive(Debug, Clone)]
pub struct NewCommit<'a> {
    /// The fixed tree.
    pub tree: Oid,
    /// Subject, blank line, body.
    pub message: &'a str,
    /// The author.
    pub author: &'a Identity,
    /// The committer.
    pub committer: &'a Identity,
}

/// Points `reference` at a commit with `commit.tree` on top of `base`. When the
/// local branch, or the remote-tracking branch `tracking`, already holds a commit
/// with that tree and that single parent, it is reused: the same base and rules
/// give no new commit.
pub fn publish_branch(
    repository: &Repository,
    reference: &str,
    tracking: Option<&str>,
    base: &Commit<'_>,
    commit: &NewCommit<'_>,
) -> Result<BranchUpdate, GitError> {
    let local = target_of(repository, reference);
    let remote = tracking.and_then(|name| target_of(repository, name));
    let matching = [local, remote]
        .into_iter()
        .flatten()
        .find(|id| holds(repository, *id, base.id(), commit.tree));

    let (id, state) = match matching {
        Some(id) => (id, BranchState::UpToDate),
        None => {
            let id = write_commit(repository, base, commit)?;
            let state = if local.is_some() || remote.is_some() {
                BranchState::Rebuilt
            } else {
                BranchState::Created
            };
            (id, state)
        }
    };
    if local != Some(id) {
        repository
            .reference(reference, id, true, "heal bot: fix branch")
            .context(&format!("cannot update {reference}"))?;
    }
    Ok(BranchUpdate {
        reference: reference.to_string(),
        state,
        commit: id,
        previous: local.into_iter().chain(remote).collect(),
    })
}

/// The commit `name` points to, if the reference exists.
pub(crate) fn target_of(repository: &Repository, name: &str) -> Option<Oid> {
    repository
        .find_reference(name)
        .ok()?
        .peel_to_commit()
        .ok()
        .map(|commit| commit.id())
}

fn holds(repository: &Repository, id: Oid, base: Oid, tree: Oid) -> bool {
    repository.find_commit(id).is_ok_and(|commit| {
        commit.tree_id() == tree
            && commit.parent_count() == 1
            && commit.parent_id(0).ok() == Some(base)
    })
}

fn write_commit(
    repository: &Repository,
    base: &Commit<'_>,
    commit: &NewCommit<'_>,
) -> Result<Oid, GitError> {
    let tree = repository
        .find_tree(commit.tree)
        .context("the fixed tree")?;
    repository
        .commit(
            None,
            &commit.author.signature()?,
            &commit.committer.signature()?,
            commit.message,
            &tree,
            &[base],
        )
        .context("cannot write the fix commit")
}

/// The commit the reference `name` points to, if it exists.
pub fn branch_target(repository: &Repository, name: &str) -> Option<Oid> {
    target_of(repository, name)
}
