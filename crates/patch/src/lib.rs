//! Edits and fixes: the data a remediation produces, and the code that applies it.
//!
//! An [`Edit`] replaces one byte range of the original text. A [`Fix`] is a list of
//! edits that belong together, plus an [`Applicability`] that says whether heal may
//! apply it on its own. Edits always address the *original* text, never a partially
//! edited one, so a fix stays meaningful as data (for a diff, SARIF, or a review).
#![warn(missing_docs)]

mod diff;
mod edit;

pub use diff::unified_diff;
pub use edit::{apply_edits, Applicability, Edit, EditError, Fix};
