#!/usr/bin/env bash
# Queries only, on indexes that already exist: the native engine and the Java peer answer the peers' 64 queries in
# turn, ROUNDS times (native, Java, native, Java, ...), each in a fresh process on the same 2 cores, and one report
# puts every round's full-pipeline QPS and p99 side by side. For a size whose indexing takes most of an hour (200k):
# run.sh builds both indexes and measures everything once; this measures the query side again, several times, so the
# machine's drift between runs shows instead of hiding in one pair of figures.
#
# Usage:  benchmarks/side-by-side/query-rounds.sh NATIVE_INDEX JAVA_INDEX
# Env:    ROUNDS=3  RAW=<dir for the raw JSON>  OUT=benchmarks/results/side-by-side-query-rounds.md  NOTE="..."
#         WARMUP_S=10 MEASURE_S=2 QPS_S=6 (.NET, as run.sh)  JAVA_WARMUP_S=15 JAVA_MEASURE_S=6 JAVA_QUERY_HEAP=8g
#         REPORT_ONLY=1: only write the report from the JSON already in RAW
# The native index is what `side-by-side-index --force-merge true` leaves, the Java one what `LucenePeer index`
# leaves (run.sh's WORK/java_index_N before it deletes it); both from the same corpus.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="${PEERS:-$ROOT/../shared/peers}"
NATIVE_INDEX="$1"; JAVA_INDEX="$2"
ROUNDS="${ROUNDS:-3}"; RAW="${RAW:-$HERE/work/query-rounds}"; OUT="${OUT:-$ROOT/benchmarks/results/side-by-side-query-rounds.md}"
WARMUP_S="${WARMUP_S:-10}"; MEASURE_S="${MEASURE_S:-2}"; QPS_S="${QPS_S:-6}"
JAVA_WARMUP_S="${JAVA_WARMUP_S:-15}"; JAVA_MEASURE_S="${JAVA_MEASURE_S:-6}"; JAVA_QUERY_HEAP="${JAVA_QUERY_HEAP:-8g}"
QUERIES="$PEERS/lucene/queries.tsv"
mkdir -p "$RAW"

if [ -z "${REPORT_ONLY:-}" ]; then
  . "$HERE/rounds-setup.sh"
  for r in $(seq 1 "$ROUNDS"); do
    echo "[$(date +%H:%M:%S)] round $r: native"
    cut -d' ' -f1 /proc/loadavg > "$RAW/load_native_$r.txt"
    DOTNET_PROCESSOR_COUNT=2 taskset -c 0-1 dotnet "$RAW/bin/SearchEngine.Benchmarks.dll" side-by-side-query --engine native \
      --index "$NATIVE_INDEX" --queries "$QUERIES" --warmup-s "$WARMUP_S" --measure-s "$MEASURE_S" --qps-s "$QPS_S" \
      --out "$RAW/native_$r.json" > "$RAW/native_$r.log" 2>&1
    echo "[$(date +%H:%M:%S)] round $r: java"
    cut -d' ' -f1 /proc/loadavg > "$RAW/load_java_$r.txt"
    taskset -c 0-1 java -Xms1g -Xmx"$JAVA_QUERY_HEAP" -cp "$RAW/classes:$CP" peer.LucenePeer query --index "$JAVA_INDEX" \
      --queries "$QUERIES" --warmup-s "$JAVA_WARMUP_S" --measure-s "$JAVA_MEASURE_S" --threads 2 \
      --out "$RAW/java_$r.json" --tsv "$RAW/java_$r.tsv" > "$RAW/java_$r.log" 2>&1
  done
fi
python3 "$HERE/query_rounds_report.py" "$RAW" "$OUT" "${NOTE:-}"
echo "report: $OUT"
