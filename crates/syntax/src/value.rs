//! Literal values of expressions.

use crate::model::{Expr, ExprKind};

/// The value of an expression that heal can know without evaluating Terraform:
/// literals, and arrays and objects of literals.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, as a float.
    Number(f64),
    /// A string.
    String(String),
    /// An array of known values.
    Array(Vec<Value>),
    /// An object of known values, in source order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The value of `expr`, or `None` when it depends on anything but literals.
    pub fn of(expr: &Expr) -> Option<Value> {
        match &expr.kind {
            ExprKind::Null => Some(Value::Null),
            ExprKind::Bool(value) => Some(Value::Bool(*value)),
            ExprKind::Number(raw) => raw.parse().ok().map(Value::Number),
            ExprKind::String(value) => Some(Value::String(value.clone())),
            ExprKind::Array(items) => items
                .iter()
                .map(Value::of)
                .collect::<Option<_>>()
                .map(Value::Array),
            ExprKind::Object(items) => items
                .iter()
                .map(|item| Some((object_key(&item.key)?, Value::of(&item.value)?)))
                .collect::<Option<_>>()
                .map(Value::Object),
            ExprKind::Template(_)
            | ExprKind::Traversal(_)
            | ExprKind::FuncCall { .. }
            | ExprKind::Other(_) => None,
        }
    }

    /// Whether two values are equal the way Terraform converts them: `"true"` equals
    /// `true` and `"5"` equals `5`, since Terraform converts primitive types freely.
    pub fn loosely_equals(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::String(text), Value::Bool(value))
            | (Value::Bool(value), Value::String(text)) => {
                text.eq_ignore_ascii_case(if *value { "true" } else { "false" })
            }
            (Value::String(text), Value::Number(value))
            | (Value::Number(value), Value::String(text)) => text
                .trim()
                .parse::<f64>()
                .is_ok_and(|parsed| parsed == *value),
            (Value::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.loosely_equals(y))
            }
            _ => self == other,
        }
    }

    /// The string, for a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(value) => Some(value),
            _ => None,
        }
    }
}

fn object_key(key: &Expr) -> Option<String> {
    match &key.kind {
        ExprKind::Traversal(parts) if parts.len() == 1 => Some(parts[0].clone()),
        ExprKind::String(value) => Some(value.clone()),
        _ => None,
    }
}
