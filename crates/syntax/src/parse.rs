//! Reading a file into the [`Body`] model: hcl-edit first, tree-sitter where hcl-edit
//! gives up.

use std::fmt;
use std::ops::Range;

use hcl_edit::expr::{Expression, ObjectKey, TraversalOperator};
use hcl_edit::structure;
use hcl_edit::template::{Element, Template};
use hcl_edit::Span;

use crate::model::{Attribute, Block, Body, Expr, ExprKind, ObjectItem, Spanned, Structure};
use crate::source::SourceFile;

/// Which parser read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parser {
    /// hcl-edit, the primary parser.
    HclEdit,
    /// tree-sitter-hcl, used where hcl-edit rejected the file.
    TreeSitter,
}

/// A file's structure and the parser that read it.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The top-level body.
    pub body: Body,
    /// The parser that produced `body`.
    pub parser: Parser,
}

/// Why a file could not be read. Line and column are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Line of the first error.
    pub line: usize,
    /// Column of the first error, in characters.
    pub column: usize,
    /// What the parser expected or found.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Reads the structure of `file`.
///
/// hcl-edit reads almost every file; where it stops at an error, tree-sitter-hcl gets
/// a chance, since its grammar accepts a few valid constructs hcl-edit rejects. When
/// tree-sitter finds errors too, the file is invalid and hcl-edit's message (the more
/// precise one) is returned.
pub fn parse(file: &SourceFile) -> Result<Parsed, ParseError> {
    with_fallback(file, true)
}

/// Parses `file` with hcl-edit alone: for text that must stay strictly HCL, such
/// as the output of a fix on a file hcl-edit read.
pub fn parse_strict(file: &SourceFile) -> Result<Parsed, ParseError> {
    with_fallback(file, false)
}

fn with_fallback(file: &SourceFile, fallback: bool) -> Result<Parsed, ParseError> {
    let text = file.text();
    let bom = file.bom_len();
    // A byte-order mark is not HCL. Blanking it keeps every offset valid.
    let blanked;
    let input = if bom > 0 {
        blanked = format!("{}{}", " ".repeat(bom), &text[bom..]);
        blanked.as_str()
    } else {
        text
    };

    match hcl_edit::parser::parse_body(input) {
        Ok(body) => Ok(Parsed {
            body: convert_body(&body, input),
            parser: Parser::HclEdit,
        }),
        Err(error) => {
            let location = error.location();
            let hcl_error = ParseError {
                line: location.line(),
                column: location.column(),
                message: first_line(error.message()),
            };
            if !fallback {
                return Err(hcl_error);
            }
            log::debug!(
                "{}: hcl-edit: {hcl_error}; trying tree-sitter",
                file.path().display()
            );
            match crate::tree_sitter::parse(input) {
                Ok(body) => Ok(Parsed {
                    body,
                    parser: Parser::TreeSitter,
                }),
                Err(invalid) => {
                    log::debug!("{}: tree-sitter: {invalid}", file.path().display());
                    Err(hcl_error)
                }
            }
        }
    }
}

fn first_line(message: &str) -> String {
    let message = message.lines().next().unwrap_or("invalid HCL").trim();
    if message.is_empty() {
        "invalid HCL".to_string()
    } else {
        message.to_string()
    }
}

fn span_of(node: &impl Span) -> Range<usize> {
    node.span().unwrap_or(0..0)
}

pub(crate) fn convert_body(body: &structure::Body, text: &str) -> Body {
    let structures = body
        .iter()
        .map(|structure| match structure {
            structure::Structure::Attribute(attribute) => {
                Structure::Attribute(convert_attribute(attribute))
            }
            structure::Structure::Block(block) => Structure::Block(convert_block(block, text)),
        })
        .collect();
    Body { structures }
}

fn convert_attribute(attribute: &structure::Attribute) -> Attribute {
    Attribute {
        key: Spanned {
            value: attribute.key.as_str().to_string(),
            span: span_of(&attribute.key),
        },
        value: convert_expr(&attribute.value),
    }
}

