//! The fallback parser: tree-sitter-hcl, for the few valid files hcl-edit rejects.
//!
//! The converter here produces exactly the model the hcl-edit converter in
//! [`crate::parse`] produces for the same text, spans included, so rules never see
//! which parser read a file. Where the two grammars shape a construct differently
//! (tree-sitter flattens traversals into their parent node, for one), the converter
//! rebuilds the hcl-edit shape.

use std::fmt;
use std::ops::Range;

use tree_sitter::{Node, Tree};

use crate::model::{Attribute, Block, Body, Expr, ExprKind, ObjectItem, Spanned, Structure};

/// How deeply blocks, expressions and operators may nest before the file is refused.
/// Converting recurses once per level, so this bounds the stack a hostile file can
/// take: a level costs up to 13 KiB of stack in a debug build, and 64 levels fit a
/// 2 MiB thread with room to spare. hcl-edit's own nesting limit is 64 as well.
const MAX_DEPTH: usize = 64;

/// Why tree-sitter could not read a file: the first error in its tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invalid {
    /// Line of the error, 1-based.
    pub(crate) line: usize,
    /// Column of the error, 1-based, in characters.
    pub(crate) column: usize,
    /// What is wrong there.
    pub(crate) message: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Reads `text` with tree-sitter-hcl into the model, or fails when the tree holds
/// errors, when the file is not a body, or when it nests deeper than the converter
/// allows.
pub(crate) fn parse(text: &str) -> Result<Body, Invalid> {
    let tree = parse_tree(text)?;
    let root = tree.root_node();
    if let Some(error) = first_error(root) {
        return Err(describe_error(text, error));
    }
    Converter { text }.config_file(root)
}

fn parse_tree(text: &str) -> Result<Tree, Invalid> {
    let mut parser = tree_sitter::Parser::new();
    let failed = |message: &str| Invalid {
        line: 1,
        column: 1,
        message: message.to_string(),
    };
    parser
        .set_language(&tree_sitter_hcl::LANGUAGE.into())
        .map_err(|_| failed("tree-sitter-hcl does not match the tree-sitter library"))?;
    parser
        .parse(text, None)
        .ok_or_else(|| failed("tree-sitter gave up"))
}

/// The first ERROR or MISSING node in document order. The walk uses a cursor, not
/// recursion, and enters only subtrees that hold an error.
fn first_error(root: Node<'_>) -> Option<Node<'_>> {
    if !root.has_error() {
        return None;
    }
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            return Some(node);
        }
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return None;
            }
        }
    }
}

fn describe_error(text: &str, node: Node<'_>) -> Invalid {
    let message = if node.is_missing() {
        format!("missing `{}`", node.kind())
    } else {
        let found = text.get(node.byte_range()).unwrap_or_default();
        let found: String = found
            .lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(20)
            .collect();
        if found.trim().is_empty() {
            "syntax error".to_string()
        } else {
            format!("unexpected `{}`", found.trim())
        }
    };
    invalid_at(text, node.start_byte(), message)
}

fn invalid_at(text: &str, offset: usize, message: impl Into<String>) -> Invalid {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    Invalid {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: message.into(),
    }
}

/// The children of `node` that carry syntax: comments and other extras left out.
fn children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor)
        .filter(|child| !child.is_extra())
        .collect()
}

/// The first child of `node` of the given kind.
fn child_of_kind<'t>(node: Node<'t>, kind: &str) -> Option<Node<'t>> {
    children(node)
        .into_iter()
        .find(|child| child.kind() == kind)
}

/// Whether `node` is a step that extends a traversal: `.name`, `[index]`, `.*`, `[*]`.
fn is_traversal_step(node: &Node<'_>) -> bool {
    matches!(node.kind(), "get_attr" | "index" | "splat")
}

/// Walks a tree-sitter tree and builds the model, refusing nesting past [`MAX_DEPTH`].
struct Converter<'s> {
    text: &'s str,
}

