use std::time::{Duration, Instant};

use similar::{Algorithm, TextDiff};

/// How long one file's diff may search for the smallest edit script before it
/// settles for a larger, still correct, one. Myers' algorithm is quadratic in the
/// number of changed lines, which a file with thousands of fixes reaches.
const DIFF_DEADLINE: Duration = Duration::from_millis(500);

/// A unified diff from `old` to `new`, with `a/` and `b/` prefixes on `path` as git
/// writes them, so that `git apply` and `patch -p1` accept it. Empty when the texts are
/// equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .deadline(Instant::now() + DIFF_DEADLINE)
        .diff_lines(old, new);
    let mut out = String::new();
    out.push_str(&format!("--- a/{path}\n+++ b/{path}\n"));
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        out.push_str(&hunk.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_give_no_diff() {
        assert_eq!(unified_diff("a.tf", "x\n", "x\n"), "");
    }

    #[test]
    fn diff_has_git_style_headers() {
        let diff = unified_diff("dir/a.tf", "a\nb\n", "a\nc\n");
        assert_eq!(
            diff,
            "--- a/dir/a.tf\n+++ b/dir/a.tf\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
        );
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let diff = unified_diff("a.tf", "a", "b");
        assert!(diff.contains("\\ No newline at end of file"), "{diff}");
    }
}
