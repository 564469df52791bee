use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// Replaces the bytes in `range` of the original text with `content`.
///
/// An empty range is an insertion; an empty `content` is a deletion.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// The text that takes the place of the range.
    pub content: String,
}

impl Edit {
    /// Replaces `range` with `content`.
    pub fn replace(range: Range<usize>, content: impl Into<String>) -> Edit {
        Edit {
            range,
            content: content.into(),
        }
    }

    /// Inserts `content` at byte offset `at`.
    pub fn insert(at: usize, content: impl Into<String>) -> Edit {
        Edit::replace(at..at, content)
    }

    /// Deletes `range`.
    pub fn delete(range: Range<usize>) -> Edit {
        Edit::replace(range, String::new())
    }

    /// Whether this edit and `other` touch overlapping bytes. Two insertions at the
    /// same offset overlap too: their order would be ambiguous.
    pub fn overlaps(&self, other: &Edit) -> bool {
        let (a, b) = (&self.range, &other.range);
        if a.start == b.start {
            return true;
        }
        a.start < b.end && b.start < a.end
    }
}

/// Whether heal may apply a fix by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Cannot change what the infrastructure does in a way that breaks it; applied by
    /// `heal fix`.
    Safe,
    /// Changes behaviour (for example forces a resource to be replaced, or makes
    /// something private); applied only with `--unsafe-fixes`.
    Unsafe,
    /// Needs a value only a person can choose; shown, never applied.
    DisplayOnly,
}

impl Applicability {
    /// The name used on the command line, in JSON and in the catalog.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a list of edits cannot form a fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// Two edits touch the same bytes.
    #[error("edits overlap: {first:?} and {second:?}")]
    Overlap {
        /// Range of the first edit, in text order.
        first: Range<usize>,
        /// Range of the second edit.
        second: Range<usize>,
    },
    /// An edit reaches past the end of the text or splits a UTF-8 character.
    #[error("edit {range:?} is outside the text or not on a character boundary")]
    OutOfBounds {
        /// The offending range.
        range: Range<usize>,
    },
}

/// A set of edits that together remove one finding.
///
/// Invariant: `edits` are sorted by start offset and pairwise disjoint (see
/// [`Edit::overlaps`]). [`Fix::new`] establishes it and rejects overlapping input;
/// it is never repaired by merging, because two overlapping edits mean a rule
/// computed something it did not intend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    edits: Vec<Edit>,
    applicability: Applicability,
}

impl Fix {
    /// Builds a fix from edits in any order.
    pub fn new(mut edits: Vec<Edit>, applicability: Applicability) -> Result<Fix, EditError> {
        edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
        check_disjoint(&edits)?;
        Ok(Fix {
            edits,
            applicability,
        })
    }

    /// The edits, sorted and disjoint.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whether heal may apply this fix by itself.
    pub fn applicability(&self) -> Applicability {
        self.applicability
    }

    /// Whether any edit of this fix overlaps any edit of `other`.
    pub fn conflicts_with(&self, other: &Fix) -> bool {
        // Both lists are sorted: walk them together instead of comparing every pair.
        let (mut i, mut j) = (0, 0);
        while i < self.edits.len() && j < other.edits.len() {
            let (a, b) = (&self.edits[i], &other.edits[j]);
            if a.overlaps(b) {
                return true;
            }
            if a.range.end <= b.range.start {
                i += 1;
            } else {
                j += 1;
            }
        }
        false
    }
}

fn check_disjoint(sorted: &[Edit]) -> Result<(), EditError> {
    for pair in sorted.windows(2) {
        if pair[0].overlaps(&pair[1]) {
            return Err(EditError::Overlap {
                first: pair[0].range.clone(),
                second: pair[1].range.clone(),
            });
        }
    }
    Ok(())
}

/// Applies edits to `text`, in one pass, and returns the new text.
///
/// The edits may come in any order; they must be disjoint and lie on character
/// boundaries of `text`.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|edit| (edit.range.start, edit.range.end));
    for pair in sorted.windows(2) {
        if pair[0].overlaps(pair[1]) {
            return Err(EditError::Overlap {
                first: pair[0].range.clone(),
                second: pair[1].range.clone(),
            });
        }
    }

    let added: usize = sorted.iter().map(|edit| edit.content.len()).sum();
    let mut out = String::with_capacity(text.len() + added);
    let mut cursor = 0;
    for edit in sorted {
        let range = &edit.range;
        let in_bounds = range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !in_bounds {
            return Err(EditError::OutOfBounds {
                range: range.clone(),
            });
        }
        out.push_str(&text[cursor..range.start]);
        out.push_str(&edit.content);
        cursor = range.end;
    }
    out.push_str(&text[cursor..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_given_in_any_order() {
        let text = "abcdef";
        let edits = vec![
            Edit::replace(4..5, "E"),
            Edit::insert(0, ">"),
            Edit::delete(1..3),
        ];
        assert_eq!(apply_edits(text, &edits).unwrap(), ">adEf");
    }

    #[test]
    fn rejects_overlapping_edits() {
        let err = Fix::new(
            vec![Edit::replace(0..3, "x"), Edit::replace(2..4, "y")],
            Applicability::Safe,
        )
        .unwrap_err();
        assert_eq!(
            err,
            EditError::Overlap {
                first: 0..3,
                second: 2..4
            }
        );
    }

    #[test]
    fn rejects_two_insertions_at_one_offset() {
        let edits = [Edit::insert(2, "a"), Edit::insert(2, "b")];
        assert!(matches!(
            apply_edits("abcd", &edits),
            Err(EditError::Overlap { .. })
        ));
    }

    #[test]
    fn adjacent_edits_do_not_overlap() {
        let fix = Fix::new(
            vec![Edit::replace(2..4, "y"), Edit::replace(0..2, "x")],
            Applicability::Safe,
        )
        .unwrap();
        assert_eq!(fix.edits()[0].range, 0..2);
        assert_eq!(apply_edits("abcd", fix.edits()).unwrap(), "xy");
    }

    #[test]
    fn rejects_edit_splitting_a_character() {
        assert!(matches!(
            apply_edits("é", &[Edit::insert(1, "x")]),
            Err(EditError::OutOfBounds { .. })
        ));
    }

    #[test]
    fn detects_conflicts_between_fixes() {
        let a = Fix::new(vec![Edit::replace(0..2, "")], Applicability::Safe).unwrap();
        let b = Fix::new(vec![Edit::replace(1..3, "")], Applicability::Safe).unwrap();
        let c = Fix::new(vec![Edit::replace(2..3, "")], Applicability::Safe).unwrap();
        assert!(a.conflicts_with(&b));
        assert!(!a.conflicts_with(&c));
    }
}
