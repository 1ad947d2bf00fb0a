#!/usr/bin/env bash
# Indexing only, native and the Java peer in turn, several rounds on one corpus: each round indexes it with 2 threads
# (native: side-by-side-index --threads 2; Java: LucenePeer index --threads 2), each in a fresh process pinned to the
# same 2 cores, and one report puts every round's MB/s side by side. run.sh measures indexing once per size, native
# and Java minutes apart; on a machine whose speed drifts within minutes one such pair can say 2.3x or 4x. Rounds
# show the spread. Indexes are written under RAW and deleted after each round; nothing is force-merged or queried.
#
# Usage:  benchmarks/side-by-side/indexing-rounds.sh CORPUS.jsonl
# Env:    ROUNDS=3  RAW=<dir for the raw JSON>  OUT=benchmarks/results/side-by-side-indexing-rounds.md  NOTE="..."
#         JAVA_INDEX_WARMUP_S=5 JAVA_INDEX_HEAP=8g (as run.sh)  REPORT_ONLY=1: only write the report from RAW
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="${PEERS:-$ROOT/../shared/peers}"
CORPUS="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROUNDS="${ROUNDS:-3}"; RAW="${RAW:-$HERE/work/indexing-rounds}"; OUT="${OUT:-$ROOT/benchmarks/results/side-by-side-indexing-rounds.md}"
JAVA_INDEX_WARMUP_S="${JAVA_INDEX_WARMUP_S:-5}"; JAVA_INDEX_HEAP="${JAVA_INDEX_HEAP:-8g}"
mkdir -p "$RAW" && RAW="$(cd "$RAW" && pwd)"

if [ -z "${REPORT_ONLY:-}" ]; then
  . "$HERE/rounds-setup.sh"
  for r in $(seq 1 "$ROUNDS"); do
    echo "[$(date +%H:%M:%S)] round $r: native"
    rm -rf "$RAW/index"
    DOTNET_PROCESSOR_COUNT=2 taskset -c 0-1 dotnet "$RAW/bin/SearchEngine.Benchmarks.dll" side-by-side-index --engine native \
      --corpus "$CORPUS" --index "$RAW/index" --threads 2 --force-merge false --out "$RAW/native_$r.json" > "$RAW/native_$r.log" 2>&1
    echo "[$(date +%H:%M:%S)] round $r: java"
    rm -rf "$RAW/index"
    taskset -c 0-1 java -Xms1g -Xmx"$JAVA_INDEX_HEAP" -cp "$RAW/classes:$CP" peer.LucenePeer index --corpus "$CORPUS" \
      --index "$RAW/index" --threads 2 --warmup-s "$JAVA_INDEX_WARMUP_S" --force-merge false --out "$RAW/java_$r.json" \
      > "$RAW/java_$r.log" 2>&1
    rm -rf "$RAW/index"
  done
fi
python3 "$HERE/indexing_rounds_report.py" "$RAW" "$OUT" "${NOTE:-}"
echo "report: $OUT"
