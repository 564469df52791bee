//! Pushing fix branches with lease semantics.
//!
//! A fix branch is rewritten whenever its base moves, so it must be pushed with
//! force; but a force push must never destroy work someone else pushed to the
//! branch. The lease is the remote-tracking ref (`refs/remotes/<remote>/heal/..`):
//! what heal last saw of the branch. A branch is pushed only when the server
//! still advertises that value (or none when heal never saw the branch). The
//! check and the push share one connection, and the server verifies the old
//! value of each ref it updates, so a push racing ours fails instead of being
//! overwritten.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use git2::{Cred, CredentialType, Direction, Oid, PushOptions, RemoteCallbacks, Repository};

use crate::branch::target_of;
use crate::error::{redact, Context as _, GitError};

/// What happened to one branch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushOutcome {
    /// The server now holds our commit.
    Pushed,
    /// The server already held our commit; nothing was sent.
    AlreadyThere,
    /// Not pushed, and why (the lease failed, or the server refused).
    Refused(String),
}

/// One branch's push.
#[derive(Debug, Clone)]
pub struct PushResult {
    /// The local ref, such as `refs/heads/heal/aws-kms-key-rotation`.
    pub reference: String,
    /// What happened.
    pub outcome: PushOutcome,
}

/// A branch to push and what heal last saw of it.
#[derive(Debug, Clone)]
pub struct LeasedBranch {
    /// The local ref, pushed to the same name on the remote.
    pub reference: String,
    /// The commit to push.
    pub commit: Oid,
    /// Commits heal saw the branch at before this run (its local branch and its
    /// remote-tracking branch). The remote-tracking ref is added to these.
    pub seen: Vec<Oid>,
}

/// Pushes each branch to the same ref on `remote_name`, refusing any branch the
/// server holds at a commit heal never saw.
pub fn push_with_lease(
    repository: &Repository,
    remote_name: &str,
    branches: &[LeasedBranch],
) -> Result<Vec<PushResult>, GitError> {
    let mut remote = repository
        .find_remote(remote_name)
        .context(&format!("remote `{remote_name}`"))?;
    let mut connection = remote
        .connect_auth(Direction::Push, Some(callbacks(repository)), None)
        .context(&format!("cannot connect to remote `{remote_name}`"))?;
    let advertised: HashMap<String, Oid> = connection
        .list()
        .context("cannot list the remote's branches")?
        .iter()
        .map(|head| (head.name().to_string(), head.oid()))
        .collect();

    let mut results = Vec::new();
    let mut refspecs = Vec::new();
    for branch in branches {
        let reference = &branch.reference;
        let tracking = tracking_ref(remote_name, reference);
        let mut seen = branch.seen.clone();
        seen.extend(tracking.as_deref().and_then(|t| target_of(repository, t)));
        let outcome = lease(advertised.get(reference).copied(), &seen, branch.commit);
        if outcome.is_none() {
            refspecs.push(format!("+{reference}:{reference}"));
        }
        results.push((reference.clone(), branch.commit, tracking, outcome));
    }
    let rejected = if refspecs.is_empty() {
        HashMap::new()
    } else {
        upload(repository, connection.remote(), &refspecs)?
    };
    drop(connection);

    results
        .into_iter()
        .map(|(reference, commit, tracking, outcome)| {
            let outcome = match (outcome, rejected.get(&reference)) {
                (Some(outcome), _) => outcome,
                (None, Some(why)) => PushOutcome::Refused(format!("the server refused: {why}")),
                (None, None) => {
                    if let Some(tracking) = &tracking {
                        repository
                            .reference(tracking, commit, true, "heal bot: pushed")
                            .context(&format!("cannot update {tracking}"))?;
                    }
                    PushOutcome::Pushed
                }
            };
            Ok(PushResult { reference, outcome })
        })
        .collect()
}

/// `None` when the branch must be pushed; otherwise why it is not. A branch the
/// server does not have is pushed; one it has is overwritten only at a commit
/// heal saw.
fn lease(on_server: Option<Oid>, seen: &[Oid], ours: Oid) -> Option<PushOutcome> {
    match on_server {
        None => None,
        Some(server) if server == ours => Some(PushOutcome::AlreadyThere),
        Some(server) if seen.contains(&server) => None,
        Some(server) => Some(PushOutcome::Refused(format!(
            "the remote branch is at {server}, which heal never saw (someone else pushed \
             to it, or it was never fetched); not overwriting it"
        ))),
    }
}

