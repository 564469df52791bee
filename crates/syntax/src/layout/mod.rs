//! Where new code goes, what it looks like, and how it is aligned.
//!
//! `terraform fmt` aligns the `=` of consecutive one-line assignments and the
//! trailing comments of consecutive commented lines. Code that heal inserts or
//! changes must leave a formatted file formatted, so after a fix's edits are laid
//! out, [`align`] computes the whitespace changes `terraform fmt` would make on the
//! lines the fix touched and their neighbours, and only where those neighbours were
//! aligned to begin with: heal does not reformat what the user left unformatted.

mod editor;
pub(crate) mod lines;
mod snippet;

pub use editor::FixBuilder;
pub use snippet::{quoted, Snippet};

use std::collections::BTreeSet;

use heal_patch::Edit;
use lines::{read_lines, LineCells};

/// Whitespace edits (in `text`'s coordinates) that align the assignment and comment
/// chains holding any of `touched` lines (0-based line indices into `text`).
pub fn align(text: &str, touched: &BTreeSet<usize>) -> Vec<Edit> {
    let lines = read_lines(text);
    let mut edits = Vec::new();
    let mut seen_assign = BTreeSet::new();
    // How far each line's `=` moves, so comment alignment sees the final widths.
    let mut shift = vec![0isize; lines.len()];

    for &line in touched {
        if line >= lines.len() || lines[line].assign.is_none() || seen_assign.contains(&line) {
            continue;
        }
        let chain = chain_around(&lines, line, |cells| cells.assign.is_some());
        seen_assign.extend(chain.clone());
        align_chain(
            &lines,
            chain,
            touched,
            |cells| {
                cells
                    .assign
                    .map(|(lead_end, eq)| (cells.start, lead_end, eq))
            },
            &mut edits,
            &mut shift,
        );
    }

    let mut comment_lines: BTreeSet<usize> = touched.clone();
    comment_lines.extend(seen_assign.iter().copied());
    let mut seen_comment = BTreeSet::new();
    let mut no_shift = vec![0isize; lines.len()];
    for &line in &comment_lines {
        if line >= lines.len() || lines[line].comment.is_none() || seen_comment.contains(&line) {
            continue;
        }
        let chain = chain_around(&lines, line, |cells| cells.comment.is_some());
        seen_comment.extend(chain.clone());
        let shifted: Vec<LineCells> = lines.clone();
        align_chain_shifted(&shifted, chain, touched, &shift, &mut edits, &mut no_shift);
    }
    edits
}

/// The maximal run of consecutive lines around `line` that satisfy `member`.
fn chain_around(
    lines: &[LineCells],
    line: usize,
    member: impl Fn(&LineCells) -> bool,
) -> std::ops::Range<usize> {
    // Heredoc bodies and the rest of a block comment are part of the line that
    // opens them: look past them.
    let mut first = line;
    let mut probe = line;
    while probe > 0 {
        probe -= 1;
        if lines[probe].continues_an_earlier_line() {
            continue;
        }
        if !member(&lines[probe]) {
            break;
        }
        first = probe;
    }
    let mut last = line;
    let mut probe = line;
    while probe + 1 < lines.len() {
        probe += 1;
        if lines[probe].continues_an_earlier_line() {
            continue;
        }
        if !member(&lines[probe]) {
            break;
        }
        last = probe;
    }
    first..last + 1
}

/// One line's cell to align: the line, the width of what precedes the cell (once
/// earlier alignment on the line is done), where that ends, where the cell starts.
struct CellWidth {
    line: usize,
    width: usize,
    lead_end: usize,
    at: usize,
    /// The column the cell stands at in the text as it is.
    column: usize,
}

/// Aligns the cell given by `cell` (line start, end of what precedes the cell,
/// cell offset) across `chain`: one space after the widest lead.
fn align_chain(
    lines: &[LineCells],
    chain: std::ops::Range<usize>,
    touched: &BTreeSet<usize>,
    cell: impl Fn(&LineCells) -> Option<(usize, usize, usize)>,
    edits: &mut Vec<Edit>,
    shift: &mut [isize],
) {
    let widths: Vec<CellWidth> = chain
        .filter_map(|line| {
            let (start, lead_end, at) = cell(&lines[line])?;
            Some(CellWidth {
                line,
                width: lead_end - start,
                lead_end,
                at,
                column: at - start,
            })
        })
        .collect();
    apply_alignment(&widths, touched, edits, shift);
}

