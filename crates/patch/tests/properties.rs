//! Property tests of the edit engine: the order edits come in never matters,
//! overlapping edits are always rejected, and no input makes it panic.

use heal_patch::{apply_edits, Applicability, Edit, EditError, Fix};
use proptest::prelude::*;

/// Text mixing one-byte and multi-byte characters, so that some offsets fall
/// inside a character.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![Just('a'), Just('\n'), Just('é'), Just('€')],
        0..40,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// The character boundaries of `text`, end included.
fn boundaries(text: &str) -> Vec<usize> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect()
}

/// A text and disjoint edits of it on character boundaries, in a shuffled order.
fn text_with_disjoint_edits() -> impl Strategy<Value = (String, Vec<Edit>)> {
    text().prop_flat_map(|text| {
        let cuts = boundaries(&text);
        let count = cuts.len();
        (
            Just(text),
            proptest::sample::subsequence(cuts, 0..=count),
            proptest::collection::vec("[xé\n]{0,3}", count),
            any::<bool>(),
        )
            .prop_flat_map(|(text, cuts, contents, first_is_insert)| {
                let edits = disjoint_edits(&cuts, contents, first_is_insert);
                (Just(text), Just(edits).prop_shuffle())
            })
    })
}

/// Pairs consecutive cut points into ranges. Alternating insertions (empty
/// ranges) and replacements exercises both; two insertions never share an offset.
fn disjoint_edits(cuts: &[usize], contents: Vec<String>, insert_first: bool) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut at = 0;
    let mut insert = insert_first;
    let mut contents = contents.into_iter();
    while at < cuts.len() {
        let content = contents.next().unwrap_or_default();
        if insert || at + 1 == cuts.len() {
            edits.push(Edit::insert(cuts[at], content));
            at += 1;
        } else {
            edits.push(Edit::replace(cuts[at]..cuts[at + 1], content));
            at += 2;
        }
        insert = !insert;
    }
    edits
}

/// The plain way to apply disjoint edits: from the last to the first, so earlier
/// offsets stay valid.
fn apply_backwards(text: &str, edits: &[Edit]) -> String {
    let mut sorted = edits.to_vec();
    sorted.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
    let mut out = text.to_string();
    for edit in sorted {
        out.replace_range(edit.range.clone(), &edit.content);
    }
    out
}

proptest! {
    #[test]
    fn disjoint_edits_give_one_result_in_any_order(
        (text, edits) in text_with_disjoint_edits(),
        rotation in 0usize..8,
    ) {
        let expected = apply_backwards(&text, &edits);
        prop_assert_eq!(apply_edits(&text, &edits).unwrap(), expected.clone());

        let mut reversed = edits.clone();
        reversed.reverse();
        prop_assert_eq!(apply_edits(&text, &reversed).unwrap(), expected.clone());

        let mut rotated = edits.clone();
        if !rotated.is_empty() {
            let by = rotation % rotated.len();
            rotated.rotate_left(by);
        }
        let fix = Fix::new(rotated, Applicability::Safe).unwrap();
        prop_assert!(fix.edits().windows(2).all(|pair| pair[0].range.end <= pair[1].range.start));
        prop_assert_eq!(apply_edits(&text, fix.edits()).unwrap(), expected);
    }

    #[test]
    fn overlapping_edits_are_rejected(
        (text, edits) in text_with_disjoint_edits(),
        pick in any::<prop::sample::Index>(),
        shrink in 0usize..4,
    ) {
        prop_assume!(!edits.is_empty());
        // A second edit starting where a chosen one starts always overlaps it.
        let chosen = &edits[pick.index(edits.len())];
        let start = chosen.range.start;
        let end = chosen.range.end.saturating_sub(shrink).max(start);
        let mut with_overlap = edits.clone();
        with_overlap.push(Edit::replace(start..end, "overlap"));

        let is_overlap = |result: Result<String, EditError>| {
            matches!(result, Err(EditError::Overlap { .. }))
        };
        prop_assert!(is_overlap(apply_edits(&text, &with_overlap)));
        let fix = Fix::new(with_overlap, Applicability::Safe);
        prop_assert!(is_overlap(fix.map(|_| String::new())));
    }

    #[test]
    fn arbitrary_ranges_never_panic(
        text in text(),
        ranges in proptest::collection::vec((0usize..50, 0usize..50), 0..6),
    ) {
        let edits: Vec<Edit> = ranges
            .into_iter()
            .map(|(start, end)| Edit::replace(start..end, "x"))
            .collect();
        if let Ok(out) = apply_edits(&text, &edits) {
            prop_assert_eq!(out, apply_backwards(&text, &edits));
        }
        let _ = Fix::new(edits, Applicability::Unsafe);
    }
}
