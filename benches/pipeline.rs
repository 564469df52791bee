//! Criterion benchmarks of parse, check and fix, on one large file and on a tree
//! of many small modules, both generated so the numbers do not depend on files
//! outside the repository.
//!
//! `cargo bench --bench pipeline`; results and the end-to-end figures are in
//! docs/performance.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use heal_rules::{check_module, fix_module, FixOptions, Module, ModuleFile, Registry};
use heal_syntax::SourceFile;

/// Resources of a few kinds, most with something to fix, in the style of real
/// modules: comments, maps, nested blocks, references.
const RESOURCES: &[&str] = &[
    "resource \"aws_s3_bucket\" \"b{n}\" {\n  bucket = \"bucket-{n}\" # the name\n  tags = {\n    Name = \"b{n}\"\n  }\n}\n",
    "resource \"aws_kms_key\" \"k{n}\" {\n  description             = \"key {n}\"\n  deletion_window_in_days = 10\n}\n",
    "resource \"aws_instance\" \"i{n}\" {\n  ami           = var.ami\n  instance_type = \"t3.micro\"\n\n  root_block_device {\n    volume_size = 20\n  }\n}\n",
    "resource \"aws_security_group\" \"g{n}\" {\n  name = \"g{n}\"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n",
    "variable \"v{n}\" {\n  type    = string\n  default = \"x\"\n}\n",
];

/// A file of `count` resources.
fn generated_file(count: usize, offset: usize) -> String {
    let mut text = String::from("# generated for benchmarks\n\n");
    for n in offset..offset + count {
        text.push_str(&RESOURCES[n % RESOURCES.len()].replace("{n}", &n.to_string()));
        text.push('\n');
    }
    text
}

fn parse_file(path: &Path, text: &str) -> ModuleFile {
    ModuleFile::parse(SourceFile::new(path, text.to_string())).expect("generated text parses")
}

/// A tree of `modules` directories with `files` files of `per_file` resources.
fn generated_tree(modules: usize, files: usize, per_file: usize) -> Vec<(PathBuf, String)> {
    let mut tree = Vec::new();
    for module in 0..modules {
        for file in 0..files {
            let path = PathBuf::from(format!("m{module}/f{file}.tf"));
            tree.push((path, generated_file(per_file, file * per_file)));
        }
    }
    tree
}

fn modules_of(tree: &[(PathBuf, String)]) -> Vec<Module> {
    let mut by_dir: std::collections::BTreeMap<PathBuf, Vec<ModuleFile>> = Default::default();
    for (path, text) in tree {
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        by_dir.entry(dir).or_default().push(parse_file(path, text));
    }
    by_dir
        .into_iter()
        .map(|(dir, files)| Module::new(dir, files))
        .collect()
}

const FIX_ALL: FixOptions = FixOptions {
    unsafe_fixes: true,
    display_only: false,
};

fn large_file(c: &mut Criterion) {
    let registry = Registry::load().expect("the catalog loads");
    let path = Path::new("large/main.tf");
    let text = generated_file(500, 0);
    let mut group = c.benchmark_group("large file");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));

    group.bench_function("parse", |b| b.iter(|| parse_file(path, black_box(&text))));
    let module = Module::new("large", vec![parse_file(path, &text)]);
    group.bench_function("check", |b| {
        b.iter(|| check_module(&registry, black_box(&module), &|_: &Path| true))
    });
    group.bench_function("fix", |b| {
        b.iter(|| fix_module(&registry, black_box(&module), &|_: &Path| true, FIX_ALL))
    });
    group.finish();
}

fn many_files(c: &mut Criterion) {
    let registry = Registry::load().expect("the catalog loads");
    let tree = generated_tree(100, 10, 5);
    let bytes: usize = tree.iter().map(|(_, text)| text.len()).sum();
    let mut group = c.benchmark_group("tree of 1,000 files");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));

    group.bench_function("parse", |b| b.iter(|| modules_of(black_box(&tree))));
    let modules = modules_of(&tree);
    group.bench_function("check", |b| {
        b.iter(|| {
            modules
                .iter()
                .map(|module| check_module(&registry, module, &|_: &Path| true).len())
                .sum::<usize>()
        })
    });
    group.bench_function("fix", |b| {
        b.iter_batched(
            || modules.clone(),
            |modules| {
                for module in &modules {
                    black_box(fix_module(&registry, module, &|_: &Path| true, FIX_ALL));
                }
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// One directory of many small files, each with a fix: the fix loop must stay
/// linear in the files a pass changes (it re-indexed the module once per
/// changed file: 4,000 files took 7 s).
fn one_wide_module(c: &mut Criterion) {
    let registry = Registry::load().expect("the catalog loads");
    let mut group = c.benchmark_group("one directory");
    group.sample_size(10);
    for files in [500, 2_000] {
        let tree = generated_tree(1, files, 1);
        let modules = modules_of(&tree);
        group.bench_function(format!("fix of {files} files"), |b| {
            b.iter(|| fix_module(&registry, black_box(&modules[0]), &|_: &Path| true, FIX_ALL))
        });
    }
    group.finish();
}

criterion_group!(benches, large_file, many_files, one_wide_module);
criterion_main!(benches);
