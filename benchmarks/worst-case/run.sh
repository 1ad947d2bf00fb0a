#!/usr/bin/env bash
# Worst-case uploads (issue 10): generates the files, starts a Release server on loopback with a fresh index built
# from the seeds and a 21 MiB upload limit, measures every file, stops the server. Run from the repository root:
#   bash benchmarks/worst-case/run.sh [PORT]
set -euo pipefail
PORT=${1:-5077}
WORK=$(mktemp -d /tmp/worst-case.XXXX)
FILES=${FILES:-$WORK/files}   # FILES=folder reuses files generated before
KEY=worst-case-key
[ -f src/SearchEngine.Web/bin/Release/net10.0/SearchEngine.Web.dll ] || dotnet build -c Release src/SearchEngine.Web
[ -f "$FILES/chinese-19k-sections.txt" ] || python3 benchmarks/worst-case/generate.py "$FILES"
SearchEngine__ApiKey=$KEY SearchEngine__Index="$WORK/index" SearchEngine__Uploads="$WORK/uploads" \
  SearchEngine__MaxUploadBytes=$((21 * 1024 * 1024)) SearchEngine__RequestsPerMinute=10000000 \
  SearchEngine__CostlyRequestsPerMinute=10000000 \
  dotnet src/SearchEngine.Web/bin/Release/net10.0/SearchEngine.Web.dll --urls http://127.0.0.1:$PORT > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/health" || { echo "server did not start"; cat "$WORK/server.log"; exit 1; }
echo
python3 benchmarks/worst-case/measure.py "http://127.0.0.1:$PORT" $KEY $SERVER \
  "$FILES"/numbers.txt "$FILES"/english.txt "$FILES"/english.html "$FILES"/english-div.html "$FILES"/deep-div.html \
  "$FILES"/deep-div-span.html "$FILES"/deep-div-selfclosed.html "$FILES"/deep-div-200k-text.html \
  "$FILES"/numbering-bomb-small.docx "$FILES"/numbering-bomb-100k.docx "$FILES"/numbering-bomb-large.docx \
  "$FILES"/numbers-under-budget.txt "$FILES"/english-under-budget.txt "$FILES"/chinese-one-section.txt \
  "$FILES"/chinese-19k-sections.txt
