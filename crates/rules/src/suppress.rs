//! Suppression comments, heal's own and those teams already wrote for Checkov,
//! Trivy and tfsec.
//!
//! A finding is suppressed by a comment inside its block, or in the run of comment
//! lines directly above it, that names the rule:
//! `# heal:ignore <rule-id>`, `#checkov:skip=<CKV_ID>`, `#trivy:ignore:<AVD-ID>`,
//! `#tfsec:ignore:<id>` (for an AVD ID or a tfsec long ID the rule maps to).

use std::ops::Range;

use crate::meta::RuleMeta;

/// The suppression comment that silences `meta`'s finding on `block`, if any.
pub fn suppression(text: &str, block: &Range<usize>, meta: &RuleMeta) -> Option<String> {
    let region = comment_region(text, block);
    for line in text[region].lines() {
        let Some(comment) = comment_of(line) else {
            continue;
        };
        if let Some(marker) = matching_marker(comment, meta) {
            return Some(marker);
        }
    }
    None
}

/// The block plus the comment lines directly above it.
fn comment_region(text: &str, block: &Range<usize>) -> Range<usize> {
    let mut start = text[..block.start].rfind('\n').map_or(0, |at| at + 1);
    while start > 0 {
        let previous_start = text[..start - 1].rfind('\n').map_or(0, |at| at + 1);
        let previous = text[previous_start..start - 1].trim();
        if previous.starts_with('#') || previous.starts_with("//") {
            start = previous_start;
        } else {
            break;
        }
    }
    let end = text[block.end..]
        .find('\n')
        .map_or(text.len(), |at| block.end + at);
    start..end
}

/// The comment text of a line: after `#` or `//`, ignoring ones inside strings.
fn comment_of(line: &str) -> Option<&str> {
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in line.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '#' => return Some(&line[at + 1..]),
            '/' if line[at..].starts_with("//") => return Some(&line[at + 2..]),
            _ => {}
        }
    }
    None
}

fn matching_marker(comment: &str, meta: &RuleMeta) -> Option<String> {
    let comment = comment.trim();
    let words = |rest: &str| -> Vec<String> {
        rest.split(|c: char| c.is_whitespace() || c == ',' || c == ':')
            .filter(|word| !word.is_empty())
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = comment.strip_prefix("heal:ignore") {
        if words(rest).contains(&meta.id) {
            return Some(format!("heal:ignore {}", meta.id));
        }
    }
    if let Some(rest) = comment.strip_prefix("checkov:skip=") {
        let id = rest.split(':').next().unwrap_or("").trim();
        if meta.checkov.iter().any(|checkov| checkov == id) {
            return Some(format!("checkov:skip={id}"));
        }
    }
    for prefix in ["trivy:ignore:", "tfsec:ignore:"] {
        if let Some(rest) = comment.strip_prefix(prefix) {
            let id = rest.split_whitespace().next().unwrap_or("").trim();
            let id = id.split('[').next().unwrap_or(id);
            let known = meta.trivy.iter().chain(&meta.tfsec);
            if known
                .into_iter()
                .any(|known| known.eq_ignore_ascii_case(id))
            {
                return Some(format!("{prefix}{id}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> RuleMeta {
        hcl::from_str(
            r#"
            id = "aws-s3-bucket-versioning"
            title = "t"
            severity = "medium"
            provider = "aws"
            resources = ["aws_s3_bucket"]
            fix = "safe"
            message = "m"
            checkov = ["CKV_AWS_21"]
            trivy = ["AVD-AWS-0090"]
            tfsec = ["aws-s3-enable-versioning"]
            "#,
        )
        .unwrap()
    }

    fn suppressed(text: &str) -> Option<String> {
        let start = text.find("resource").unwrap();
        let end = text.rfind('}').unwrap() + 1;
        suppression(text, &(start..end), &meta())
    }

    #[test]
    fn heal_ignore_inside_the_block() {
        let text =
            "resource \"aws_s3_bucket\" \"b\" {\n  # heal:ignore aws-s3-bucket-versioning\n}\n";
        assert_eq!(
            suppressed(text).as_deref(),
            Some("heal:ignore aws-s3-bucket-versioning")
        );
    }

    #[test]
    fn checkov_skip_with_reason() {
        let text = "resource \"aws_s3_bucket\" \"b\" {\n  #checkov:skip=CKV_AWS_21:logs only\n}\n";
        assert_eq!(suppressed(text).as_deref(), Some("checkov:skip=CKV_AWS_21"));
    }

    #[test]
    fn trivy_and_tfsec_above_the_block() {
        let text = "#trivy:ignore:AVD-AWS-0090\nresource \"aws_s3_bucket\" \"b\" {\n}\n";
        assert_eq!(
            suppressed(text).as_deref(),
            Some("trivy:ignore:AVD-AWS-0090")
        );
        let text = "# note\n#tfsec:ignore:aws-s3-enable-versioning\nresource \"aws_s3_bucket\" \"b\" {\n}\n";
        assert!(suppressed(text).is_some());
    }

    #[test]
    fn other_ids_and_strings_do_not_suppress() {
        let text = "resource \"aws_s3_bucket\" \"b\" {\n  #checkov:skip=CKV_AWS_18\n  x = \"# heal:ignore aws-s3-bucket-versioning\"\n}\n";
        assert_eq!(suppressed(text), None);
        let text = "#checkov:skip=CKV_AWS_21\n\nresource \"aws_s3_bucket\" \"b\" {\n}\n";
        assert_eq!(suppressed(text), None, "a blank line detaches a comment");
    }
}
