#!/usr/bin/env bash
# Lighthouse mobile scores of a built site, served with gzip as GitHub Pages serves it.
#
# Usage: benchmarks/lighthouse.sh [SITE_DIR] [PAGE ...]
#   SITE_DIR  a built site (default: site/, as `make site` builds it)
#   PAGE      addresses inside the site (default: the home page, the cn-it brief and the search page)
#   RUNS=N    runs per page, the median is printed (default 1)
#
# Lighthouse 12.2.3 (and axe-core, which the accessibility tests use too) is installed from npm into
# benchmarks/.lighthouse/ (git-ignored) on first use; nothing is installed globally. It drives Debian's
# /usr/bin/chromium. Each JSON report is kept in benchmarks/out/lighthouse/. Prints a Markdown table.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIGHTHOUSE_VERSION=12.2.3
AXE_VERSION=4.10.2
PREFIX="$ROOT/benchmarks/.lighthouse"
LIGHTHOUSE="$PREFIX/node_modules/.bin/lighthouse"
OUT="$ROOT/benchmarks/out/lighthouse"
CHROMIUM=/usr/bin/chromium
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"
RUNS="${RUNS:-1}"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY=python3

SITE="${1:-$ROOT/site}"
shift || true
if [ "$#" -gt 0 ]; then PAGES=("$@"); else PAGES=("" "briefs/cn-it/" "search/"); fi

[ -f "$SITE/index.html" ] || { echo "lighthouse.sh: $SITE/index.html not found: build the site first (make site)" >&2; exit 2; }
[ -x "$CHROMIUM" ] || { echo "lighthouse.sh: $CHROMIUM not found: apt-get install chromium (make browser)" >&2; exit 2; }

installed() { node -e "process.stdout.write(require('$PREFIX/node_modules/$1/package.json').version)" 2>/dev/null || true; }
if [ "$(installed lighthouse)" != "$LIGHTHOUSE_VERSION" ] || [ "$(installed axe-core)" != "$AXE_VERSION" ]; then
  echo "installing lighthouse@$LIGHTHOUSE_VERSION and axe-core@$AXE_VERSION into $PREFIX" >&2
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --save-exact --loglevel=error \
    "lighthouse@$LIGHTHOUSE_VERSION" "axe-core@$AXE_VERSION" >&2
fi

# The gzip server on a free port; its first line is "serving http://127.0.0.1:PORT/".
mkdir -p "$OUT"
LOG="$(mktemp)"
"$PY" "$ROOT/benchmarks/serve_gzip.py" "$SITE" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -f "$LOG"' EXIT
BASE=
for _ in $(seq 50); do
  BASE="$(sed -n 's/^serving //p' "$LOG")"
  [ -n "$BASE" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
[ -n "$BASE" ] || { echo "lighthouse.sh: the gzip server did not start" >&2; exit 1; }

REPORTS=()
for page in "${PAGES[@]}"; do
  name="$(printf '%s' "${page:-home}" | tr -c 'A-Za-z0-9-' '_' | sed 's/_*$//')"
  for run in $(seq "$RUNS"); do
    report="$OUT/$name-$run.json"
    echo "lighthouse: /$page (run $run of $RUNS)" >&2
    CHROME_PATH="$CHROMIUM" "$LIGHTHOUSE" "$BASE$page" --quiet --output=json --output-path="$report" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="$CHROME_FLAGS" --max-wait-for-load=60000
    REPORTS+=("/$page=$report")
  done
done

# The table: one row per page, the median of its runs in each category (scores 0-100).
"$PY" - "${REPORTS[@]}" <<'EOF'
import json
import statistics
import sys

CATEGORIES = [("performance", "Performance"), ("accessibility", "Accessibility"),
              ("best-practices", "Best practices"), ("seo", "SEO")]
runs: dict[str, list[dict]] = {}
for arg in sys.argv[1:]:
    page, _, path = arg.partition("=")
    with open(path, encoding="utf-8") as f:
        runs.setdefault(page, []).append(json.load(f)["categories"])
print("| page (mobile, gzip) | " + " | ".join(label for _, label in CATEGORIES) + " |")
print("|---|" + "---:|" * len(CATEGORIES))
for page, reports in runs.items():
    cells = []
    for key, _ in CATEGORIES:
        scores = [r[key]["score"] for r in reports if r[key]["score"] is not None]
        cells.append(str(round(100 * statistics.median(scores))) if scores else "n/a")
    print(f"| {page} | " + " | ".join(cells) + " |")
EOF
