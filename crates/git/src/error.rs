//! The errors of the git layer.

/// Why a git operation failed.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// libgit2 reported an error; `what` says what heal was doing.
    #[error("{what}: {message}")]
    Git {
        /// What heal was doing.
        what: String,
        /// libgit2's message, with any credentials in URLs removed.
        message: String,
    },
    /// The repository is not in a state heal can work with.
    #[error("{0}")]
    State(String),
    /// An identity given as `Name <email>` is malformed.
    #[error("`{0}` is not an identity of the form `Name <email>`")]
    Identity(String),
}

impl GitError {
    /// Wraps a libgit2 error with what heal was doing.
    pub(crate) fn git(what: impl Into<String>, error: git2::Error) -> GitError {
        GitError::Git {
            what: what.into(),
            message: redact(error.message()),
        }
    }
}

/// Adds what heal was doing to a libgit2 result.
pub(crate) trait Context<T> {
    /// Wraps the error with `what`.
    fn context(self, what: &str) -> Result<T, GitError>;
}

impl<T> Context<T> for Result<T, git2::Error> {
    fn context(self, what: &str) -> Result<T, GitError> {
        self.map_err(|error| GitError::git(what, error))
    }
}

/// Removes `user:password@` from anything that looks like a URL, so a token
/// embedded in a remote URL never reaches a log or an error message.
pub(crate) fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(scheme) = rest.find("://") {
        let (head, tail) = rest.split_at(scheme + 3);
        out.push_str(head);
        let authority_end = tail.find(['/', ' ', '\'', '"']).unwrap_or(tail.len());
        match tail[..authority_end].rfind('@') {
            Some(at) => {
                out.push_str("***@");
                rest = &tail[at + 1..];
            }
            None => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn credentials_in_urls_are_removed() {
        assert_eq!(
            redact("cannot push to 'https://bot:s3cret@example.invalid/org/repo.git'"),
            "cannot push to 'https://***@example.invalid/org/repo.git'"
        );
        assert_eq!(redact("git://127.0.0.1/repo"), "git://127.0.0.1/repo");
        assert_eq!(redact("no url here"), "no url here");
    }
}
