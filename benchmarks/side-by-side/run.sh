#!/usr/bin/env bash
# Side-by-side benchmark: this product's engines (benchmarks/SearchEngine.Benchmarks, command side-by-side) and
# the Java peer (Apache Lucene 8 + SmartChineseAnalyzer, ../shared/peers) on the same synthetic corpora and the
# same 64 queries, in one run, then one report.
#
# Usage:  benchmarks/side-by-side/run.sh [SIZES]        (default "10000 50000 200000"; SIZES may also come from the environment)
# Env:    WORK=benchmarks/side-by-side/work   corpora (reused if present), indexes, raw JSON, logs (git-ignored)
#         WARMUP_S=10 MEASURE_S=2 QPS_S=6       .NET: warm-up, seconds per query class and mode, seconds per QPS run
#         JAVA_WARMUP_S=15 JAVA_MEASURE_S=6     Java: query warm-up, seconds per mode (the peer's own knobs)
#         JAVA_INDEX_WARMUP_S=5                 Java: JIT warm-up into a throw-away index before the timed indexing
#         JAVA_INDEX_HEAP, JAVA_QUERY_HEAP      Java: -Xmx for indexing and for queries (default 8g and 4g up to 50k
#                                               documents, 16g and 8g above)
#         ENGINES=native,lucene-policy,lucene-smartcn  .NET engines (names from EngineVariants.All), comma-separated
#         ENGINES_LARGE=native  LARGE_FROM=100000      .NET engines for sizes >= LARGE_FROM (Lucene.Net's 1-thread
#                                               indexing and its queries, about 10x slower than native's, take far too
#                                               long at 200k)
#         UPLOADS=1000  UPLOADS_AT=<largest size>  the incremental case: UPLOADS documents uploaded one at a time into
#                                               the queried index while a thread searches, at that size only (0: none)
#         UPLOADS_BASELINE_S=10                 seconds of searching without uploads before them (the baseline)
#         OUT=benchmarks/results/side-by-side.md  the report;  NOTE="..." a line printed under its title
# "N threads" means, for every engine and for Java: the process is pinned to N cores (taskset) and fed by N threads
# (one for a .NET engine whose writer does not accept concurrent adds, see EngineVariants.cs).
# Time with the defaults on a quiet 2-core machine, from the 10k/50k run of 2026-12-02 (08:00 UTC) and scaled for
# 200k: 10k about 8 minutes (.NET engines 6, Java 2); 50k about 19 (native 6.5, each Lucene.Net engine 4, Java 4.5);
# 200k, native and Java only, about 45-55 (native: indexing 1 and 2 threads 13, force-merge about 10 - it took 133 s
# at 50k and grows faster than the corpus -, queries 2, 1,000 uploads 5-10; Java: indexing 15, queries 2), so about
# 75-85 minutes in all. The 200k corpus is about 1.8 GB, each 200k index about 2 GB: keep 8 GB free under WORK.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="${PEERS:-$ROOT/../shared/peers}"
SIZES="${1:-${SIZES:-10000 50000 200000}}"
WORK="${WORK:-$HERE/work}"
mkdir -p "$WORK" && WORK="$(cd "$WORK" && pwd)"   # absolute: the .NET command runs from the repository root
RAW="$WORK/raw"
LOGS="$WORK/logs"
WARMUP_S="${WARMUP_S:-10}"; MEASURE_S="${MEASURE_S:-2}"; QPS_S="${QPS_S:-6}"
JAVA_WARMUP_S="${JAVA_WARMUP_S:-15}"; JAVA_MEASURE_S="${JAVA_MEASURE_S:-6}"; JAVA_INDEX_WARMUP_S="${JAVA_INDEX_WARMUP_S:-5}"
ENGINES="${ENGINES:-native,lucene-policy,lucene-smartcn}"
ENGINES_LARGE="${ENGINES_LARGE:-native}"; LARGE_FROM="${LARGE_FROM:-100000}"
UPLOADS="${UPLOADS:-1000}"; UPLOADS_AT="${UPLOADS_AT:-$(printf '%s\n' $SIZES | sort -n | tail -1)}"; UPLOADS_BASELINE_S="${UPLOADS_BASELINE_S:-10}"
OUT="${OUT:-$ROOT/benchmarks/results/side-by-side.md}"
NOTE="${NOTE:-}"
QUERIES="$PEERS/lucene/queries.tsv"
T0=$(date +%s)
log() { echo "[$(date +%H:%M:%S) +$(( $(date +%s) - T0 ))s] $*"; }
# the machine's 1-minute load before a step, so the report can say how busy the machine was
load() { printf '%s\t%s\n' "$1" "$(cut -d' ' -f1 /proc/loadavg)" >> "$RAW/load.tsv"; }