fn align_chain_shifted(
    lines: &[LineCells],
    chain: std::ops::Range<usize>,
    touched: &BTreeSet<usize>,
    shift: &[isize],
    edits: &mut Vec<Edit>,
    unused: &mut [isize],
) {
    let widths: Vec<CellWidth> = chain
        .filter_map(|line| {
            let cells = &lines[line];
            let (lead_end, at) = cells.comment?;
            let width = (lead_end - cells.start) as isize + shift[line];
            Some(CellWidth {
                line,
                width: width.max(0) as usize,
                lead_end,
                at,
                column: at - cells.start,
            })
        })
        .collect();
    apply_alignment(&widths, touched, edits, unused);
}

/// Puts every cell one space after the widest lead. Lines the fix did not touch
/// are moved only when their cells stood in one column before, as in a formatted
/// file: heal does not tidy what the user left untidy.
fn apply_alignment(
    widths: &[CellWidth],
    touched: &BTreeSet<usize>,
    edits: &mut Vec<Edit>,
    shift: &mut [isize],
) {
    // Each run of untouched lines is part of one chain of the text before the
    // fix (an edit can join two chains, or split one); in a formatted file every
    // such run stands in one column.
    let untouched_aligned = widths
        .split(|cell| touched.contains(&cell.line))
        .all(|run| run.windows(2).all(|pair| pair[0].column == pair[1].column));
    let max = widths.iter().map(|cell| cell.width).max().unwrap_or(0);

    for cell in widths {
        let wanted = match (untouched_aligned, touched.contains(&cell.line)) {
            (true, _) => max - cell.width + 1,
            (false, true) => 1,
            (false, false) => continue,
        };
        let current = cell.at - cell.lead_end;
        if current != wanted {
            edits.push(Edit::replace(cell.lead_end..cell.at, " ".repeat(wanted)));
            shift[cell.line] += wanted as isize - current as isize;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use heal_patch::apply_edits;

    fn aligned(text: &str, touched: &[usize]) -> String {
        let touched: BTreeSet<usize> = touched.iter().copied().collect();
        apply_edits(text, &align(text, &touched)).unwrap()
    }

    #[test]
    fn widens_an_aligned_chain_for_a_longer_key() {
        let text = "  acl = 1\n  b   = 2\n  versioning = 3\n";
        assert_eq!(
            aligned(text, &[2]),
            "  acl        = 1\n  b          = 2\n  versioning = 3\n"
        );
    }

    #[test]
    fn pads_a_shorter_key_to_the_chain() {
        let text = "  bucket = 1\n  a = 2\n";
        assert_eq!(aligned(text, &[1]), "  bucket = 1\n  a      = 2\n");
    }

    #[test]
    fn joins_two_aligned_chains_that_an_edit_connects() {
        // A multi-line value became one line: the groups above and below join.
        let text = "  server = 1\n  state  = 2\n  alerts = []\n  retention_days = 20\n";
        assert_eq!(
            aligned(text, &[2]),
            "  server         = 1\n  state          = 2\n  alerts         = []\n  retention_days = 20\n"
        );
    }

    #[test]
    fn a_heredoc_body_does_not_break_a_chain() {
        let text = "  a = <<-EOT\n    x = 1\n  EOT\n  bbb = 2\n";
        assert_eq!(
            aligned(text, &[3]),
            "  a   = <<-EOT\n    x = 1\n  EOT\n  bbb = 2\n"
        );
    }

    #[test]
    fn the_rest_of_a_block_comment_does_not_break_a_chain() {
        let text = "  a = 1 /* one\n  two */\n  bbb = 2\n";
        assert_eq!(
            aligned(text, &[2]),
            "  a   = 1 /* one\n  two */\n  bbb = 2\n"
        );
        // A comment on lines of its own still does.
        let text = "  a = 1\n  /* one\n  two */\n  bbb = 2\n";
        assert_eq!(aligned(text, &[3]), text);
    }

    #[test]
    fn leaves_an_unaligned_chain_alone() {
        let text = "  bucket = 1\n  ab   = 2\n  versioning  = 3\n";
        assert_eq!(
            aligned(text, &[2]),
            "  bucket = 1\n  ab   = 2\n  versioning = 3\n"
        );
    }

    #[test]
    fn blank_lines_and_blocks_break_chains() {
        let text = "  a = 1\n\n  versioning = 3\n  b = {\n  }\n";
        assert_eq!(aligned(text, &[2]), text);
    }

    #[test]
    fn realigns_trailing_comments_after_a_shift() {
        let text = "  a = 1 # x\n  b = 2 # y\n  longer = 3\n";
        assert_eq!(
            aligned(text, &[2]),
            "  a      = 1 # x\n  b      = 2 # y\n  longer = 3\n"
        );
    }

    #[test]
    fn aligns_comments_when_a_value_changes_width() {
        let changed = "  acl = \"p\" # x\n  b   = \"b\"       # y\n";
        assert_eq!(
            aligned(changed, &[0]),
            "  acl = \"p\" # x\n  b   = \"b\" # y\n"
        );
    }
}
