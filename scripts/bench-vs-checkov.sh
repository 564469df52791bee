#!/usr/bin/env bash
# Times `heal check` and `checkov -d` on the same tree in one hyperfine run and
# prints how many times faster heal is.
#
# usage: scripts/bench-vs-checkov.sh TREE [RUNS] [TIMEOUT_SECONDS]
#
# HEAL (default target/release/heal) and CHECKOV (default
# /opt/heal-venv/bin/checkov, else `checkov` on PATH) pick the binaries. Each
# Checkov run is cut off after TIMEOUT_SECONDS (default 600); a cut-off run is
# timed at the limit, so the ratio printed is then a lower bound. WARMUP (default
# 1) sets the untimed runs before them.
set -euo pipefail

tree=${1:?usage: $0 TREE [RUNS] [TIMEOUT_SECONDS]}
runs=${2:-3}
limit=${3:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
heal=${HEAL:-$root/target/release/heal}
checkov=${CHECKOV:-/opt/heal-venv/bin/checkov}
[ -x "$checkov" ] || checkov=$(command -v checkov || true)

for tool in hyperfine python3 timeout; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is required" >&2; exit 2; }
done
[ -x "$heal" ] || { echo "$0: no heal binary at $heal (cargo build --release)" >&2; exit 2; }
[ -n "$checkov" ] && [ -x "$checkov" ] || { echo "$0: checkov not found (set CHECKOV)" >&2; exit 2; }

files=$(find "$tree" -name '*.tf' -not -path '*/.terraform/*' | wc -l)
bytes=$(find "$tree" -name '*.tf' -not -path '*/.terraform/*' -print0 | xargs -0 cat | wc -c)
echo "tree: $tree ($files .tf files, $bytes bytes); $runs runs each; Checkov cut off at ${limit}s"

results=$(mktemp)
trap 'rm -f "$results"' EXIT
# Both exit 1 when they find something: -i keeps hyperfine going.
hyperfine --ignore-failure --warmup "${WARMUP:-1}" --runs "$runs" --export-json "$results" \
    --command-name heal "$heal check --quiet $tree" \
    --command-name checkov "timeout $limit $checkov -d $tree --framework terraform --quiet --compact --skip-download"

python3 - "$results" "$limit" "$files" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
limit, files = float(sys.argv[2]), int(sys.argv[3])
heal, checkov = results["heal"], results["checkov"]
cut = max(checkov["times"]) >= limit - 0.5
ratio = checkov["mean"] / heal["mean"]
print(f"heal:    {heal['mean']:.3f} s mean ({files / heal['mean']:,.0f} files/s)")
print(f"checkov: {checkov['mean']:.3f} s mean{' (cut off at the limit)' if cut else ''}")
print(f"heal is {'at least ' if cut else ''}{ratio:,.0f} times faster than checkov")
PY