fn convert_block(block: &structure::Block, text: &str) -> Block {
    let span = span_of(block);
    let ident_span = span_of(&block.ident);
    let labels: Vec<Spanned<String>> = block
        .labels
        .iter()
        .map(|label| Spanned {
            value: label.as_str().to_string(),
            span: span_of(label),
        })
        .collect();

    // The body starts at the first `{` after the last label; labels are strings or
    // identifiers, so no `{` can hide between them and the body.
    let head_end = labels.last().map_or(ident_span.end, |label| label.span.end);
    let open_brace = text[head_end..span.end]
        .find('{')
        .map_or(head_end, |at| head_end + at);
    let close_brace = span.end.saturating_sub(1);

    Block {
        ident: Spanned {
            value: block.ident.as_str().to_string(),
            span: ident_span,
        },
        labels,
        body: convert_body(&block.body, text),
        span,
        open_brace,
        close_brace,
    }
}

fn convert_expr(expr: &Expression) -> Expr {
    let kind = match expr {
        Expression::Null(_) => ExprKind::Null,
        Expression::Bool(value) => ExprKind::Bool(*value.value()),
        Expression::Number(number) => ExprKind::Number(number.value().to_string()),
        Expression::String(value) => ExprKind::String(value.value().clone()),
        Expression::Array(array) => ExprKind::Array(array.iter().map(convert_expr).collect()),
        Expression::Object(object) => ExprKind::Object(
            object
                .iter()
                .map(|(key, value)| ObjectItem {
                    key: convert_object_key(key),
                    value: convert_expr(value.expr()),
                })
                .collect(),
        ),
        Expression::StringTemplate(template) => ExprKind::Template(template_parts(template)),
        Expression::HeredocTemplate(heredoc) => {
            ExprKind::Template(template_parts(&heredoc.template))
        }
        Expression::Parenthesis(inner) => ExprKind::Other(vec![convert_expr(inner.inner())]),
        Expression::Variable(name) => ExprKind::Traversal(vec![name.as_str().to_string()]),
        Expression::Conditional(conditional) => ExprKind::Other(vec![
            convert_expr(&conditional.cond_expr),
            convert_expr(&conditional.true_expr),
            convert_expr(&conditional.false_expr),
        ]),
        Expression::FuncCall(call) => ExprKind::FuncCall {
            name: call.name.name.as_str().to_string(),
            args: call.args.iter().map(convert_expr).collect(),
        },
        Expression::Traversal(traversal) => convert_traversal(traversal),
        Expression::UnaryOp(op) => ExprKind::Other(vec![convert_expr(&op.expr)]),
        Expression::BinaryOp(op) => {
            ExprKind::Other(vec![convert_expr(&op.lhs_expr), convert_expr(&op.rhs_expr)])
        }
        Expression::ForExpr(for_expr) => {
            let mut parts = vec![convert_expr(&for_expr.intro.collection_expr)];
            parts.extend(for_expr.key_expr.as_ref().map(convert_expr));
            parts.push(convert_expr(&for_expr.value_expr));
            parts.extend(for_expr.cond.as_ref().map(|cond| convert_expr(&cond.expr)));
            ExprKind::Other(parts)
        }
    };
    Expr {
        kind,
        span: span_of(expr),
    }
}

fn convert_object_key(key: &ObjectKey) -> Expr {
    match key {
        ObjectKey::Ident(ident) => Expr {
            kind: ExprKind::Traversal(vec![ident.as_str().to_string()]),
            span: span_of(ident),
        },
        ObjectKey::Expression(expr) => convert_expr(expr),
    }
}

fn convert_traversal(traversal: &hcl_edit::expr::Traversal) -> ExprKind {
    let root = convert_expr(&traversal.expr);
    let ExprKind::Traversal(mut parts) = root.kind else {
        // `func()[0].x` and similar: keep the inner expression for its references.
        return ExprKind::Other(vec![root]);
    };
    for operator in &traversal.operators {
        match operator.value() {
            TraversalOperator::GetAttr(name) => parts.push(name.as_str().to_string()),
            // Index and splat steps do not name resources; the path so far is what
            // rules match on.
            TraversalOperator::Index(_)
            | TraversalOperator::LegacyIndex(_)
            | TraversalOperator::AttrSplat(_)
            | TraversalOperator::FullSplat(_) => {}
        }
    }
    ExprKind::Traversal(parts)
}

fn template_parts(template: &Template) -> Vec<Expr> {
    template
        .iter()
        .filter_map(|element| match element {
            Element::Interpolation(interpolation) => Some(convert_expr(&interpolation.expr)),
            Element::Literal(_) | Element::Directive(_) => None,
        })
        .collect()
}
