//! The structure heal reads from a file: bodies, blocks, attributes and expressions,
//! each with its byte span in the original text.
//!
//! The model is deliberately small and parser-neutral: both hcl-edit and tree-sitter
//! produce it, so rules never depend on which parser read a file.

use std::ops::Range;

/// A value with the byte range it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it stands in the original text.
    pub span: Range<usize>,
}

/// A sequence of attributes and blocks, in source order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// The attributes and blocks of the body, in the order they appear.
    pub structures: Vec<Structure>,
}

/// One element of a body.
#[derive(Debug, Clone, PartialEq)]
pub enum Structure {
    /// `key = value`.
    Attribute(Attribute),
    /// `ident "label" { ... }`.
    Block(Block),
}

/// `key = value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// The attribute name.
    pub key: Spanned<String>,
    /// The value expression.
    pub value: Expr,
}

/// `ident "label" ... { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The block type, such as `resource`.
    pub ident: Spanned<String>,
    /// The labels, unquoted, such as `aws_s3_bucket` and `logs`.
    pub labels: Vec<Spanned<String>>,
    /// The contents between the braces.
    pub body: Body,
    /// From the first byte of the identifier to just after the closing brace.
    pub span: Range<usize>,
    /// Offset of `{`.
    pub open_brace: usize,
    /// Offset of `}`.
    pub close_brace: usize,
}

/// An expression and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Its bytes in the original text, without surrounding whitespace or comments.
    pub span: Range<usize>,
}

/// The kinds of expression rules need to tell apart. Everything else is
/// [`ExprKind::Other`], which keeps its sub-expressions so references inside can
/// still be found.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A quoted string without interpolation, unescaped.
    String(String),
    /// A string or heredoc with interpolations or directives; the parts hold the
    /// interpolated expressions.
    Template(Vec<Expr>),
    /// `[a, b]`.
    Array(Vec<Expr>),
    /// `{ k = v }`.
    Object(Vec<ObjectItem>),
    /// A reference such as `var.name` or `aws_s3_bucket.logs.id`: the root name and
    /// the attribute names after it (index steps are left out).
    Traversal(Vec<String>),
    /// `name(args)`.
    FuncCall {
        /// The function name.
        name: String,
        /// The arguments.
        args: Vec<Expr>,
    },
    /// Any other expression (conditional, operation, for expression, parenthesis,
    /// splat...), with its direct sub-expressions.
    Other(Vec<Expr>),
}

/// `key = value` inside an object expression.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectItem {
    /// The key expression (an identifier key is a one-element [`ExprKind::Traversal`]).
    pub key: Expr,
    /// The value expression.
    pub value: Expr,
}

impl Body {
    /// The attributes of this body, in source order.
    pub fn attributes(&self) -> impl Iterator<Item = &Attribute> {
        self.structures
            .iter()
            .filter_map(|structure| match structure {
                Structure::Attribute(attribute) => Some(attribute),
                Structure::Block(_) => None,
            })
    }

    /// The blocks of this body, in source order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.structures
            .iter()
            .filter_map(|structure| match structure {
                Structure::Block(block) => Some(block),
                Structure::Attribute(_) => None,
            })
    }

    /// The attribute named `key`, if any.
    pub fn attribute(&self, key: &str) -> Option<&Attribute> {
        self.attributes()
            .find(|attribute| attribute.key.value == key)
    }

    /// The blocks of type `ident`, in source order.
    pub fn blocks_of<'a>(&'a self, ident: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks()
            .filter(move |block| block.ident.value == ident)
    }

    /// The `dynamic "<ident>"` blocks of this body, which generate `ident` blocks.
    pub fn dynamic_blocks_of<'a>(&'a self, ident: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks_of("dynamic")
            .filter(move |dynamic| dynamic.label(0) == Some(ident))
    }

    /// The `ident` blocks of this body, followed by the `content` of its
    /// `dynamic "<ident>"` blocks, which stands for the blocks they generate.
    pub fn blocks_with_dynamic<'a>(
        &'a self,
        ident: &'a str,
    ) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks_of(ident).chain(
            self.dynamic_blocks_of(ident)
                .flat_map(|dynamic| dynamic.body.blocks_of("content")),
        )
    }

    /// `resource` blocks of the given type, with their names.
    pub fn resources<'a>(&'a self, resource_type: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks_of("resource")
            .filter(move |block| block.label(0) == Some(resource_type))
    }
}

