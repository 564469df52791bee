//! A format-preserving view of Terraform / OpenTofu source.
//!
//! heal never re-renders a file. It reads the structure of a file (blocks, attributes,
//! expressions) together with the byte span of every node in the original text, and
//! computes fixes as byte-range edits of that text. This crate provides:
//!
//! - [`SourceFile`]: the text, line index and detected [`Style`] (line ending, indent);
//! - [`parse`]: the structure as a small [`Body`] / [`Block`] / [`Attribute`] /
//!   [`Expr`] tree, read with hcl-edit and, where hcl-edit rejects a file, with the
//!   error-tolerant tree-sitter grammar;
//! - [`Value`]: literal evaluation of expressions;
//! - [`layout`]: where new code goes and how it is aligned, the way `terraform fmt`
//!   would align it.
#![warn(missing_docs)]

pub mod layout;
mod model;
mod parse;
mod source;
mod tree_sitter;
mod value;

pub use model::{Attribute, Block, Body, Expr, ExprKind, ObjectItem, Spanned, Structure};
pub use parse::{parse, parse_strict, ParseError, Parsed, Parser};
pub use source::{LineEnding, Position, SourceFile, Style};
pub use value::Value;
