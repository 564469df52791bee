//! Building a fix from intentions ("set this attribute", "add this block") instead
//! of offsets.

use std::collections::BTreeSet;
use std::ops::Range;

use heal_patch::{apply_edits, Applicability, Edit, EditError, Fix};

use super::{align, Snippet};
use crate::model::{line_after_comments, Attribute, Block};
use crate::source::SourceFile;

/// Collects the edits of one fix against a file, then aligns what they touch.
#[derive(Debug)]
pub struct FixBuilder<'a> {
    file: &'a SourceFile,
    edits: Vec<Edit>,
}

impl<'a> FixBuilder<'a> {
    /// Starts an empty fix for `file`.
    pub fn new(file: &'a SourceFile) -> FixBuilder<'a> {
        FixBuilder {
            file,
            edits: Vec::new(),
        }
    }

    /// Adds a raw edit.
    pub fn edit(&mut self, edit: Edit) -> &mut Self {
        self.edits.push(edit);
        self
    }

    /// Replaces the value of `attribute` with `value` (HCL text). Whatever follows
    /// the value on its line, a comment for instance, stays.
    pub fn replace_value(&mut self, attribute: &Attribute, value: &str) -> &mut Self {
        self.edit(Edit::replace(attribute.value.span.clone(), value))
    }

    /// Renames `attribute`, keeping its value.
    pub fn rename(&mut self, attribute: &Attribute, key: &str) -> &mut Self {
        self.edit(Edit::replace(attribute.key.span.clone(), key))
    }

    /// Adds the attributes and blocks of `snippet` to the body of `block`:
    /// attributes after the last attribute already there (so they join its group),
    /// blocks at the end of the body. A one-line block is expanded first, since HCL
    /// allows a single argument in a one-line block.
    pub fn insert_into(&mut self, block: &Block, snippet: &Snippet) -> &mut Self {
        if snippet.is_empty() {
            return self;
        }
        let text = self.file.text();
        if block.is_single_line(text) {
            return self.expand_single_line(block, snippet);
        }

        let eol = self.file.style().line_ending.as_str();
        let indent = self.body_indent(block);
        let (attributes, blocks) = snippet.split();

        if !attributes.is_empty() {
            let after = match block.body.attributes().last() {
                Some(last) => last.value.span.end,
                None => block.open_brace + 1,
            };
            let mut rendered = String::new();
            for (key, value) in attributes.attributes() {
                rendered.push_str(&format!("{indent}{key} = {value}{eol}"));
            }
            // The next line, unless it starts inside a comment that opens on this
            // one; without such a line before the closing brace, the brace shares
            // the line: go before it on a line of its own.
            let Some(at) = line_after_comments(text, after, block.close_brace) else {
                return self.insert_before_brace(block, &rendered);
            };
            // Separate from a block that would otherwise follow without a blank line
            // only when attributes were not there before: keep it simple and compact.
            self.edits.push(Edit::insert(at, rendered));
        }

        if !blocks.is_empty() {
            let unit = self.local_unit(block, &indent);
            let depth_prefix = indent.clone();
            let rendered = render_at(&blocks, &unit, &depth_prefix, eol);
            let needs_gap = !block.body.structures.is_empty() || !attributes.is_empty();
            let gap = if needs_gap { eol } else { "" };
            let close_line = self.file.line_index(block.close_brace);
            let close_line_start = self.file.line_range(close_line).start;
            let before_brace = text.get(close_line_start..block.close_brace).unwrap_or("");
            if before_brace.trim().is_empty() {
                self.edits
                    .push(Edit::insert(close_line_start, format!("{gap}{rendered}")));
            } else {
                let outer = self.line_indent(block.span.start);
                self.edits.push(Edit::insert(
                    block.close_brace,
                    format!("{eol}{gap}{rendered}{outer}"),
                ));
            }
        }
        self
    }

    /// Inserts `snippet` (top-level blocks, typically a companion resource) after
    /// `block`, separated by a blank line.
    pub fn insert_after(&mut self, block: &Block, snippet: &Snippet) -> &mut Self {
        let eol = self.file.style().line_ending.as_str();
        let unit = self.file.style().indent.clone();
        let outer = self.line_indent(block.span.start);
        let rendered = render_at(snippet, &unit, &outer, eol);
        let text = self.file.text();
        let end = block.span.end;
        let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
        if line_end == text.len() {
            // The block closes the file, with or without a final newline.
            let rendered = rendered.strip_suffix(eol).unwrap_or(&rendered);
            self.edits
                .push(Edit::insert(text.len(), format!("{eol}{eol}{rendered}")));
            if !text.ends_with('\n') {
                return self;
            }
            // Keep exactly one final newline: insert before it instead.
            let last = self
                .edits
                .pop()
                .map(|edit| edit.content)
                .unwrap_or_default();
            let before_final = text.len() - eol.len();
            self.edits.push(Edit::insert(before_final, last));
            return self;
        }
        self.edits
            .push(Edit::insert(line_end + 1, format!("{eol}{rendered}")));
        self
    }

    /// Builds the fix, or, when its edits cannot form one, reports why at debug
    /// level and offers none: the finding stays, without a fix.
    pub fn offer(self, applicability: Applicability) -> Option<Fix> {
        let path = self.file.path().display().to_string();
        self.build(applicability)
            .inspect_err(|error| log::debug!("{path}: fix not offered: {error}"))
            .ok()
    }

    /// Builds the fix, aligning the lines it touches the way `terraform fmt` would.
    pub fn build(self, applicability: Applicability) -> Result<Fix, EditError> {
        let aligned = aligned_edits(self.file, self.edits)?;
        Fix::new(aligned, applicability)
    }

    fn expand_single_line(&mut self, block: &Block, snippet: &Snippet) -> &mut Self {
        let text = self.file.text();
        let eol = self.file.style().line_ending.as_str();
        let unit = self.file.style().indent.clone();
        let outer = self.line_indent(block.span.start);
        let inner = format!("{outer}{unit}");
        let Some(existing) = text.get(block.open_brace + 1..block.close_brace) else {
            return self;
        };
        let existing = existing.trim();
        let (attributes, blocks) = snippet.split();

        let mut body = String::from(eol);
        if !existing.is_empty() {
            body.push_str(&format!("{inner}{existing}{eol}"));
        }
        for (key, value) in attributes.attributes() {
            body.push_str(&format!("{inner}{key} = {value}{eol}"));
        }
        if !blocks.is_empty() {
            if body.len() > eol.len() {
                body.push_str(eol);
            }
            body.push_str(&render_at(&blocks, &unit, &inner, eol));
        }
        body.push_str(&outer);
        self.edits
            .push(Edit::replace(block.open_brace + 1..block.close_brace, body));
        self
    }

    fn insert_before_brace(&mut self, block: &Block, rendered: &str) -> &mut Self {
        let eol = self.file.style().line_ending.as_str();
        let outer = self.line_indent(block.span.start);
        let rendered = rendered.strip_suffix(eol).unwrap_or(rendered);
        self.edits.push(Edit::insert(
            block.close_brace,
            format!("{eol}{rendered}{eol}{outer}"),
        ));
        self
    }

    /// One level of indentation as this block shows it (its body's indentation
    /// minus its own), or the file's unit when the block does not show it.
    fn local_unit(&self, block: &Block, body_indent: &str) -> String {
        let outer = self.line_indent(block.span.start);
        match body_indent.strip_prefix(outer.as_str()) {
            Some(unit) if !unit.is_empty() => unit.to_string(),
            _ => self.file.style().indent.clone(),
        }
    }

    /// The indentation of the line holding `offset`.
    fn line_indent(&self, offset: usize) -> String {
        let line = self.file.line(self.file.line_index(offset));
        line[..line.len() - line.trim_start_matches([' ', '\t']).len()].to_string()
    }

    /// The indentation of the block's body: that of its first entry, or one unit
    /// more than the block's own line.
    fn body_indent(&self, block: &Block) -> String {
        if let Some(first) = block.body.structures.first() {
            let start = match first {
                crate::model::Structure::Attribute(attribute) => attribute.key.span.start,
                crate::model::Structure::Block(block) => block.span.start,
            };
            let line_start = self.file.line_range(self.file.line_index(start)).start;
            let prefix = &self.file.text()[line_start..start];
            if prefix.trim().is_empty() {
                return prefix.to_string();
            }
        }
        format!(
            "{}{}",
            self.line_indent(block.span.start),
            self.file.style().indent
        )
    }
}

/// Renders `snippet` with every line prefixed by `prefix`.
fn render_at(snippet: &Snippet, unit: &str, prefix: &str, eol: &str) -> String {
    let rendered = snippet.render(unit, 0, eol);
    let mut out = String::with_capacity(rendered.len() + prefix.len() * 8);
    for line in rendered.split_inclusive('\n') {
        if line.trim().is_empty() {
            out.push_str(line);
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
    out
}

/// Adds to `edits` the whitespace changes that keep the touched lines aligned, and
/// returns the whole set in the original text's coordinates.
///
/// Only a window of lines around the edits is read: alignment chains never cross a
/// line without `=` or a comment, so the window runs between two such lines. The
/// cost of a fix is then that of its neighbourhood, not of its file.
fn aligned_edits(file: &SourceFile, mut edits: Vec<Edit>) -> Result<Vec<Edit>, EditError> {
    let original = file.text();
    if edits.is_empty() {
        return Ok(edits);
    }
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    if let Some(bad) = edits
        .iter()
        .find(|edit| edit.range.start > edit.range.end || edit.range.end > original.len())
    {
        return Err(EditError::OutOfBounds {
            range: bad.range.clone(),
        });
    }
    let first = edits[0].range.start;
    let last = edits
        .iter()
        .map(|edit| edit.range.end)
        .max()
        .unwrap_or(first);
    let window = window_around(file, first, last);
    let Some(window_text) = original.get(window.clone()) else {
        return Err(EditError::OutOfBounds { range: window });
    };
    let local: Vec<Edit> = edits
        .iter()
        .map(|edit| {
            let range = edit.range.start - window.start..edit.range.end - window.start;
            Edit::replace(range, edit.content.clone())
        })
        .collect();
    let new_text = apply_edits(window_text, &local)?;

    // Where each edit's replacement lands in the new window.
    let mut placed = Vec::with_capacity(local.len());
    let mut delta: isize = 0;
    for edit in &local {
        let start = (edit.range.start as isize + delta) as usize;
        placed.push(start..start + edit.content.len());
        delta += edit.content.len() as isize - edit.range.len() as isize;
    }

    let touched = touched_lines(&new_text, &placed);
    let mut alignment = align(&new_text, &touched);

    let mut extra = Vec::new();
    // Apply in reverse so offsets inside one replacement stay valid.
    alignment.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
    for edit in alignment {
        match locate(&placed, &local, &edit.range) {
            Location::Inside(index) => {
                let base = placed[index].start;
                let range = edit.range.start - base..edit.range.end - base;
                edits[index].content.replace_range(range, &edit.content);
            }
            Location::Between(shift) => {
                let start = (edit.range.start as isize - shift) as usize + window.start;
                let end = (edit.range.end as isize - shift) as usize + window.start;
                extra.push(Edit::replace(start..end, edit.content));
            }
            Location::Straddling => {
                log::debug!(
                    "alignment edit {:?} straddles a fix edit; skipped",
                    edit.range
                );
            }
        }
    }
    edits.extend(extra);
    Ok(edits)
}

/// The bytes from the last alignment boundary before `start` to the first one
/// after `end` (see [`super::lines::LineCells::is_boundary`]).
fn window_around(file: &SourceFile, start: usize, end: usize) -> Range<usize> {
    let cells = file.cells();
    if cells.is_empty() {
        return 0..file.text().len();
    }
    let mut low = file.line_index(start).min(cells.len() - 1);
    while low > 0 {
        low -= 1;
        if cells[low].is_boundary() {
            break;
        }
    }
    let mut high = file.line_index(end).min(cells.len() - 1);
    while high + 1 < cells.len() {
        high += 1;
        if cells[high].is_boundary() {
            break;
        }
    }
    let window_end = cells
        .get(high + 1)
        .map_or(file.text().len(), |next| next.start);
    cells[low].start..window_end
}

enum Location {
    /// Inside the replacement of edit `n`.
    Inside(usize),
    /// In unchanged text; subtract this from new offsets to get original ones.
    Between(isize),
    Straddling,
}

fn locate(placed: &[Range<usize>], edits: &[Edit], range: &Range<usize>) -> Location {
    let mut shift: isize = 0;
    for (index, span) in placed.iter().enumerate() {
        if range.end <= span.start {
            return Location::Between(shift);
        }
        if range.start >= span.start && range.end <= span.end && !span.is_empty() {
            return Location::Inside(index);
        }
        if range.start < span.end {
            return Location::Straddling;
        }
        // Past this edit, new offsets run ahead of original ones by this much.
        shift = span.end as isize - edits[index].range.end as isize;
    }
    Location::Between(shift)
}

/// The lines of `text` that the placed replacements cover.
fn touched_lines(text: &str, placed: &[Range<usize>]) -> BTreeSet<usize> {
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset) - 1;
    let mut touched = BTreeSet::new();
    for span in placed {
        let first = line_of(span.start);
        // A replacement ending with a newline does not touch the next line.
        let last_offset = if span.end > span.start && text.as_bytes()[span.end - 1] == b'\n' {
            span.end - 1
        } else {
            span.end
        };
        let last = line_of(last_offset.max(span.start));
        touched.extend(first..=last);
    }
    touched
}
