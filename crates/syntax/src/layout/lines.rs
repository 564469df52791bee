//! A line-by-line reading of a file, the way `terraform fmt` sees lines when it
//! aligns them: which lines hold an assignment (`key = value` whose value closes on
//! the same line), where their `=` stands, and where a trailing comment starts.

/// What `terraform fmt` aligns on one line. Offsets are absolute byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LineCells {
    /// Start of the line.
    pub start: usize,
    /// End of the line, before its line ending.
    pub end: usize,
    /// End of the last token before `=`, and the offset of `=`, when the line is an
    /// assignment whose value closes on this line (or opens a heredoc).
    pub assign: Option<(usize, usize)>,
    /// End of the last token before a trailing comment, and the comment's offset,
    /// when the line has tokens and then a comment.
    pub comment: Option<(usize, usize)>,
    /// The line starts in plain syntax: not inside a string, heredoc, block
    /// comment or template. Reading can restart at such a line.
    pub starts_in_code: bool,
    /// The line is the body or closing marker of a heredoc. `terraform fmt` reads
    /// a heredoc as one token of the line that opens it, so such lines neither
    /// join nor break alignment chains.
    pub in_heredoc: bool,
    /// The line starts inside a block comment opened on an earlier line.
    /// `terraform fmt` reads such a comment as one token of the line that opens
    /// it, so, like a heredoc body, the rest of it neither joins nor breaks
    /// alignment chains.
    pub in_comment: bool,
}

impl LineCells {
    /// Whether this line breaks every alignment chain and reading can restart
    /// here: a window of lines bounded by such lines aligns exactly as the whole
    /// file would.
    pub fn is_boundary(&self) -> bool {
        self.starts_in_code && self.assign.is_none() && self.comment.is_none()
    }

    /// Whether `terraform fmt` reads this line as part of an earlier one: a
    /// heredoc's body, or the rest of a block comment.
    pub fn continues_an_earlier_line(&self) -> bool {
        self.in_heredoc || self.in_comment
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Expression or structure syntax; the number is the brace depth at which an
    /// enclosing template interpolation closes, if any.
    Code { closes_template_at: Option<usize> },
    /// Inside a quoted string.
    QuotedString,
    /// Inside the body of a heredoc.
    Heredoc,
}

/// Reads every line of `text`.
pub(crate) fn read_lines(text: &str) -> Vec<LineCells> {
    let mut lexer = Lexer::new(text);
    let mut lines = Vec::new();
    let mut start = 0;
    while start <= text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
        let content_end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        lines.push(lexer.read_line(start, content_end));
        if end == text.len() {
            break;
        }
        start = end + 1;
    }
    lines
}

struct Lexer<'a> {
    text: &'a str,
    /// Nesting of modes: code inside strings inside code...
    stack: Vec<Mode>,
    /// Depth of `{`, `[`, `(` and template openers, over the whole file.
    depth: usize,
    heredoc_marker: Option<String>,
    in_block_comment: bool,
}