/// `refs/remotes/<remote>/<branch>` for `refs/heads/<branch>`.
fn tracking_ref(remote_name: &str, reference: &str) -> Option<String> {
    let branch = reference.strip_prefix("refs/heads/")?;
    Some(format!("refs/remotes/{remote_name}/{branch}"))
}

/// Sends the refspecs over the open connection; returns the refs the server
/// rejected, with its reason.
fn upload(
    repository: &Repository,
    remote: &mut git2::Remote<'_>,
    refspecs: &[String],
) -> Result<HashMap<String, String>, GitError> {
    let rejected = Rc::new(RefCell::new(HashMap::new()));
    let sink = Rc::clone(&rejected);
    let mut callbacks = callbacks(repository);
    callbacks.push_update_reference(move |reference, status| {
        if let Some(status) = status {
            sink.borrow_mut()
                .insert(reference.to_string(), status.to_string());
        }
        Ok(())
    });
    let mut options = PushOptions::new();
    options.remote_callbacks(callbacks);
    remote
        .push(refspecs, Some(&mut options))
        .context("cannot push")?;
    drop(options);
    let rejected = rejected.borrow().clone();
    Ok(rejected)
}

/// Credentials the usual way: `HEAL_GIT_USERNAME` / `HEAL_GIT_TOKEN` from the
/// environment, then git's credential helpers, then the SSH agent. Each kind is
/// tried once, so a wrong secret fails instead of looping.
fn callbacks(repository: &Repository) -> RemoteCallbacks<'static> {
    let config = repository.config().ok();
    let mut tried = CredentialType::empty();
    let mut callbacks = RemoteCallbacks::new();
    callbacks.credentials(move |url, username, allowed| {
        let url = redact(url);
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT)
            && !tried.contains(CredentialType::USER_PASS_PLAINTEXT)
        {
            tried |= CredentialType::USER_PASS_PLAINTEXT;
            if let (Ok(user), Ok(token)) = (
                std::env::var("HEAL_GIT_USERNAME"),
                std::env::var("HEAL_GIT_TOKEN"),
            ) {
                return Cred::userpass_plaintext(&user, &token);
            }
            if let Some(config) = &config {
                if let Ok(cred) = Cred::credential_helper(config, &url, username) {
                    return Ok(cred);
                }
            }
        }
        if allowed.contains(CredentialType::SSH_KEY) && !tried.contains(CredentialType::SSH_KEY) {
            tried |= CredentialType::SSH_KEY;
            return Cred::ssh_key_from_agent(username.unwrap_or("git"));
        }
        if allowed.contains(CredentialType::DEFAULT) && !tried.contains(CredentialType::DEFAULT) {
            tried |= CredentialType::DEFAULT;
            return Cred::default();
        }
        Err(git2::Error::from_str(&format!(
            "no credentials accepted for {url}: set up a git credential helper, an SSH \
             agent, or HEAL_GIT_USERNAME and HEAL_GIT_TOKEN"
        )))
    });
    callbacks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(byte: u8) -> Oid {
        Oid::from_bytes(&[byte; 20]).unwrap()
    }

    #[test]
    fn pushes_when_the_server_holds_what_we_saw_or_nothing() {
        assert_eq!(lease(Some(oid(1)), &[oid(1)], oid(2)), None);
        assert_eq!(lease(None, &[], oid(2)), None);
    }

    #[test]
    fn refuses_when_someone_else_moved_the_branch() {
        let outcome = lease(Some(oid(3)), &[oid(1)], oid(2));
        assert!(matches!(outcome, Some(PushOutcome::Refused(_))));
        let outcome = lease(Some(oid(3)), &[], oid(2));
        assert!(matches!(outcome, Some(PushOutcome::Refused(_))));
    }

    #[test]
    fn sends_nothing_when_the_server_is_current() {
        assert_eq!(
            lease(Some(oid(2)), &[oid(1)], oid(2)),
            Some(PushOutcome::AlreadyThere)
        );
    }
}
