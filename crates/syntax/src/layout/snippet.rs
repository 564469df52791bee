//! New code to insert: attributes and blocks, rendered in a file's style.

/// A piece of body content: attributes and nested blocks whose values are HCL
/// expressions written as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Attribute {
        key: String,
        value: String,
    },
    Block {
        ident: String,
        labels: Vec<String>,
        body: Snippet,
    },
}

/// `text` as an HCL quoted string: `"`, `\\` and line breaks escaped, and
/// `${` and `%{` doubled so they stay text, not a template. Every fix that
/// writes a string literal renders it here; Rust's `{:?}` is not HCL (it
/// writes `\u{1}` for a control character).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Snippet {
    /// An empty snippet.
    pub fn new() -> Snippet {
        Snippet::default()
    }

    /// Adds `key = value`, with `value` written as HCL.
    pub fn attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Snippet {
        self.entries.push(Entry::Attribute {
            key: key.into(),
            value: value.into(),
        });
        self
    }

    /// Adds a nested block.
    pub fn block(mut self, ident: impl Into<String>, labels: &[&str], body: Snippet) -> Snippet {
        self.entries.push(Entry::Block {
            ident: ident.into(),
            labels: labels.iter().map(|label| label.to_string()).collect(),
            body,
        });
        self
    }

    /// Whether the snippet holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The snippet's attributes, as (key, value) pairs.
    pub fn attributes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().filter_map(|entry| match entry {
            Entry::Attribute { key, value } => Some((key.as_str(), value.as_str())),
            Entry::Block { .. } => None,
        })
    }

    /// A snippet of only the attributes, or only the blocks, of this one.
    pub fn split(&self) -> (Snippet, Snippet) {
        let (attributes, blocks) = self
            .entries
            .iter()
            .cloned()
            .partition(|entry| matches!(entry, Entry::Attribute { .. }));
        (
            Snippet {
                entries: attributes,
            },
            Snippet { entries: blocks },
        )
    }

    /// Renders every entry on its own lines, each line starting with `indent`
    /// repeated `depth` times and ending with `eol`. The `=` of consecutive one-line
    /// attributes are aligned as `terraform fmt` aligns them, and a blank line
    /// separates attributes from a block that follows them.
    pub fn render(&self, indent: &str, depth: usize, eol: &str) -> String {
        let prefix = indent.repeat(depth);
        let mut out = String::new();
        let mut index = 0;
        while index < self.entries.len() {
            match &self.entries[index] {
                Entry::Attribute { .. } => {
                    let group_end = self.entries[index..]
                        .iter()
                        .position(|entry| !matches!(entry, Entry::Attribute { .. }))
                        .map_or(self.entries.len(), |offset| index + offset);
                    let group = &self.entries[index..group_end];
                    let width = group
                        .iter()
                        .filter_map(|entry| match entry {
                            Entry::Attribute { key, value } if !value.contains('\n') => {
                                Some(key.len())
                            }
                            _ => None,
                        })
                        .max()
                        .unwrap_or(0);
                    for entry in group {
                        if let Entry::Attribute { key, value } = entry {
                            let pad = if value.contains('\n') {
                                1
                            } else {
                                width - key.len() + 1
                            };
                            let value = value.replace('\n', eol);
                            out.push_str(&format!(
                                "{prefix}{key}{}= {value}{eol}",
                                " ".repeat(pad)
                            ));
                        }
                    }
                    if group_end < self.entries.len() {
                        out.push_str(eol);
                    }
                    index = group_end;
                }
                Entry::Block {
                    ident,
                    labels,
                    body,
                } => {
                    if index > 0 && matches!(self.entries[index - 1], Entry::Block { .. }) {
                        out.push_str(eol);
                    }
                    out.push_str(&prefix);
                    out.push_str(ident);
                    for label in labels {
                        out.push_str(&format!(" \"{label}\""));
                    }
                    if body.entries.is_empty() {
                        // As people (and `terraform fmt`) write an empty block.
                        out.push_str(" {}");
                    } else {
                        out.push_str(" {");
                        out.push_str(eol);
                        out.push_str(&body.render(indent, depth + 1, eol));
                        out.push_str(&prefix);
                        out.push('}');
                    }
                    out.push_str(eol);
                    index += 1;
                }
            }
        }
        out
    }
}

impl Snippet {
    /// Reads body content written as HCL (the catalog's templates). Values keep
    /// their text exactly as written; `None` when `text` is not valid HCL.
    pub fn parse(text: &str) -> Option<Snippet> {
        let source = crate::SourceFile::new("<snippet>", text.to_string());
        let parsed = crate::parse(&source).ok()?;
        Some(Snippet::from_body(&parsed.body, text))
    }

    fn from_body(body: &crate::Body, text: &str) -> Snippet {
        let mut snippet = Snippet::new();
        for structure in &body.structures {
            snippet = match structure {
                crate::Structure::Attribute(attribute) => snippet.attribute(
                    attribute.key.value.clone(),
                    text[attribute.value.span.clone()].to_string(),
                ),
                crate::Structure::Block(block) => {
                    let labels: Vec<&str> = block.labels.iter().map(|l| l.value.as_str()).collect();
                    snippet.block(
                        block.ident.value.clone(),
                        &labels,
                        Snippet::from_body(&block.body, text),
                    )
                }
            };
        }
        snippet
    }

    /// Puts `key = value` first, before the existing entries.
    pub fn prepend_attribute(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> Snippet {
        self.entries.insert(
            0,
            Entry::Attribute {
                key: key.into(),
                value: value.into(),
            },
        );
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_aligned_attributes_then_blocks() {
        let snippet = Snippet::new()
            .attribute("bucket", "aws_s3_bucket.b.id")
            .attribute("expected_bucket_owner", "\"1\"")
            .block(
                "rule",
                &[],
                Snippet::new().attribute("status", "\"Enabled\""),
            );
        assert_eq!(
            snippet.render("  ", 1, "\n"),
            "  bucket                = aws_s3_bucket.b.id\n  expected_bucket_owner = \"1\"\n\n  rule {\n    status = \"Enabled\"\n  }\n"
        );
    }

    #[test]
    fn renders_an_empty_block_on_one_line() {
        let snippet = Snippet::new().block(
            "rule",
            &[],
            Snippet::new().block(
                "apply_server_side_encryption_by_default",
                &[],
                Snippet::new(),
            ),
        );
        assert_eq!(
            snippet.render("  ", 1, "\n"),
            "  rule {\n    apply_server_side_encryption_by_default {}\n  }\n"
        );
    }

    #[test]
    fn quoted_strings_are_hcl_strings() {
        assert_eq!(quoted("plain"), "\"plain\"");
        assert_eq!(quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(quoted("x\ny\tz"), "\"x\\ny\\tz\"");
        assert_eq!(quoted("${var.x} %{if} $5"), "\"$${var.x} %%{if} $5\"");
        // Rust's Debug would write `\u{1}`, which HCL rejects.
        assert_eq!(quoted("\u{1}"), "\"\u{1}\"");
    }

    #[test]
    fn renders_labels_and_crlf() {
        let snippet =
            Snippet::new().block("resource", &["a", "b"], Snippet::new().attribute("x", "1"));
        assert_eq!(
            snippet.render("\t", 0, "\r\n"),
            "resource \"a\" \"b\" {\r\n\tx = 1\r\n}\r\n"
        );
    }
}