/// The start of the first line that begins after `from` and before `to`, when
/// `text[from..to]` holds only blank space and comments (as between the
/// structures of a body). The line break that ends a line comment counts; one
/// inside a block comment does not: the line after it starts in the comment.
/// `None` when no line starts outside a comment before `to`.
pub fn line_after_comments(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let mut at = from;
    while at < to {
        match &bytes[at..] {
            [b'/', b'*', ..] => {
                let close = text.get(at + 2..)?.find("*/")?;
                at += 2 + close + 2;
            }
            [b'#', ..] | [b'/', b'/', ..] => {
                let end = text.get(at..)?.find('\n')?;
                at += end;
            }
            [b'\n', ..] => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

impl Block {
    /// The label at `index`, unquoted.
    pub fn label(&self, index: usize) -> Option<&str> {
        self.labels.get(index).map(|label| label.value.as_str())
    }

    /// Whether the body is written on the same line as its braces:
    /// `ident { key = value }`. HCL starts the body of any other block on a new
    /// line, so a body that starts on the brace's line makes a one-line block,
    /// even when its value is a quoted string that spans lines. A line break
    /// inside a block comment (`{/*` on one line, `*/}` on the next) does not
    /// start the body on a new line either.
    pub fn is_single_line(&self, text: &str) -> bool {
        let first = self
            .body
            .structures
            .first()
            .map(|structure| match structure {
                Structure::Attribute(attribute) => attribute.key.span.start,
                Structure::Block(block) => block.span.start,
            });
        let up_to = first.unwrap_or(self.close_brace);
        line_after_comments(text, self.open_brace + 1, up_to).is_none()
    }

    /// `type.name` for a `resource` or `data` block, `module.name` for a module call.
    pub fn address(&self) -> String {
        match (self.ident.value.as_str(), self.label(0), self.label(1)) {
            ("resource", Some(kind), Some(name)) => format!("{kind}.{name}"),
            ("data", Some(kind), Some(name)) => format!("data.{kind}.{name}"),
            (ident, Some(name), _) => format!("{ident}.{name}"),
            (ident, None, _) => ident.to_string(),
        }
    }
}

impl Expr {
    /// Every reference in this expression and its sub-expressions, as path parts.
    pub fn references(&self) -> Vec<&[String]> {
        let mut found = Vec::new();
        self.collect_references(&mut found);
        found
    }

    fn collect_references<'a>(&'a self, found: &mut Vec<&'a [String]>) {
        match &self.kind {
            ExprKind::Traversal(parts) => found.push(parts),
            ExprKind::Template(parts) | ExprKind::Array(parts) | ExprKind::Other(parts) => {
                for part in parts {
                    part.collect_references(found);
                }
            }
            ExprKind::FuncCall { args, .. } => {
                for arg in args {
                    arg.collect_references(found);
                }
            }
            ExprKind::Object(items) => {
                for item in items {
                    item.value.collect_references(found);
                }
            }
            ExprKind::Null | ExprKind::Bool(_) | ExprKind::Number(_) | ExprKind::String(_) => {}
        }
    }

    /// Whether this expression refers to the resource `kind.name` anywhere
    /// (`kind.name.id`, `kind.name[0].arn`, inside a function call...).
    pub fn refers_to(&self, kind: &str, name: &str) -> bool {
        self.references()
            .iter()
            .any(|parts| parts.len() >= 2 && parts[0] == kind && parts[1] == name)
    }

    /// The items of an array expression, or `None` for any other kind.
    pub fn as_array(&self) -> Option<&[Expr]> {
        match &self.kind {
            ExprKind::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The string of a literal string expression.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::String(value) => Some(value),
            _ => None,
        }
    }
}
