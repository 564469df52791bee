//! `.heal.hcl`: a repository's own settings, at its root.
//!
//! ```hcl
//! select        = ["aws-", "gcp-"]   # rules to run: ids or id prefixes
//! ignore        = ["aws-ebs-"]       # rules to skip
//! unsafe_fixes  = false              # also apply unsafe fixes
//! commit_per    = "rule"             # heal fix --commit: rule | file | all
//! group         = "rule"             # heal bot: rule | provider | all
//! branch_prefix = "heal/"            # heal bot's branch names
//!
//! path "modules/legacy/**" {         # files matching the glob, from the root
//!   ignore = ["aws-s3-"]             # skip these rules there ("*": all rules)
//! }
//! ```
//!
//! Command-line flags override the file. An unknown key or a bad value is an
//! error naming the file, the line and what was expected.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use heal_syntax::{Attribute, Block, Body, SourceFile, Structure, Value};

use crate::args::{BotArgs, Command, CommitPer, Group};

/// The file name, at the repository root.
pub const FILE_NAME: &str = ".heal.hcl";

/// The settings of one `.heal.hcl`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Rules to run; empty for all.
    pub select: Vec<String>,
    /// Rules to skip.
    pub ignore: Vec<String>,
    /// Whether to apply unsafe fixes.
    pub unsafe_fixes: Option<bool>,
    /// How `heal fix --commit` splits commits.
    pub commit_per: Option<CommitPer>,
    /// How `heal bot` groups rules into branches.
    pub group: Option<Group>,
    /// The prefix of `heal bot`'s branches.
    pub branch_prefix: Option<String>,
    /// Rules skipped under some paths.
    pub paths: Vec<PathRule>,
    /// The directory paths are relative to (the repository root).
    pub root: PathBuf,
}

/// `path "<glob>" { ignore = [...] }`.
#[derive(Debug, Clone)]
pub struct PathRule {
    /// The glob, relative to the root: `*` within a segment, `**` any segments.
    pub glob: String,
    /// Rule ids or prefixes skipped there; `*` for every rule.
    pub ignore: Vec<String>,
}

/// A mistake in `.heal.hcl`.
#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

static ACTIVE: OnceLock<Config> = OnceLock::new();

/// The configuration of this run (empty when there is no `.heal.hcl`).
pub fn active() -> &'static Config {
    ACTIVE.get_or_init(Config::default)
}

/// Reads `.heal.hcl` from the root of the repository containing the current
/// directory (else the current directory), and merges it into `command` where
/// no flag was given.
pub fn load_and_apply(command: &mut Command) -> anyhow::Result<()> {
    if matches!(command, Command::Rules(_)) {
        return Ok(());
    }
    let Some(config) = load_from_disk()? else {
        return Ok(());
    };
    apply(&config, command);
    let _ = ACTIVE.set(config);
    Ok(())
}

fn load_from_disk() -> anyhow::Result<Option<Config>> {
    let current = std::env::current_dir()?;
    let root = work_tree_root(&current).unwrap_or(current);
    let path = root.join(FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(parse(&path, &text, &root)?)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(anyhow::anyhow!("{}: cannot read: {error}", path.display())),
    }
}

/// The nearest directory at or above `dir` that holds `.git` (a directory, or
/// the file of a linked work tree). Looking for it directly, rather than through
/// libgit2, keeps `heal check` from paying libgit2's start-up (it loads every CA
/// certificate of the system: two thirds of a one-file run).
pub fn work_tree_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|ancestor| ancestor.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Fills in what the command line left unset.
pub fn apply(config: &Config, command: &mut Command) {
    let selection = |select: &mut Vec<String>, ignore: &mut Vec<String>| {
        if select.is_empty() {
            select.clone_from(&config.select);
        }
        if ignore.is_empty() {
            ignore.clone_from(&config.ignore);
        }
    };
    match command {
        Command::Check(args) => selection(&mut args.selection.select, &mut args.selection.ignore),
        Command::Fix(args) => {
            selection(&mut args.selection.select, &mut args.selection.ignore);
            args.unsafe_fixes |= config.unsafe_fixes.unwrap_or(false);
            args.commit_per = args.commit_per.or(config.commit_per);
        }
        Command::Bot(args) => apply_to_bot(config, args),
        Command::Rules(_) => {}
    }
}