/// The tokens of a line that matter for alignment.
#[derive(Default)]
struct LineTokens {
    /// (start, end, kind) of each token, in order.
    tokens: Vec<(usize, usize, TokenKind)>,
    /// Line is heredoc content or inside a block comment for part of it.
    opaque: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    Assign,
    Open,
    Close,
    HeredocStart,
    Comment,
    Other,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Lexer<'a> {
        Lexer {
            text,
            stack: vec![Mode::Code {
                closes_template_at: None,
            }],
            depth: 0,
            heredoc_marker: None,
            in_block_comment: false,
        }
    }

    fn mode(&self) -> Mode {
        *self.stack.last().unwrap_or(&Mode::Code {
            closes_template_at: None,
        })
    }

    fn read_line(&mut self, start: usize, end: usize) -> LineCells {
        let in_heredoc = self.heredoc_marker.is_some();
        let in_comment = self.in_block_comment;
        let starts_in_code = !in_heredoc && !in_comment && self.stack.len() == 1;
        let tokens = self.tokenize(start, end);
        let mut cells = LineCells {
            start,
            end,
            starts_in_code,
            in_heredoc,
            in_comment,
            ..LineCells::default()
        };
        if tokens.opaque || tokens.tokens.is_empty() {
            return cells;
        }
        let mut significant = tokens.tokens.as_slice();

        // A trailing comment after other tokens is its own cell.
        if significant.len() > 1 {
            if let Some(&(comment_start, _, TokenKind::Comment)) = significant.last() {
                let before = significant[significant.len() - 2].1;
                cells.comment = Some((before, comment_start));
                significant = &significant[..significant.len() - 1];
            }
        }

        // The first `=` after the first token makes an assignment when the brackets
        // from there to the end of the line balance (a heredoc opener ends the count).
        let assign_at = significant
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, token)| token.2 == TokenKind::Assign)
            .map(|(index, _)| index);
        if let Some(index) = assign_at {
            let mut net = 0i64;
            for token in &significant[index..] {
                match token.2 {
                    TokenKind::Open => net += 1,
                    TokenKind::Close => net -= 1,
                    TokenKind::HeredocStart => break,
                    _ => {}
                }
            }
            if net == 0 {
                cells.assign = Some((significant[index - 1].1, significant[index].0));
            }
        }
        cells
    }

    fn tokenize(&mut self, start: usize, end: usize) -> LineTokens {
        let bytes = self.text.as_bytes();
        let mut out = LineTokens::default();

        if let Some(marker) = self.heredoc_marker.clone() {
            if self.text[start..end].trim() == marker {
                self.heredoc_marker = None;
                self.stack.pop();
            }
            out.opaque = true;
            return out;
        }

        let mut i = start;
        if self.in_block_comment {
            out.opaque = true;
            match self.text[start..end].find("*/") {
                Some(at) => {
                    self.in_block_comment = false;
                    i = start + at + 2;
                }
                None => return out,
            }
        }

        while i < end {
            let c = bytes[i];
            match self.mode() {
                Mode::QuotedString => {
                    i = self.string_step(i, end, &mut out);
                }
                Mode::Heredoc => {
                    // Only reached when the heredoc opened on this line.
                    return out;
                }
                Mode::Code { closes_template_at } => {
                    let token_start = i;
                    match c {
                        b' ' | b'\t' | b'\r' => i += 1,
                        b'#' => {
                            out.tokens.push((i, end, TokenKind::Comment));
                            i = end;
                        }
                        b'/' if bytes.get(i + 1) == Some(&b'/') => {
                            out.tokens.push((i, end, TokenKind::Comment));
                            i = end;
                        }
                        b'/' if bytes.get(i + 1) == Some(&b'*') => {
                            match self.text[i + 2..end].find("*/") {
                                Some(at) => {
                                    let close = i + 2 + at + 2;
                                    out.tokens.push((i, close, TokenKind::Comment));
                                    i = close;
                                }
                                None => {
                                    // A trailing comment that goes on over the
                                    // next lines, which continue this one.
                                    self.in_block_comment = true;
                                    out.tokens.push((i, end, TokenKind::Comment));
                                    i = end;
                                }
                            }
                        }
                        b'"' => {
                            self.stack.push(Mode::QuotedString);
                            out.tokens.push((i, i + 1, TokenKind::Other));
                            i += 1;
                        }
                        b'{' | b'[' | b'(' => {
                            self.depth += 1;
                            out.tokens.push((i, i + 1, TokenKind::Open));
                            i += 1;
                        }
                        b'}' | b']' | b')' => {
                            self.depth = self.depth.saturating_sub(1);
                            out.tokens.push((i, i + 1, TokenKind::Close));
                            i += 1;
                            if c == b'}' && closes_template_at == Some(self.depth) {
                                self.stack.pop();
                            }
                        }
                        b'<' if bytes.get(i + 1) == Some(&b'<') => {
                            let rest = &self.text[i + 2..end];
                            let marker_text = rest.strip_prefix('-').unwrap_or(rest);
                            let marker: String = marker_text
                                .chars()
                                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                                .collect();
                            if marker.is_empty() {
                                out.tokens.push((i, i + 2, TokenKind::Other));
                                i += 2;
                            } else {
                                out.tokens.push((i, end, TokenKind::HeredocStart));
                                self.heredoc_marker = Some(marker);
                                self.stack.push(Mode::Heredoc);
                                i = end;
                            }
                        }
                        b'=' => {
                            let next = bytes.get(i + 1).copied();
                            if next == Some(b'=') || next == Some(b'>') {
                                out.tokens.push((i, i + 2, TokenKind::Other));
                                i += 2;
                            } else {
                                out.tokens.push((i, i + 1, TokenKind::Assign));
                                i += 1;
                            }
                        }
                        b'!' | b'<' | b'>' if bytes.get(i + 1) == Some(&b'=') => {
                            out.tokens.push((i, i + 2, TokenKind::Other));
                            i += 2;
                        }
                        _ => {
                            i += 1;
                            while i < end && is_word_byte(bytes[i]) && is_word_byte(c) {
                                i += 1;
                            }
                            out.tokens.push((token_start, i, TokenKind::Other));
                        }
                    }
                }
            }
        }
        out
    }

    /// One step inside a quoted string, from `i`; returns where to continue.
    fn string_step(&mut self, i: usize, end: usize, out: &mut LineTokens) -> usize {
        let bytes = self.text.as_bytes();
        match bytes[i] {
            b'\\' => (i + 2).min(end),
            b'"' => {
                self.stack.pop();
                // Extend the string token that opened this string to here.
                if let Some(last) = out.tokens.last_mut() {
                    if last.2 == TokenKind::Other {
                        last.1 = i + 1;
                    }
                } else {
                    out.tokens.push((i, i + 1, TokenKind::Other));
                }
                i + 1
            }
            b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                if bytes.get(i + 2) == Some(&b'{') {
                    // `$${` and `%%{` are escapes, not templates.
                    return i + 2;
                }
                if i > 0 && bytes[i - 1] == bytes[i] {
                    return i + 2;
                }
                out.tokens.push((i, i + 2, TokenKind::Open));
                self.stack.push(Mode::Code {
                    closes_template_at: Some(self.depth),
                });
                self.depth += 1;
                i + 2
            }
            _ => i + 1,
        }
    }
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-' || byte == b'.' || byte >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<LineCells> {
        read_lines(text)
    }

    #[test]
    fn finds_assignments_and_comments() {
        let text = "  bucket = \"a=b\" # note\n  tags = {\n    a = 1\n  }\n  x = { a = 1 }\n";
        let lines = cells(text);
        assert_eq!(lines[0].assign, Some((8, 9)));
        assert_eq!(lines[0].comment, Some((16, 17)));
        assert_eq!(
            lines[1].assign, None,
            "an opening bracket is not a one-line value"
        );
        assert!(lines[2].assign.is_some());
        assert_eq!(lines[3].assign, None);
        assert!(lines[4].assign.is_some());
    }

    #[test]
    fn heredoc_bodies_are_opaque() {
        let text = "a = <<EOT\nb = 1 # x\nEOT\nc = 2\n";
        let lines = cells(text);
        assert!(lines[0].assign.is_some());
        assert_eq!(
            lines[1],
            LineCells {
                start: 10,
                end: 19,
                in_heredoc: true,
                ..Default::default()
            }
        );
        assert!(lines[3].assign.is_some());
    }

    #[test]
    fn interpolations_with_quotes_do_not_end_strings() {
        let text = "a = \"${lookup(m, \"k\")}#\" # c\n";
        let lines = cells(text);
        assert!(lines[0].assign.is_some());
        assert_eq!(lines[0].comment.map(|c| c.1), Some(25));
    }

    #[test]
    fn comparison_operators_are_not_assignments() {
        let lines = cells("a == b\n");
        assert_eq!(lines[0].assign, None);
    }

    #[test]
    fn a_trailing_block_comment_spanning_lines_continues_its_line() {
        let lines = cells("a = 1 /* one\ntwo */\nb = 2\n");
        assert_eq!(lines[0].assign, Some((1, 2)));
        assert_eq!(lines[0].comment, Some((5, 6)));
        assert!(lines[1].continues_an_earlier_line());
        assert!(!lines[2].continues_an_earlier_line());
    }

    #[test]
    fn block_comments_spanning_lines_are_opaque() {
        let lines = cells("/* a = 1\nb = 2 */\nc = 3\n");
        assert_eq!(lines[0].assign, None);
        assert_eq!(lines[1].assign, None);
        assert!(lines[2].assign.is_some());
    }
}