[ -f "$QUERIES" ] || { echo "no $QUERIES: the Java peer is expected in $PEERS (set PEERS=...)" >&2; exit 2; }
mkdir -p "$RAW" "$LOGS"
rm -f "$RAW"/*.json "$RAW"/*.tsv "$RAW"/*.txt

# ------------------------------------------------------------------ Java peer: packages and build (as its run.sh does)
missing=""
dpkg -s liblucene8-java >/dev/null 2>&1 || missing="$missing liblucene8-java"
command -v javac >/dev/null 2>&1 || missing="$missing default-jdk-headless"
if [ -n "$missing" ]; then
  log "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >"$LOGS/apt-update.log" 2>&1
  apt-get install -y -q $missing >"$LOGS/apt-install.log" 2>&1
fi
. "$HERE/peer-classpath.sh"
log "compiling the Java peer"
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac -encoding UTF-8 -d "$WORK/classes" -cp "$CP" "$PEERS"/lucene/src/peer/*.java
# /usr/bin/time -f %M: the JVM's peak resident set in KB, the Java counterpart of PeakWorkingSet64
java_run() { # java_run CORES MEMFILE HEAP ARGS...
  local cores=$1 mem=$2 heap=$3; shift 3
  taskset -c "$( [ "$cores" = 1 ] && echo 0 || echo "0-$((cores - 1))")" \
    /usr/bin/time -f %M -o "$mem" java -Xms1g -Xmx"$heap" -cp "$WORK/classes:$CP" peer.LucenePeer "$@"
}
{ java -version 2>&1 | head -1; echo "Lucene $(java -cp "$WORK/classes:$CP" peer.LucenePeer version)"; } > "$RAW/java_version.txt"

log "building the .NET benchmark (Release)"
( cd "$ROOT" && dotnet build -c Release benchmarks/SearchEngine.Benchmarks -v q -nologo >"$LOGS/dotnet-build.log" 2>&1 ) \
  || { tail -20 "$LOGS/dotnet-build.log"; exit 1; }

# ------------------------------------------------------------------ per corpus size
for n in $SIZES; do
  corpus="$WORK/corpus_$n.jsonl"
  if [ ! -s "$corpus" ]; then
    log "generating $corpus"
    python3 "$PEERS/corpus/scale.py" --seeds "$ROOT/seeds" --n "$n" --out "$corpus" --stats "$WORK/corpus_$n.stats.json" >"$LOGS/gen_$n.log"
  fi

  engines="$ENGINES"; [ "$n" -ge "$LARGE_FROM" ] && engines="$ENGINES_LARGE"
  uploads=0; [ "$n" = "$UPLOADS_AT" ] && uploads="$UPLOADS"
  # the Java heaps grow with the corpus (the indexing JVM holds the parsed corpus, as the .NET harness does)
  if [ "$n" -le 50000 ]; then index_heap="${JAVA_INDEX_HEAP:-8g}"; query_heap="${JAVA_QUERY_HEAP:-4g}"
  else index_heap="${JAVA_INDEX_HEAP:-16g}"; query_heap="${JAVA_QUERY_HEAP:-8g}"; fi

  printf '%s\t%s\t%s\n' "$n" "$index_heap" "$query_heap" >> "$RAW/java_heap.tsv"

  log "N=$n: .NET engines ($engines)$( [ "$uploads" != 0 ] && echo ", then $uploads uploads while searching" )"
  load "dotnet_$n"
  ( cd "$ROOT" && dotnet run -c Release --no-build --project benchmarks/SearchEngine.Benchmarks -- side-by-side \
      --corpus "$corpus" --queries "$QUERIES" --out "$RAW/dotnet_$n.json" --work "$WORK/dotnet" --engines "$engines" \
      --warmup-s "$WARMUP_S" --measure-s "$MEASURE_S" --qps-s "$QPS_S" \
      --uploads "$uploads" --uploads-baseline-s "$UPLOADS_BASELINE_S" ) 2>&1 | tee "$LOGS/dotnet_$n.log"

  log "N=$n: Java peer, indexing with 1 thread"
  load "java_index_${n}_t1"
  java_run 1 "$RAW/java_index_${n}_t1.mem.txt" "$index_heap" index --corpus "$corpus" --index "$WORK/java_index_${n}_t1" --threads 1 \
    --warmup-s "$JAVA_INDEX_WARMUP_S" --force-merge false --out "$RAW/java_index_${n}_t1.json" >"$LOGS/java_index_${n}_t1.log" 2>&1
  rm -rf "$WORK/java_index_${n}_t1"
  log "N=$n: Java peer, indexing with 2 threads (force-merged to one segment for the queries, as the peer does)"
  load "java_index_${n}_t2"
  java_run 2 "$RAW/java_index_${n}_t2.mem.txt" "$index_heap" index --corpus "$corpus" --index "$WORK/java_index_$n" --threads 2 \
    --warmup-s "$JAVA_INDEX_WARMUP_S" --out "$RAW/java_index_${n}_t2.json" >"$LOGS/java_index_${n}_t2.log" 2>&1
  log "N=$n: Java peer, queries"
  load "java_query_$n"
  java_run 2 "$RAW/java_query_$n.mem.txt" "$query_heap" query --index "$WORK/java_index_$n" --queries "$QUERIES" \
    --warmup-s "$JAVA_WARMUP_S" --measure-s "$JAVA_MEASURE_S" --threads 2 --out "$RAW/java_query_$n.json" --tsv "$RAW/java_query_$n.tsv" \
    >"$LOGS/java_query_$n.log" 2>&1
  rm -rf "$WORK/java_index_$n"
done

log "writing $OUT"
python3 "$HERE/report.py" --raw "$RAW" --sizes "$SIZES" --out "$OUT" --note "$NOTE" --large-from "$LARGE_FROM" --engines-large "$ENGINES_LARGE"
log "done"
