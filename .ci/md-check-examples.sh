#!/usr/bin/env bash
# Export every example plan, every bundled template, the findings demo, the hostile-label
# fixture and a plan with progress (statuses, incidents) to Markdown with the automap binary, then check each file with md-check (markdown-it structure and
# every Mermaid block rendered by the real mermaid renderer). Fails on any error.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${AUTOMAP_BIN:-}
if [ -z "$bin" ]; then
  for b in target/release/automap target/debug/automap; do
    if [ -x "$b" ] && { [ -z "$bin" ] || [ "$b" -nt "$bin" ]; }; then bin=$b; fi
  done
fi
if [ -z "$bin" ]; then
  cargo build --quiet
  bin=target/debug/automap
fi

checker=.ci/md-check/md-check.sh
[ -f "$checker" ] || checker=../shared/tools/md-check.sh

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

failed=0
# Templates are built into the program: write each one out as a plan first.
plans=(plans/*.ron tests/fixtures/findings-demo.ron tests/fixtures/hostile-labels.ron tests/fixtures/progress.ron)
mkdir -p "$out/templates"
for name in $("$bin" new --list | awk '{print $1}'); do
  if "$bin" new --template "$name" -o "$out/templates/template-$name.ron" >/dev/null; then
    plans+=("$out/templates/template-$name.ron")
  else
    echo "md-check-examples: template $name could not be written" >&2
    failed=1
  fi
done

for plan in "${plans[@]}"; do
  md="$out/$(basename "$plan" .ron).md"
  echo "-- $plan"
  if ! "$bin" export "$plan" -o "$md"; then
    echo "md-check-examples: export of $plan failed" >&2
    failed=1
    continue
  fi
  if ! bash "$checker" "$md"; then
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "md-check-examples: errors found" >&2
  exit 1
fi
echo "md-check-examples: all exports pass"