/// Fills in what `heal bot`'s command line left unset.
pub fn apply_to_bot(config: &Config, args: &mut BotArgs) {
    if args.select.is_empty() {
        args.select.clone_from(&config.select);
    }
    if args.ignore.is_empty() {
        args.ignore.clone_from(&config.ignore);
    }
    args.unsafe_fixes |= config.unsafe_fixes.unwrap_or(false);
    args.group = args.group.or(config.group);
    if args.branch_prefix.is_none() {
        args.branch_prefix.clone_from(&config.branch_prefix);
    }
}

/// Parses the text of a `.heal.hcl` at `path`.
pub fn parse(path: &Path, text: &str, root: &Path) -> Result<Config, ConfigError> {
    let source = SourceFile::new(path, text.to_string());
    let parsed = heal_syntax::parse(&source).map_err(|error| ConfigError {
        path: path.to_path_buf(),
        line: error.line,
        column: error.column,
        message: format!("not valid HCL: {}", error.message),
    })?;
    let reader = Reader { source: &source };
    let mut config = Config {
        root: root.to_path_buf(),
        ..Config::default()
    };
    reader.top_level(&parsed.body, &mut config)?;
    Ok(config)
}

/// Reads settings out of the parsed file, locating every mistake.
struct Reader<'a> {
    source: &'a SourceFile,
}

