//! heal's git layer, built on libgit2 (git2).
//!
//! Everything heal does with git goes through here: finding the repository and
//! paths relative to its root, refusing to touch files with the user's changes,
//! committing fixed files, building fix branches entirely in the object database
//! (so it works in a bare clone), and pushing them without clobbering a branch
//! someone else moved.
#![warn(missing_docs)]

mod branch;
mod commit;
mod error;
mod identity;
mod push;
mod repository;
mod tree;

pub use branch::{branch_target, publish_branch, BranchState, BranchUpdate, NewCommit};
pub use commit::{commit_on_head, CommitRequest};
pub use error::GitError;
pub use identity::{identities, parse_identity, Identity};
pub use push::{push_with_lease, LeasedBranch, PushOutcome, PushResult};
pub use repository::{discover, open, relative_to, relative_to_root, user_changes, UserChange};
pub use tree::{
    list_files, read_blob, read_files, resolve_base, tree_with_changes, TreeEntry, TreeFile,
};

pub use git2::{Commit, Oid, Repository};
