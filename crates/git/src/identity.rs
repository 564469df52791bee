//! Who a heal commit is by: git config, the usual environment variables, or a
//! flag.

use git2::{Repository, Signature};

use crate::error::GitError;

/// A name and an email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The name, such as `heal bot`.
    pub name: String,
    /// The email address, without angle brackets.
    pub email: String,
}

impl Identity {
    /// A signature with the current time.
    pub fn signature(&self) -> Result<Signature<'static>, GitError> {
        Signature::now(&self.name, &self.email)
            .map_err(|error| GitError::git(format!("identity `{}`", self.name), error))
    }
}

/// Parses `Name <email>`.
pub fn parse_identity(text: &str) -> Result<Identity, GitError> {
    let malformed = || GitError::Identity(text.to_string());
    let (name, rest) = text.split_once('<').ok_or_else(malformed)?;
    let email = rest.strip_suffix('>').ok_or_else(malformed)?;
    let name = name.trim();
    if name.is_empty() || email.is_empty() || email.contains(['<', '>']) {
        return Err(malformed());
    }
    Ok(Identity {
        name: name.to_string(),
        email: email.trim().to_string(),
    })
}

/// The author and committer of a heal commit. An explicit identity wins; then
/// `GIT_AUTHOR_*` / `GIT_COMMITTER_*`; then `user.name` / `user.email` from the
/// repository's git config. The committer falls back to the author.
pub fn identities(
    repository: &Repository,
    author: Option<&Identity>,
    committer: Option<&Identity>,
) -> Result<(Identity, Identity), GitError> {
    let configured = from_config(repository);
    let author = author
        .cloned()
        .or_else(|| from_environment("AUTHOR"))
        .or_else(|| configured.clone())
        .ok_or_else(|| {
            GitError::State(
                "no commit identity: set git config user.name and user.email, or pass --author \
                 \"Name <email>\""
                    .to_string(),
            )
        })?;
    let committer = committer
        .cloned()
        .or_else(|| from_environment("COMMITTER"))
        .or(configured)
        .unwrap_or_else(|| author.clone());
    Ok((author, committer))
}

fn from_environment(role: &str) -> Option<Identity> {
    let name = std::env::var(format!("GIT_{role}_NAME")).ok()?;
    let email = std::env::var(format!("GIT_{role}_EMAIL")).ok()?;
    (!name.is_empty() && !email.is_empty()).then_some(Identity { name, email })
}

fn from_config(repository: &Repository) -> Option<Identity> {
    let config = repository.config().ok()?.snapshot().ok()?;
    let name = config.get_string("user.name").ok()?;
    let email = config.get_string("user.email").ok()?;
    Some(Identity { name, email })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_name_and_email() {
        let identity = parse_identity("heal bot <heal@example.invalid>").unwrap();
        assert_eq!(identity.name, "heal bot");
        assert_eq!(identity.email, "heal@example.invalid");
    }

    #[test]
    fn rejects_malformed_identities() {
        for text in ["heal", "<a@b>", "heal <a@b", "heal <>"] {
            assert!(parse_identity(text).is_err(), "{text}");
        }
    }
}