impl Reader<'_> {
    fn error(&self, offset: usize, message: String) -> ConfigError {
        let position = self.source.position(offset);
        ConfigError {
            path: self.source.path().to_path_buf(),
            line: position.line,
            column: position.column,
            message,
        }
    }

    fn top_level(&self, body: &Body, config: &mut Config) -> Result<(), ConfigError> {
        for structure in &body.structures {
            match structure {
                Structure::Attribute(attribute) => self.setting(attribute, config)?,
                Structure::Block(block) if block.ident.value == "path" => {
                    config.paths.push(self.path_rule(block)?);
                }
                Structure::Block(block) => {
                    return Err(self.error(
                        block.span.start,
                        format!(
                            "unknown block `{}`; expected a setting (select, ignore, \
                             unsafe_fixes, commit_per, group, branch_prefix) or a \
                             `path \"<glob>\" {{ ignore = [...] }}` block",
                            block.ident.value
                        ),
                    ))
                }
            }
        }
        Ok(())
    }

    fn setting(&self, attribute: &Attribute, config: &mut Config) -> Result<(), ConfigError> {
        match attribute.key.value.as_str() {
            "select" => config.select = self.rule_list(attribute)?,
            "ignore" => config.ignore = self.rule_list(attribute)?,
            "unsafe_fixes" => config.unsafe_fixes = Some(self.boolean(attribute)?),
            "commit_per" => {
                config.commit_per =
                    Some(
                        self.choice(attribute, &["rule", "file", "all"], |c| match c {
                            "rule" => CommitPer::Rule,
                            "file" => CommitPer::File,
                            _ => CommitPer::All,
                        })?,
                    )
            }
            "group" => {
                config.group =
                    Some(
                        self.choice(attribute, &["rule", "provider", "all"], |c| match c {
                            "rule" => Group::Rule,
                            "provider" => Group::Provider,
                            _ => Group::All,
                        })?,
                    )
            }
            "branch_prefix" => config.branch_prefix = Some(self.branch_prefix(attribute)?),
            other => {
                return Err(self.error(
                    attribute.key.span.start,
                    format!(
                        "unknown key `{other}`; expected one of select, ignore, unsafe_fixes, \
                         commit_per, group, branch_prefix, or a path block"
                    ),
                ))
            }
        }
        Ok(())
    }

    fn path_rule(&self, block: &Block) -> Result<PathRule, ConfigError> {
        let [glob] = block.labels.as_slice() else {
            return Err(self.error(
                block.span.start,
                "a path block takes one label, the glob: `path \"modules/legacy/**\" { ... }`"
                    .to_string(),
            ));
        };
        let mut ignore = None;
        for structure in &block.body.structures {
            match structure {
                Structure::Attribute(attribute) if attribute.key.value == "ignore" => {
                    ignore = Some(self.rule_list(attribute)?);
                }
                Structure::Attribute(attribute) => {
                    return Err(self.error(
                        attribute.key.span.start,
                        format!(
                            "unknown key `{}` in a path block; expected `ignore`",
                            attribute.key.value
                        ),
                    ))
                }
                Structure::Block(inner) => {
                    return Err(self.error(
                        inner.span.start,
                        "a path block holds only `ignore = [...]`".to_string(),
                    ))
                }
            }
        }
        let ignore = ignore.ok_or_else(|| {
            self.error(
                block.span.start,
                "a path block needs `ignore = [\"<rule id or prefix>\", ...]`".to_string(),
            )
        })?;
        Ok(PathRule {
            glob: glob.value.clone(),
            ignore,
        })
    }

    fn rule_list(&self, attribute: &Attribute) -> Result<Vec<String>, ConfigError> {
        let expected = || {
            self.error(
                attribute.value.span.start,
                format!(
                    "`{}` must be a list of rule ids or prefixes, such as [\"aws-s3-\"]",
                    attribute.key.value
                ),
            )
        };
        let Some(Value::Array(items)) = Value::of(&attribute.value) else {
            return Err(expected());
        };
        items
            .into_iter()
            .map(|item| match item {
                Value::String(text) if !text.is_empty() => Ok(text),
                _ => Err(expected()),
            })
            .collect()
    }

    fn boolean(&self, attribute: &Attribute) -> Result<bool, ConfigError> {
        match Value::of(&attribute.value) {
            Some(Value::Bool(value)) => Ok(value),
            _ => Err(self.error(
                attribute.value.span.start,
                format!("`{}` must be true or false", attribute.key.value),
            )),
        }
    }

    fn choice<T>(
        &self,
        attribute: &Attribute,
        choices: &[&str],
        pick: impl Fn(&str) -> T,
    ) -> Result<T, ConfigError> {
        match Value::of(&attribute.value) {
            Some(Value::String(text)) if choices.contains(&text.as_str()) => Ok(pick(&text)),
            _ => Err(self.error(
                attribute.value.span.start,
                format!(
                    "`{}` must be one of {}",
                    attribute.key.value,
                    choices
                        .iter()
                        .map(|c| format!("\"{c}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    fn branch_prefix(&self, attribute: &Attribute) -> Result<String, ConfigError> {
        let valid = |text: &str| {
            !text.is_empty()
                && git_ref_safe(text)
                && !text.starts_with('/')
                && !text.starts_with("refs/")
        };
        match Value::of(&attribute.value) {
            Some(Value::String(text)) if valid(&text) => Ok(text),
            _ => Err(self.error(
                attribute.value.span.start,
                "`branch_prefix` must be a string usable in a branch name, such as \"heal/\""
                    .to_string(),
            )),
        }
    }
}

/// Whether `text` can be part of a git ref name.
fn git_ref_safe(text: &str) -> bool {
    !text.contains("..")
        && !text.contains("//")
        && !text.contains("@{")
        && !text
            .chars()
            .any(|c| c.is_control() || " ~^:?*[\\".contains(c))
}

impl Config {
    /// The rule ids and prefixes skipped for the file at `relative` (from the
    /// root, `/`-separated).
    pub fn ignored_at(&self, relative: &str) -> Vec<&str> {
        self.paths
            .iter()
            .filter(|rule| glob_matches(&rule.glob, relative))
            .flat_map(|rule| rule.ignore.iter().map(String::as_str))
            .collect()
    }

    /// The rules skipped for the file at `path`: relative to the current
    /// directory on disk, or already relative to the root for a tree read from
    /// git (when the root is empty).
    pub fn ignored_for(&self, path: &Path) -> Vec<&str> {
        if self.paths.is_empty() {
            return Vec::new();
        }
        let relative = if self.root.as_os_str().is_empty() {
            Some(path.to_string_lossy().replace('\\', "/"))
        } else {
            self.relative(path)
        };
        relative.map_or_else(Vec::new, |relative| self.ignored_at(&relative))
    }

    /// The path of `path` relative to the root, `/`-separated, if it is inside.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let absolute = path.canonicalize().ok()?;
        let root = self.root.canonicalize().ok()?;
        let relative = absolute.strip_prefix(root).ok()?;
        Some(relative.to_string_lossy().replace('\\', "/"))
    }
}

/// Whether rule `id` is among `patterns` (ids, prefixes, or `*`).
pub fn rule_matches(patterns: &[&str], id: &str) -> bool {
    patterns
        .iter()
        .any(|pattern| *pattern == "*" || id.starts_with(pattern))
}

/// Glob matching on `/`-separated paths: `**` matches any number of segments,
/// `*` any characters within a segment, `?` one character.
pub fn glob_matches(glob: &str, path: &str) -> bool {
    let pattern: Vec<&str> = glob.trim_start_matches("./").split('/').collect();
    let segments: Vec<&str> = path.split('/').collect();
    segments_match(&pattern, &segments)
}

fn segments_match(pattern: &[&str], segments: &[&str]) -> bool {
    match pattern.split_first() {
        None => segments.is_empty(),
        Some((&"**", rest)) => {
            (0..=segments.len()).any(|skip| segments_match(rest, &segments[skip..]))
        }
        Some((first, rest)) => segments.split_first().is_some_and(|(segment, others)| {
            segment_matches(first.as_bytes(), segment.as_bytes()) && segments_match(rest, others)
        }),
    }
}

fn segment_matches(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| segment_matches(rest, &text[skip..])),
        Some((b'?', rest)) => !text.is_empty() && segment_matches(rest, &text[1..]),
        Some((c, rest)) => text.first() == Some(c) && segment_matches(rest, &text[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new(".heal.hcl"), text, Path::new("."))
    }

    #[test]
    fn reads_every_setting() {
        let config = parse_text(
            "select = [\"aws-\"]\nignore = [\"aws-ebs-\"]\nunsafe_fixes = true\n\
             commit_per = \"file\"\ngroup = \"provider\"\nbranch_prefix = \"sec/\"\n\
             path \"legacy/**\" {\n  ignore = [\"*\"]\n}\n",
        )
        .unwrap();
        assert_eq!(config.select, ["aws-"]);
        assert_eq!(config.ignore, ["aws-ebs-"]);
        assert_eq!(config.unsafe_fixes, Some(true));
        assert_eq!(config.commit_per, Some(CommitPer::File));
        assert_eq!(config.group, Some(Group::Provider));
        assert_eq!(config.branch_prefix.as_deref(), Some("sec/"));
        assert_eq!(config.ignored_at("legacy/a/main.tf"), ["*"]);
        assert!(config.ignored_at("main.tf").is_empty());
    }

    #[test]
    fn unknown_keys_and_bad_values_name_file_line_and_expectation() {
        let error = parse_text("select = [\"aws-\"]\nunsafe = true\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(
            error
                .to_string()
                .starts_with(".heal.hcl:2:1: unknown key `unsafe`"),
            "{error}"
        );

        let error = parse_text("\ngroup = \"team\"\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 9));
        assert!(
            error.message.contains("\"rule\", \"provider\", \"all\""),
            "{error}"
        );

        let error = parse_text("unsafe_fixes = \"yes\"\n").unwrap_err();
        assert!(error.message.contains("true or false"), "{error}");

        let error = parse_text("path \"x/**\" {\n  select = []\n}\n").unwrap_err();
        assert_eq!(error.line, 2);

        let error = parse_text("branch_prefix = \"a b\"\n").unwrap_err();
        assert!(error.message.contains("branch name"), "{error}");
    }

    #[test]
    fn globs_match_segments() {
        assert!(glob_matches("modules/**", "modules/a/b.tf"));
        assert!(glob_matches("**/legacy/*.tf", "x/y/legacy/main.tf"));
        assert!(glob_matches("*.tf", "main.tf"));
        assert!(!glob_matches("*.tf", "a/main.tf"));
        assert!(!glob_matches("modules/*", "modules/a/b.tf"));
    }
}
