//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Finds security misconfigurations in Terraform / OpenTofu code and fixes them
/// with minimal, format-preserving patches.
#[derive(Debug, Parser)]
#[command(name = "heal", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Print debug logs (-v) or trace logs (-vv) to stderr.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// Print only findings and errors, no summary.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report misconfigurations; change nothing.
    Check(CheckArgs),
    /// Fix misconfigurations in place (or print the diff with --diff).
    Fix(FixArgs),
    /// List the rules, or show one rule's documentation.
    Rules(RulesArgs),
}

/// Which files and rules a run covers.
#[derive(Debug, Args)]
pub struct Selection {
    /// Files or directories to look at; directories are walked for `*.tf`,
    /// honouring .gitignore and skipping `.terraform/`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Only these rules: ids or id prefixes, comma-separated (`aws-s3-,gcp-`).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,

    /// Skip these rules: ids or id prefixes, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub selection: Selection,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    #[command(flatten)]
    pub selection: Selection,

    /// Also apply fixes that change behaviour (making a resource private, forcing
    /// a replacement). Review them before applying.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of the fixes instead of writing them.
    #[arg(long)]
    pub diff: bool,

    /// Write the fixes as a patch to FILE (paths relative to the repository
    /// root, for `git apply` or `patch -p1`) and change no other file.
    #[arg(long, value_name = "FILE", conflicts_with = "diff")]
    pub patch: Option<PathBuf>,

    /// Commit the fixes on the current branch (refuses files with changes of
    /// yours).
    #[arg(long, conflicts_with_all = ["diff", "patch"])]
    pub commit: bool,

    /// With --commit: one commit per rule, per file, or one for all.
    #[arg(long, value_enum, default_value_t = CommitPer::Rule, requires = "commit")]
    pub commit_per: CommitPer,

    /// With --commit: the author, as "Name <email>" (default: git config).
    #[arg(long, value_name = "NAME <EMAIL>", requires = "commit")]
    pub author: Option<String>,

    /// With --commit: the committer (default: --author, else git config).
    #[arg(long, value_name = "NAME <EMAIL>", requires = "commit")]
    pub committer: Option<String>,
}

/// How fixes are split into commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CommitPer {
    /// One commit per rule.
    Rule,
    /// One commit per changed file.
    File,
    /// One commit for everything.
    All,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Show the documentation of this rule.
    pub id: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: one line per finding with a code frame, and a summary.
    Text,
    /// For programs: the schema in docs/json-output.md.
    Json,
}