impl<'s> Converter<'s> {
    fn text_of(&self, node: Node<'_>) -> &'s str {
        self.text.get(node.byte_range()).unwrap_or_default()
    }

    fn invalid(&self, node: Node<'_>, message: &str) -> Invalid {
        invalid_at(self.text, node.start_byte(), message)
    }

    /// One level deeper, or an error past [`MAX_DEPTH`].
    fn enter(&self, node: Node<'_>, depth: usize) -> Result<usize, Invalid> {
        if depth >= MAX_DEPTH {
            return Err(self.invalid(node, "nesting is too deep"));
        }
        Ok(depth + 1)
    }

    fn config_file(&self, root: Node<'_>) -> Result<Body, Invalid> {
        match children(root).first() {
            None => Ok(Body::default()),
            Some(body) if body.kind() == "body" => self.body(*body, 0),
            // tree-sitter-hcl also reads a `.tfvars` file written as one JSON-like object.
            Some(other) => Err(self.invalid(*other, "a top-level object is not a body")),
        }
    }

    fn body(&self, node: Node<'_>, depth: usize) -> Result<Body, Invalid> {
        let depth = self.enter(node, depth)?;
        let nodes = children(node);
        // tree-sitter-hcl takes line breaks for plain whitespace, so it reads
        // `a = 1 b = 2` as two attributes; HCL ends each one with a new line.
        for pair in nodes.windows(2) {
            if !self.text[pair[0].end_byte()..pair[1].start_byte()].contains('\n') {
                return Err(self.invalid(pair[1], "expected a new line before this"));
            }
        }
        let structures = nodes
            .into_iter()
            .map(|child| match child.kind() {
                "attribute" => self.attribute(child, depth).map(Structure::Attribute),
                "block" => self.block(child, depth).map(Structure::Block),
                _ => Err(self.invalid(child, "expected an attribute or a block")),
            })
            .collect::<Result<_, _>>()?;
        Ok(Body { structures })
    }

    fn attribute(&self, node: Node<'_>, depth: usize) -> Result<Attribute, Invalid> {
        let parts = children(node);
        let [key, _equals, value] = parts.as_slice() else {
            return Err(self.invalid(node, "malformed attribute"));
        };
        Ok(Attribute {
            key: self.identifier(*key),
            value: self.expression(*value, depth)?,
        })
    }

    fn identifier(&self, node: Node<'_>) -> Spanned<String> {
        Spanned {
            value: self.text_of(node).to_string(),
            span: node.byte_range(),
        }
    }

    fn block(&self, node: Node<'_>, depth: usize) -> Result<Block, Invalid> {
        let parts = children(node);
        let (Some(ident), Some(open), Some(close)) = (
            parts.first(),
            parts.iter().find(|part| part.kind() == "block_start"),
            parts.last().filter(|part| part.kind() == "block_end"),
        ) else {
            return Err(self.invalid(node, "malformed block"));
        };
        let labels = parts[1..]
            .iter()
            .take_while(|part| part.kind() != "block_start")
            .map(|label| self.label(*label))
            .collect();
        let body = match parts.iter().find(|part| part.kind() == "body") {
            Some(body) => {
                self.block_layout(*open, *body, *close)?;
                self.body(*body, depth)?
            }
            None => Body::default(),
        };
        Ok(Block {
            ident: self.identifier(*ident),
            labels,
            body,
            span: ident.start_byte()..close.end_byte(),
            open_brace: open.start_byte(),
            close_brace: close.start_byte(),
        })
    }

    /// HCL's block layouts, which tree-sitter-hcl does not enforce: on one line,
    /// a block holds at most one attribute (`x { a = 1 }`); otherwise its
    /// contents start on a new line after `{`, and `}` closes on a line of its own.
    fn block_layout(&self, open: Node<'_>, body: Node<'_>, close: Node<'_>) -> Result<(), Invalid> {
        let inside = &self.text[open.end_byte()..close.start_byte()];
        if !inside.contains('\n') {
            let items = children(body);
            return match items.as_slice() {
                [] => Ok(()),
                [only] if only.kind() == "attribute" => Ok(()),
                _ => Err(self.invalid(body, "a block on one line holds at most one attribute")),
            };
        }
        if !self.text[open.end_byte()..body.start_byte()].contains('\n') {
            return Err(self.invalid(body, "expected a new line after `{`"));
        }
        if !self.text[body.end_byte()..close.start_byte()].contains('\n') {
            return Err(self.invalid(close, "expected a new line before `}`"));
        }
        Ok(())
    }

    /// A block label: an identifier, or a string whose span keeps its quotes.
    fn label(&self, node: Node<'_>) -> Spanned<String> {
        let value = if node.kind() == "string_lit" {
            self.string_value(node)
        } else {
            self.text_of(node).to_string()
        };
        Spanned {
            value,
            span: node.byte_range(),
        }
    }

    /// An `expression` node: a conditional, or terms joined by operators.
    fn expression(&self, node: Node<'_>, depth: usize) -> Result<Expr, Invalid> {
        let depth = self.enter(node, depth)?;
        let parts = children(node);
        match parts.as_slice() {
            [only] if only.kind() == "conditional" => self.conditional(*only, depth),
            _ => self.operator_chain(node, &parts, depth),
        }
    }

    /// The term at the start of `parts` and its traversal steps, and the nodes after it.
    fn term<'n, 't>(
        &self,
        parent: Node<'t>,
        parts: &'n [Node<'t>],
        depth: usize,
    ) -> Result<(Expr, &'n [Node<'t>]), Invalid> {
        let (root, rest) = match parts {
            [open, inner, close, rest @ ..] if open.kind() == "(" => {
                let inner = self.expression(*inner, depth)?;
                let span = open.start_byte()..close.end_byte();
                (other(vec![inner], span), rest)
            }
            [first, rest @ ..] => (self.primary(*first, depth)?, rest),
            [] => return Err(self.invalid(parent, "missing expression")),
        };
        let steps = rest
            .iter()
            .take_while(|node| is_traversal_step(node))
            .count();
        let (steps, rest) = rest.split_at(steps);
        Ok((self.traversal(root, steps), rest))
    }

    /// `root` followed by `steps`: a longer [`ExprKind::Traversal`] when the root is a
    /// reference, the root kept for its references otherwise (as hcl-edit's converter
    /// does).
    fn traversal(&self, root: Expr, steps: &[Node<'_>]) -> Expr {
        let Some(last) = steps.last() else {
            return root;
        };
        let span = root.span.start..last.end_byte();
        match root.kind {
            ExprKind::Traversal(mut parts) => {
                for step in steps {
                    self.push_attribute_names(*step, &mut parts);
                }
                Expr {
                    kind: ExprKind::Traversal(parts),
                    span,
                }
            }
            _ => other(vec![root], span),
        }
    }

    /// Appends the names of the `.name` steps in `step`, which may be a splat that
    /// holds further steps. Index and splat steps themselves add nothing.
    fn push_attribute_names(&self, step: Node<'_>, parts: &mut Vec<String>) {
        match step.kind() {
            "get_attr" => {
                if let Some(name) = child_of_kind(step, "identifier") {
                    parts.push(self.text_of(name).to_string());
                }
            }
            "splat" => {
                for splat in children(step) {
                    for inner in children(splat) {
                        if inner.kind() == "get_attr" {
                            self.push_attribute_names(inner, parts);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A node that starts a term: a literal, a collection, a call, an operation...
    fn primary(&self, node: Node<'_>, depth: usize) -> Result<Expr, Invalid> {
        let span = node.byte_range();
        let kind = match node.kind() {
            "literal_value" | "template_expr" | "collection_value" | "for_expr" => {
                return match children(node).first() {
                    Some(inner) => self.primary(*inner, depth),
                    None => Err(self.invalid(node, "empty expression")),
                };
            }
            "numeric_lit" => ExprKind::Number(normalize_number(self.text_of(node), false)),
            "bool_lit" => ExprKind::Bool(self.text_of(node) == "true"),
            "null_lit" => ExprKind::Null,
            "string_lit" => ExprKind::String(self.string_value(node)),
            "quoted_template" => self.quoted_template(node, depth)?,
            "heredoc_template" => ExprKind::Template(self.template_parts(node, depth)?),
            "tuple" => ExprKind::Array(self.expressions(node, depth)?),
            "object" => ExprKind::Object(self.object_items(node, depth)?),
            "variable_expr" => ExprKind::Traversal(vec![self.text_of(node).to_string()]),
            "function_call" => self.function_call(node, depth)?,
            "for_tuple_expr" | "for_object_expr" => ExprKind::Other(self.for_parts(node, depth)?),
            _ => return Err(self.invalid(node, "unknown expression")),
        };
        Ok(Expr { kind, span })
    }

    /// The `expression` children of `node`, in order.
    fn expressions(&self, node: Node<'_>, depth: usize) -> Result<Vec<Expr>, Invalid> {
        children(node)
            .into_iter()
            .filter(|child| child.kind() == "expression")
            .map(|child| self.expression(child, depth))
            .collect()
    }

    fn object_items(&self, node: Node<'_>, depth: usize) -> Result<Vec<ObjectItem>, Invalid> {
        children(node)
            .into_iter()
            .filter(|child| child.kind() == "object_elem")
            .map(|item| {
                let (Some(key), Some(value)) = (
                    item.child_by_field_name("key"),
                    item.child_by_field_name("val"),
                ) else {
                    return Err(self.invalid(item, "malformed object item"));
                };
                Ok(ObjectItem {
                    key: self.expression(key, depth)?,
                    value: self.expression(value, depth)?,
                })
            })
            .collect()
    }

    /// `name(args)`. A namespaced name (`provider::aws::arn_parse`) keeps its last part,
    /// as hcl-edit's converter does.
    fn function_call(&self, node: Node<'_>, depth: usize) -> Result<ExprKind, Invalid> {
        let Some(name) = child_of_kind(node, "identifier") else {
            return Err(self.invalid(node, "function call without a name"));
        };
        let name = self.text_of(name);
        let name = name.rsplit("::").next().unwrap_or(name).to_string();
        let args = match child_of_kind(node, "function_arguments") {
            Some(arguments) => self.expressions(arguments, depth)?,
            None => Vec::new(),
        };
        Ok(ExprKind::FuncCall { name, args })
    }

    /// The collection, key (for objects), value and condition of a for expression.
    fn for_parts(&self, node: Node<'_>, depth: usize) -> Result<Vec<Expr>, Invalid> {
        let mut parts = Vec::new();
        for child in children(node) {
            match child.kind() {
                "for_intro" | "for_cond" => parts.extend(self.expressions(child, depth)?),
                "expression" => parts.push(self.expression(child, depth)?),
                _ => {}
            }
        }
        Ok(parts)
    }

    /// A conditional. tree-sitter-hcl nests `a ? b : c ? d : e` to the left; HCL and
    /// hcl-edit nest it to the right, so the chain is read flat and rebuilt.
    fn conditional(&self, node: Node<'_>, depth: usize) -> Result<Expr, Invalid> {
        let mut operands = Vec::new();
        let depth = self.flatten_conditional(node, depth, &mut operands)?;
        let mut exprs = operands
            .into_iter()
            .map(|operand| self.expression(operand, depth))
            .collect::<Result<Vec<_>, _>>()?;
        let Some(mut rebuilt) = exprs.pop() else {
            return Err(self.invalid(node, "malformed conditional"));
        };
        while let (Some(if_true), Some(condition)) = (exprs.pop(), exprs.pop()) {
            let span = condition.span.start..rebuilt.span.end;
            rebuilt = other(vec![condition, if_true, rebuilt], span);
        }
        Ok(rebuilt)
    }

    /// Appends the condition, true and false operands of a conditional chain in source
    /// order, and returns the depth the chain reached.
    fn flatten_conditional<'t>(
        &self,
        node: Node<'t>,
        depth: usize,
        operands: &mut Vec<Node<'t>>,
    ) -> Result<usize, Invalid> {
        let parts: Vec<Node<'t>> = children(node)
            .into_iter()
            .filter(|child| child.kind() == "expression")
            .collect();
        let [condition, if_true, if_false] = parts.as_slice() else {
            return Err(self.invalid(node, "malformed conditional"));
        };
        let mut reached = depth;
        for (operand, may_chain) in [(condition, true), (if_true, false), (if_false, true)] {
            match sole_conditional(*operand).filter(|_| may_chain) {
                Some(inner) => {
                    let inner_depth = self.enter(inner, depth)?;
                    reached =
                        reached.max(self.flatten_conditional(inner, inner_depth, operands)?);
                }
                None => operands.push(*operand),
            }
        }
        Ok(reached)
    }

    /// An operator chain such as `-a.b * c + d`, read flat and rebuilt with HCL's
    /// precedence. tree-sitter-hcl binds `.name` and `[i]` after an operation to the
    /// whole operation (`a || var.x` reads as `(a || var).x`), so its grouping cannot
    /// be kept.
    fn operator_chain(
        &self,
        parent: Node<'_>,
        parts: &[Node<'_>],
        depth: usize,
    ) -> Result<Expr, Invalid> {
        let mut items = Vec::new();
        self.flatten_operations(parts, depth, &mut items)?;
        let mut chain = OperatorChain {
            converter: self,
            parent,
            items: &items,
            next: 0,
        };
        let expr = chain.binary(1, depth)?;
        match items.get(chain.next) {
            None => Ok(expr),
            Some(extra) => Err(self.invalid(*extra, "unexpected part of an expression")),
        }
    }

    /// Replaces every operation node in `parts` by its children, recursively.
    fn flatten_operations<'t>(
        &self,
        parts: &[Node<'t>],
        depth: usize,
        items: &mut Vec<Node<'t>>,
    ) -> Result<(), Invalid> {
        for part in parts {
            if part.kind() == "operation" {
                self.flatten_operations(&children(*part), depth, items)?;
            } else if matches!(part.kind(), "unary_operation" | "binary_operation") {
                let depth = self.enter(*part, depth)?;
                self.flatten_operations(&children(*part), depth, items)?;
            } else {
                items.push(*part);
            }
        }
        Ok(())
    }

    /// A quoted template. One whose only interpolations are ones hcl-edit reads as
    /// escaped (see [`Converter::is_escaped`]) is a plain string to hcl-edit.
    fn quoted_template(&self, node: Node<'_>, depth: usize) -> Result<ExprKind, Invalid> {
        let parts = self.template_parts(node, depth)?;
        let has_directive = child_of_kind(node, "template_directive").is_some();
        if parts.is_empty() && !has_directive {
            return Ok(ExprKind::String(self.string_value(node)));
        }
        Ok(ExprKind::Template(parts))
    }

    /// The interpolated expressions of a template. Directives are left out with
    /// everything inside them, as hcl-edit's converter does.
    fn template_parts(&self, node: Node<'_>, depth: usize) -> Result<Vec<Expr>, Invalid> {
        children(node)
            .into_iter()
            .filter(|child| child.kind() == "template_interpolation" && !self.is_escaped(*child))
            .filter_map(|interpolation| child_of_kind(interpolation, "expression"))
            .map(|expr| self.expression(expr, depth))
            .collect()
    }

    /// Whether hcl-edit reads the `${` of `interpolation` as the end of an escaped
    /// `$${`. In `$$${x}`, tree-sitter pairs the first two dollars and sees `${x}`;
    /// hcl-edit reads `$` followed by the escape `$${`, so `x}` is literal text.
    fn is_escaped(&self, interpolation: Node<'_>) -> bool {
        let before = self
            .text
            .get(..interpolation.start_byte())
            .unwrap_or_default();
        let dollars = before.len() - before.trim_end_matches('$').len();
        dollars >= 2
    }

    /// The unescaped text of a `string_lit` node. It is read between the quotes: the
    /// `template_literal` node leaves out spaces at either end.
    fn string_value(&self, node: Node<'_>) -> String {
        let parts = children(node);
        let (Some(open), Some(close)) = (parts.first(), parts.last()) else {
            return String::new();
        };
        let raw = self.text.get(open.end_byte()..close.start_byte());
        unescape(raw.unwrap_or_default())
    }
}

/// The items of a flattened operator chain and the parser that rebuilds it: prefix
/// operators, terms with their traversal steps, and binary operators.
struct OperatorChain<'c, 's, 'n, 't> {
    converter: &'c Converter<'s>,
    parent: Node<'t>,
    items: &'n [Node<'t>],
    next: usize,
}

impl<'t> OperatorChain<'_, '_, '_, 't> {
    /// Operations binding at least as tightly as `min_precedence`, left-associative.
    /// The recursion goes one level per precedence level, at most six deep; longer
    /// chains build their tree in the loop.
    fn binary(&mut self, min_precedence: u8, depth: usize) -> Result<Expr, Invalid> {
        let mut lhs = self.unary(depth)?;
        while let Some((operator, precedence)) = self.peek_operator() {
            if precedence < min_precedence {
                break;
            }
            self.next += 1;
            let depth = self.converter.enter(operator, depth)?;
            let rhs = self.binary(precedence + 1, depth)?;
            let span = lhs.span.start..rhs.span.end;
            lhs = other(vec![lhs, rhs], span);
        }
        Ok(lhs)
    }

    /// The binary operator at the cursor and its precedence, as hcl-edit ranks them.
    fn peek_operator(&self) -> Option<(Node<'t>, u8)> {
        let item = *self.items.get(self.next)?;
        let precedence = match item.kind() {
            "*" | "/" | "%" => 6,
            "+" | "-" => 5,
            ">" | ">=" | "<" | "<=" => 4,
            "==" | "!=" => 3,
            "&&" => 2,
            "||" => 1,
            _ => return None,
        };
        Some((item, precedence))
    }

    /// A term, possibly under prefix operators. As in hcl-edit, a minus sign followed
    /// on the same line by a number is a negative number, not an operation.
    fn unary(&mut self, depth: usize) -> Result<Expr, Invalid> {
        let Some(first) = self.items.get(self.next).copied() else {
            return Err(self.converter.invalid(self.parent, "missing operand"));
        };
        if !matches!(first.kind(), "-" | "!") {
            return self.term(depth);
        }
        self.next += 1;
        let depth = self.converter.enter(first, depth)?;
        if let Some(number) = self.negative_number(first) {
            return Ok(number);
        }
        let operand = self.unary(depth)?;
        let span = first.start_byte()..operand.span.end;
        Ok(other(vec![operand], span))
    }

    fn term(&mut self, depth: usize) -> Result<Expr, Invalid> {
        let rest = &self.items[self.next..];
        let (expr, left) = self.converter.term(self.parent, rest, depth)?;
        self.next += rest.len() - left.len();
        Ok(expr)
    }

    /// `-1` and the traversal steps after it, when `minus` is followed by a number.
    fn negative_number(&mut self, minus: Node<'_>) -> Option<Expr> {
        let literal = self.items.get(self.next)?;
        let number = child_of_kind(*literal, "numeric_lit")?;
        let gap = self
            .converter
            .text
            .get(minus.end_byte()..number.start_byte())?;
        if minus.kind() != "-" || gap.contains('\n') {
            return None;
        }
        self.next += 1;
        let steps = self.items[self.next..]
            .iter()
            .take_while(|node| is_traversal_step(node))
            .count();
        let number = Expr {
            kind: ExprKind::Number(normalize_number(self.converter.text_of(number), true)),
            span: minus.start_byte()..number.end_byte(),
        };
        let steps = &self.items[self.next..self.next + steps];
        self.next += steps.len();
        Some(self.converter.traversal(number, steps))
    }
}

/// The conditional an `expression` node consists of, if that is all it holds.
fn sole_conditional(expression: Node<'_>) -> Option<Node<'_>> {
    match children(expression).as_slice() {
        [only] if only.kind() == "conditional" => Some(*only),
        _ => None,
    }
}

fn other(parts: Vec<Expr>, span: Range<usize>) -> Expr {
    Expr {
        kind: ExprKind::Other(parts),
        span,
    }
}

/// A number the way hcl-edit's converter writes it: integers as integers, anything with
/// a fraction or exponent through `f64`. Forms hcl-edit cannot read (tree-sitter also
/// accepts `0x1F`) stay as written.
fn normalize_number(written: &str, negative: bool) -> String {
    let number = if written.contains(['.', 'e', 'E']) {
        written
            .parse::<f64>()
            .ok()
            .and_then(hcl_edit::Number::from_f64)
    } else if let Ok(integer) = written.parse::<u64>() {
        Some(hcl_edit::Number::from(integer))
    } else {
        written
            .parse::<f64>()
            .ok()
            .and_then(hcl_edit::Number::from_f64)
    };
    match (number, negative) {
        (Some(number), true) => (-number).to_string(),
        (Some(number), false) => number.to_string(),
        (None, true) => format!("-{written}"),
        (None, false) => written.to_string(),
    }
}

/// Resolves the escapes of a quoted string: `\n`, `\"`, `\u00e9`, `$${`, `%%{`...
/// The tree-sitter scanner has already refused malformed escapes.
fn unescape(raw: &str) -> String {
    let mut value = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(['\\', '$', '%']) {
        value.push_str(&rest[..at]);
        rest = &rest[at..];
        let (resolved, used) = unescape_one(rest);
        value.push_str(&resolved);
        rest = &rest[used..];
    }
    value.push_str(rest);
    value
}

/// The text the escape at the start of `rest` stands for, and how many bytes it uses.
fn unescape_one(rest: &str) -> (String, usize) {
    if rest.starts_with("$${") || rest.starts_with("%%{") {
        return (rest[1..3].to_string(), 3);
    }
    let mut chars = rest.chars();
    let first = chars.next().unwrap_or_default();
    if first != '\\' {
        return (first.to_string(), first.len_utf8());
    }
    let simple = match chars.next() {
        Some('n') => '\n',
        Some('r') => '\r',
        Some('t') => '\t',
        Some('u') => return unicode_escape(rest, 4),
        Some('U') => return unicode_escape(rest, 8),
        Some(other) => other,
        None => return ("\\".to_string(), 1),
    };
    (simple.to_string(), 1 + simple.len_utf8())
}

/// `\uXXXX` or `\UXXXXXXXX` at the start of `rest`.
fn unicode_escape(rest: &str, digits: usize) -> (String, usize) {
    let decoded = rest
        .get(2..2 + digits)
        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        .and_then(char::from_u32);
    match decoded {
        Some(decoded) => (decoded.to_string(), 2 + digits),
        None => (rest[..2].to_string(), 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::convert_body;
    use crate::source::SourceFile;
    use crate::Parser;

    /// The model hcl-edit's converter gives, or `None` when hcl-edit rejects `text`.
    fn hcl_edit_model(text: &str) -> Option<Body> {
        let body = hcl_edit::parser::parse_body(text).ok()?;
        Some(convert_body(&body, text))
    }

    /// How the tree-sitter model of `text` differs from hcl-edit's, if it does.
    fn model_difference(text: &str) -> Option<String> {
        let expected = hcl_edit_model(text)?;
        match parse(text) {
            Ok(actual) if actual == expected => None,
            Ok(actual) => Some(format!(
                "{text:?}\n  tree-sitter: {actual:?}\n  hcl-edit:    {expected:?}"
            )),
            Err(error) => Some(format!("{text:?}\n  tree-sitter rejects it: {error}")),
        }
    }

    const SNIPPETS: &[&str] = &[
        "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n",
        "terraform {\n  backend s3 {\n    key = \"a\"\n  }\n}\n",
        "locals { a = 1 }\n",
        "module \"m\" { source = \"./m\" }\nlocals {}\n",
        "resource \"a\" \"b\" {\r\n  x = 1\r\n  y {\r\n    z = true\r\n  }\r\n}\r\n",
        "# leading\nlocals {\n  // one\n  a = /* inline */ 1 # trailing\n  /* block */\n}\n",
        "a = null\nb = false\nc = 1.50\nd = 42\ne = 1.5e3\nf = -7\ng = - 2.5\n",
        "a = \"plain\"\nb = \"esc \\\"q\\\" \\\\ \\n \\t \\u00e9 $${x} %%{y}\"\nc = \"\"\n",
        "a = \"x-${var.y}-${local.z[0]}\"\nb = \"%{ if var.c }yes%{ endif }\"\n",
        "a = \"$$${x}\"\nb = \"$$$${y}\"\nc = \"$$${x}${y}\"\nd = <<EOT\n$$${z}\nEOT\n",
        "a = <<EOT\nplain\nEOT\nb = <<-EOT\n  hello ${var.name}\n  EOT\n",
        "a = <<EOT\r\nline ${x}\r\nEOT\r\n",
        "a = { k = 1, \"q\" = 2, (var.k) = 3 }\nb = {\n  x = var.y\n  z: 4\n}\n",
        "a = []\nb = [1, \"two\", var.three,]\nc = [\n  [1],\n  { x = 1 },\n]\n",
        "a = var.x[0].y\nb = aws_s3_bucket.logs[*].id\nc = var.list.*.name\nd = a.0.b\n",
        "a = data.aws_iam_policy_document.p.json\nb = var.m[\"key\"]\n",
        "a = length(var.x)\nb = merge(var.a, { x = 1 }, local.b...)\nc = timestamp()\n",
        "a = f(x)[0].y\nb = (var.a).b\nc = [1, 2][0]\n",
        "a = var.c ? 1 : 2\nb = var.x == \"\" ? null : var.x\n",
        "a = var.a ? var.b : var.c ? 1 : 2\n",
        "a = 1 + 2 * 3 - 4 / 5 % 6\nb = !var.x && var.y || var.z\nc = -var.n\n",
        "a = var.a >= 1 && var.b != \"x\"\nb = -var.x.y\nc = !var.flags[0]\n",
        "a = [for s in var.list : upper(s) if s != \"\"]\n",
        "a = { for k, v in var.m : k => v... if v != null }\n",
        "a = [for i, s in var.list : \"${i}-${s}\"]\n",
        "a = (1 + 2) * 3\nb = ((var.x))\n",
        "a = provider::aws::arn_parse(var.arn).region\n",
        "block \"label with spaces\" ident_label {\n}\n",
        "x = 1",
        "",
        "# only a comment\n",
        "a = -1 * 2\nb = !(true)\nc = - -1\nd = -1.5\n",
        "a = { \"${x}\" = 1, null = 2, true = 3, 4 = 5, a-b = 6 }\n",
        "a = <<-EOT\n  ${~ x ~}\n  %{ for s in var.l }${s}%{ endfor }\n  EOT\n",
        "a = \"%{ for s in var.l }${s}%{ endfor }\"\n",
        "a = x[*].b[0].c\nb = x.*.b.c\nc = x[*]\nd = x.*\n",
        "a = f(\n  1,\n  2,\n)\nb = f(var.l...)\n",
        "a = (var.x ? 1 : 2).y\nb = var.a == var.b\nc = 1 < 2 == true\n",
        "a = [for k, v in var.m : k if v]\nb = { for x in var.l : x => x... }\n",
        "a = \"\\\\${x}\"\nb = \"a\\\\\"\nc = \"tab\\there\"\n",
        "a = var.a != null ? var.a : \"x\"\n",
        "a {\n}\nb \"x\" \"y\" {\n  c {}\n}\n",
        "a = 18446744073709551616\nb = 007\nc = 0.1\n",
        "a = x.y[\"k\"].z\nb = x.0\n",
        "a = local.x[0][1]\nb = f()[0]\nc = f().x\n",
        "a = [\n  # c\n  1, // d\n  /* e */ 2\n]\n",
        "a = <<EOT\nEOT\n",
        "a = \"${\"${x}\"}\"\n",
        "a = x -1\nb = x - 1\nc = x-1\n",
        "a = !x.y || !z\n",
    ];

    #[test]
    fn tree_sitter_model_matches_hcl_edit_model() {
        for snippet in SNIPPETS {
            assert!(
                hcl_edit_model(snippet).is_some(),
                "hcl-edit rejects {snippet:?}"
            );
        }
        let differences: Vec<String> = SNIPPETS
            .iter()
            .filter_map(|snippet| model_difference(snippet))
            .collect();
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    /// hcl-edit 0.10 stops at a for-object expression whose value is a conditional
    /// continued on a new line; HCL allows newlines anywhere inside the braces.
    const FOR_OBJECT_CONDITIONAL_ON_NEW_LINE: &str = "locals {
  x = [for s in var.list : s
    if s != \"\"]
  y = { for k, v in var.m : k => v
    ? 1 : 2 }
}
";

    fn source(text: &str) -> SourceFile {
        SourceFile::new("test.tf", text.to_string())
    }

    /// tree-sitter-hcl takes line breaks for whitespace; the converter holds it
    /// to HCL's layout, so the fallback does not accept what neither hcl-edit
    /// nor Terraform reads (the fuzzers found fixes on such text that never
    /// settled or did not parse).
    #[test]
    fn structures_sharing_a_line_are_invalid() {
        let invalid = [
            ("x {\n  a = 1 b = 2\n}\n", (2, 9)),
            ("x {\n  a = \"s\"  y {\n  }\n}\n", (2, 12)),
            ("x {} y {}\n", (1, 6)),
            ("x { a = 1 b = 2 }\n", (1, 5)),
            ("x { y {} }\n", (1, 5)),
            ("x { a = 1\n}\n", (1, 5)),
            ("x {\n  a = 1 }\n", (2, 9)),
        ];
        for (text, (line, column)) in invalid {
            let error = super::parse(text).expect_err(text);
            assert_eq!(
                (error.line, error.column),
                (line, column),
                "{text:?}: {error}"
            );
        }
        let valid = [
            "x {}\n",
            "x { a = 1 }\n",
            "x {\n}\n",
            "x { # why\n  a = 1 # a\n  /* b */\n  b = 2\n}\n",
            "x {\n  a = <<EOT\nhello\nEOT\n}\n",
        ];
        for text in valid {
            assert_eq!(super::parse(text).ok(), hcl_edit_model(text), "{text:?}");
        }
    }

    #[test]
    fn for_object_conditional_on_new_line_falls_back_to_tree_sitter() {
        let text = FOR_OBJECT_CONDITIONAL_ON_NEW_LINE;
        assert!(hcl_edit::parser::parse_body(text).is_err());

        let parsed = crate::parse(&source(text)).expect("tree-sitter reads it");
        assert_eq!(parsed.parser, Parser::TreeSitter);

        // The same text with the line break turned into spaces of the same length
        // is one hcl-edit reads, with the same spans.
        let one_line = text.replace("v\n    ?", "v     ?");
        assert_eq!(Some(parsed.body.clone()), hcl_edit_model(&one_line));

        let locals = parsed
            .body
            .blocks_of("locals")
            .next()
            .expect("locals block");
        let y = locals.body.attribute("y").expect("attribute y");
        assert_eq!(
            &text[y.value.span.clone()],
            "{ for k, v in var.m : k => v\n    ? 1 : 2 }"
        );
        let ExprKind::Other(parts) = &y.value.kind else {
            panic!("a for expression is Other, not {:?}", y.value.kind);
        };
        let texts: Vec<&str> = parts.iter().map(|part| &text[part.span.clone()]).collect();
        assert_eq!(texts, ["var.m", "k", "v\n    ? 1 : 2"]);
    }

    #[test]
    fn unclosed_block_is_invalid_at_end_of_text() {
        let error = parse("resource \"a\" {").expect_err("the block is not closed");
        assert_eq!((error.line, error.column), (1, 15), "{error}");
        assert!(error.message.contains('}'), "{error}");
    }

    #[test]
    fn error_column_counts_characters() {
        let error = parse("a = \"é\"\nb = \"ü\" c\n").expect_err("a stray word");
        assert_eq!((error.line, error.column), (2, 9), "{error}");
    }

    #[test]
    fn top_level_object_is_not_a_body() {
        let error = parse("{ \"a\" = 1 }\n").expect_err("a tfvars object");
        assert_eq!((error.line, error.column), (1, 1), "{error}");
    }

    /// Texts nesting `depth` levels of each construct that recurses.
    fn nested_texts(depth: usize) -> Vec<String> {
        let wrap = |open: &str, inner: &str, close: &str| {
            format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
        };
        vec![
            format!("a = {}", wrap("[", "1", "]")),
            format!("a = {}", wrap("(", "1", ")")),
            format!("a = {}", wrap("{ k = ", "1", " }")),
            format!("a = {}", wrap("f(", "1", ")")),
            format!("a = {}", wrap("\"${", "1", "}\"")),
            format!("a = {}", wrap("[for x in ", "y", " : x]")),
            wrap("b {\n", "", "}\n"),
            format!("a = {}x", "!".repeat(depth)),
            format!("a = {}1", "- ".repeat(depth)),
            format!("a = {}1", "1 + ".repeat(depth)),
            format!("a = {}2", "x ? 1 : ".repeat(depth)),
            format!("a = {}1{}", "x ? ".repeat(depth), " : 3".repeat(depth)),
        ]
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        for text in nested_texts(10_000) {
            // Nested templates stop tree-sitter's scanner first: any error will do.
            assert!(parse(&text).is_err(), "{}", &text[..40]);
            // hcl-edit 0.10 itself overflows on about 100 nested for expressions,
            // before tree-sitter gets the file, so the whole pipeline is checked on
            // the other texts only.
            if !text.contains("[for") {
                let parsed = crate::parse(&source(&text)).map(|parsed| parsed.parser);
                assert!(parsed.is_err(), "{parsed:?} for {}", &text[..40]);
            }
        }
    }

    #[test]
    fn nesting_within_the_limit_is_read() {
        for text in nested_texts(MAX_DEPTH - 8) {
            let result = parse(&text).map(|_| ());
            assert!(result.is_ok(), "{result:?} for {}", &text[..40]);
        }
    }

    /// Every `.tf` file under `dir`, recursively, in a stable order.
    fn terraform_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = entries.flatten().map(|entry| entry.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                terraform_files(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "tf") {
                found.push(path);
            }
        }
    }

    /// Differential run over a corpus: `HEAL_CORPUS=/work/shared/corpus cargo test -p
    /// heal_syntax corpus -- --ignored --nocapture`. Fails when, on a file both parsers
    /// read, the two models differ.
    #[test]
    #[ignore = "reads the corpus named by HEAL_CORPUS"]
    fn corpus_models_match() {
        let corpus = std::env::var("HEAL_CORPUS").expect("HEAL_CORPUS names a directory");
        let mut files = Vec::new();
        terraform_files(std::path::Path::new(&corpus), &mut files);
        let (mut compared, mut only_hcl_edit, mut only_tree_sitter) = (0, 0, 0);
        let mut mismatches = Vec::new();
        for path in &files {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            match (hcl_edit_model(&text), parse(&text)) {
                (Some(expected), Ok(actual)) => {
                    compared += 1;
                    if actual != expected {
                        mismatches.push(first_difference(path, &text, &actual, &expected));
                    }
                }
                (Some(_), Err(error)) => {
                    only_hcl_edit += 1;
                    eprintln!(
                        "{}: only hcl-edit reads it; tree-sitter: {error}",
                        path.display()
                    );
                }
                (None, Ok(_)) => {
                    only_tree_sitter += 1;
                    eprintln!("{}: only tree-sitter reads it", path.display());
                }
                (None, Err(_)) => {}
            }
        }
        for mismatch in &mismatches {
            eprintln!("{mismatch}");
        }
        eprintln!(
            "{} files, {compared} compared, {} mismatches, {only_hcl_edit} read by hcl-edit \
             only, {only_tree_sitter} by tree-sitter only",
            files.len(),
            mismatches.len()
        );
        assert!(mismatches.is_empty());
    }

    /// The smallest part of the two models that differs, for the report.
    fn first_difference(
        path: &std::path::Path,
        text: &str,
        actual: &Body,
        expected: &Body,
    ) -> String {
        let (ours, theirs) = smallest_difference(actual, expected);
        let line = |debug: &str| debug.chars().take(300).collect::<String>();
        format!(
            "{}: models differ\n  tree-sitter: {}\n  hcl-edit:    {}\n  text: {:?}",
            path.display(),
            line(&ours),
            line(&theirs),
            spanned_text(text, &theirs),
        )
    }

    /// The source text of the first span found in a Debug rendering.
    fn spanned_text(text: &str, debug: &str) -> String {
        let span = debug.split("span: ").nth(1).and_then(|rest| {
            let (start, rest) = rest.split_once("..")?;
            let end: String = rest.chars().take_while(char::is_ascii_digit).collect();
            Some(start.parse::<usize>().ok()?..end.parse::<usize>().ok()?)
        });
        span.and_then(|span| text.get(span))
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect()
    }

    fn smallest_difference(actual: &Body, expected: &Body) -> (String, String) {
        let pairs = actual.structures.iter().zip(&expected.structures);
        let Some((ours, theirs)) = pairs.into_iter().find(|(ours, theirs)| ours != theirs) else {
            return (format!("{actual:?}"), format!("{expected:?}"));
        };
        match (ours, theirs) {
            (Structure::Block(ours), Structure::Block(theirs))
                if ours.body != theirs.body && ours.labels == theirs.labels =>
            {
                smallest_difference(&ours.body, &theirs.body)
            }
            (Structure::Attribute(ours), Structure::Attribute(theirs))
                if ours.key == theirs.key =>
            {
                smallest_expr_difference(&ours.value, &theirs.value)
            }
            _ => (format!("{ours:?}"), format!("{theirs:?}")),
        }
    }

    fn smallest_expr_difference(ours: &Expr, theirs: &Expr) -> (String, String) {
        let parts = |expr: &Expr| match &expr.kind {
            ExprKind::Template(parts) | ExprKind::Array(parts) | ExprKind::Other(parts) => {
                Some(parts.clone())
            }
            ExprKind::FuncCall { args, .. } => Some(args.clone()),
            ExprKind::Object(items) => Some(
                items
                    .iter()
                    .flat_map(|item| [item.key.clone(), item.value.clone()])
                    .collect(),
            ),
            _ => None,
        };
        if let (Some(ours_parts), Some(theirs_parts)) = (parts(ours), parts(theirs)) {
            let same_shape = ours.span == theirs.span && ours_parts.len() == theirs_parts.len();
            let differing = ours_parts.iter().zip(&theirs_parts).find(|(a, b)| a != b);
            if let (true, Some((a, b))) = (same_shape, differing) {
                return smallest_expr_difference(a, b);
            }
        }
        (format!("{ours:?}"), format!("{theirs:?}"))
    }
}
