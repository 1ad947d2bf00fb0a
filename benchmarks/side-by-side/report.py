#!/usr/bin/env python3
"""Turns the raw JSON of one side-by-side run (run.sh) into the markdown report.

Reads RAW/dotnet_N.json (every .NET engine: indexing, queries, nDCG@10), RAW/java_index_N_t{1,2}.json and
RAW/java_query_N.json (the Lucene peer), RAW/*.mem.txt (the JVM's peak RSS), RAW/java_version.txt and
RAW/load.tsv; the machine is read from /proc where the report is written, which is where run.sh measured.
"""
import argparse
import json
import os
import platform
from pathlib import Path

JAVA = "lucene-java"


def load(path):
    p = Path(path)
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None


def mem_mb(path):
    p = Path(path)
    if not p.exists():
        return None
    lines = [l for l in p.read_text().split() if l.strip().isdigit()]
    return int(lines[-1]) * 1024 / 1e6 if lines else None


def machine(raw, dotnet):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), platform.platform())
    java = (Path(raw) / "java_version.txt").read_text().strip().splitlines() if (Path(raw) / "java_version.txt").exists() else ["?"]
    return [
        ("cores", str(os.cpu_count())),
        ("CPU", cpu),
        ("memory", f"{mem_kb / 1024 / 1024:.1f} GiB"),
        ("OS", f"{os_name}, kernel {platform.release()}"),
        (".NET", dotnet.get("dotnet", "?") if dotnet else "?"),
        ("Java", " / ".join(java)),
        ("date (UTC)", dotnet.get("date_utc", "?") if dotnet else "?"),
    ]


def f(x, d=2):
    return "—" if x is None else f"{x:,.{d}f}"


def pct(s):
    return "—" if not s else f"{s['p50_ms']:.2f} / {s['p95_ms']:.2f} / {s['p99_ms']:.2f}"


def java_run(q, mode, threads):
    if not q:
        return None
    return next((r for r in q["runs"] if r["mode"] == mode and r["threads"] == threads), None)


def size_section(raw, n, out):
    dn = load(f"{raw}/dotnet_{n}.json")
    j1, j2 = load(f"{raw}/java_index_{n}_t1.json"), load(f"{raw}/java_index_{n}_t2.json")
    jq = load(f"{raw}/java_query_{n}.json")
    engines = dn["engines"] if dn else []
    first = engines[0]["indexing"][0] if engines else None
    docs = first["documents"] if first else (j2 or {}).get("docs")
    sections = first["sections"] if first else (j2 or {}).get("sections")
    text_mb = first["text_mb"] if first else (j2 or {}).get("text_mb")
    out.append(f"## {n:,} documents ({sections:,} sections, {text_mb:.1f} MB of indexed text)\n")

    out.append("### Indexing\n")
    out.append("MB/s of indexed text (title + heading + body per section, UTF-8), from opening the writer to the end of the commit; "
               "size on disk after that commit (before any merge), over the text. Peak working set of the indexing process with 2 threads "
               "(the corpus itself is held in memory by both harnesses).\n")
    out.append("| engine | 1 thread MB/s | 2 threads MB/s | index / text | peak working set, indexing |")
    out.append("|---|---:|---:|---:|---:|")
    for e in engines:
        by_t = {r["threads"]: r for r in e["indexing"]}
        t1, t2 = by_t.get(1), by_t.get(2)
        ref = t2 or t1
        out.append(f"| {e['engine']} | {f(t1 and t1['text_mb_per_s'])} | {f(t2 and t2['text_mb_per_s'])} | "
                   f"{f(ref and ref['index_to_text_ratio'])} | {f(ref and ref['peak_working_set_mb'], 0)} MB |")
    out.append(f"| {JAVA} | {f(j1 and j1['text_mb_per_s'])} | {f(j2 and j2['text_mb_per_s'])} | "
               f"{f(j2 and j2['index_to_text_ratio'])} | {f(mem_mb(f'{raw}/java_index_{n}_t2.mem.txt'), 0)} MB (RSS, -Xms1g) |")
    out.append("")

    out.append("### Queries (the peers' 64 queries; milliseconds p50 / p95 / p99)\n")
    out.append("| engine | search only, 1 thread | full, 1 thread | full QPS, 1 thread | full QPS, 2 threads (p99 ms) | peak working set, queries | nDCG@10 (judged set) |")
    out.append("|---|---|---|---:|---:|---:|---:|")
    for e in engines:
        q = e["query"]
        tp = {r["threads"]: r for r in q["throughput_full"]}
        out.append(f"| {e['engine']} | {pct(q['latency']['search']['all'])} | {pct(q['latency']['full']['all'])} | "
                   f"{f(tp[1]['qps'], 0)} | {f(tp[2]['qps'], 0)} ({tp[2]['all']['p99_ms']:.2f}) | {f(q['peak_working_set_mb'], 0)} MB | "
                   f"{f(e.get('ndcg10'), 4)} |")
    s1, f1, f2 = java_run(jq, "search", 1), java_run(jq, "search+facets+highlight", 1), java_run(jq, "search+facets+highlight", 2)
    out.append(f"| {JAVA} | {pct(s1 and s1['all'])} | {pct(f1 and f1['all'])} | {f(f1 and f1['qps'], 0)} | "
               f"{f(f2 and f2['qps'], 0)} ({f(f2 and f2['all']['p99_ms'])}) | {f(mem_mb(f'{raw}/java_query_{n}.mem.txt'), 0)} MB (RSS, -Xms1g) | not run |")
    out.append("")

    for mode, jmode, title in (("full", "search+facets+highlight", "full pipeline"), ("search", "search", "search only")):
        out.append(f"By class, {title}, 1 thread (p50 / p95 / p99 ms; executions in brackets):\n")
        out.append("| class | " + " | ".join(e["engine"] for e in engines) + f" | {JAVA} |")
        out.append("|---|" + "---|" * (len(engines) + 1))
        classes = list(engines[0]["query"]["latency"][mode]["by_class"]) if engines else list((java_run(jq, jmode, 1) or {}).get("by_class", {}))
        jr = java_run(jq, jmode, 1)
        for c in classes:
            cells = []
            for e in engines:
                st = e["query"]["latency"][mode]["by_class"].get(c)
                cells.append(f"{pct(st)} ({st['n']})" if st else "—")
            js = jr["by_class"].get(c) if jr else None
            cells.append(f"{pct(js)} ({js['n']})" if js else "—")
            out.append(f"| {c} | " + " | ".join(cells) + " |")
        out.append("")
    return engines, jq


def hit_counts(engines, jq, n, out):
    out.append(f"## Hit counts per query ({n:,} documents)\n")
    out.append("Matching sections. The analyzers differ, so the counts differ: smartcn cuts a word it does not know into pieces "
               "and ANDs them within a field; the native engine matches the word, its synonyms and the word inside longer words.\n")
    out.append("| class | query | " + " | ".join(e["engine"] for e in engines) + f" | {JAVA} |")
    out.append("|---|---|" + "---:|" * (len(engines) + 1))
    java = {q["query"]: q["total_hits"] for q in (jq or {}).get("per_query", [])}
    rows = engines[0]["query"]["per_query"] if engines else []
    for i, r in enumerate(rows):
        label = r["query"]
        cells = [f"{e['query']['per_query'][i]['total_hits']:,}" for e in engines]
        # the peer labels a query with filters as "query  [filters]", as PeerCorpus does
        cells.append(f"{java[label]:,}" if label in java else "—")
        out.append(f"| {r['class']} | {label.replace('|', chr(92) + '|')} | " + " | ".join(cells) + " |")
    out.append("")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--sizes", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--note", default="")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split()]
    first = load(f"{a.raw}/dotnet_{sizes[0]}.json")
    out = ["# Side by side: this product's engines and Apache Lucene 8 + SmartChineseAnalyzer (Java)\n"]
    if a.note:
        out.append(f"**{a.note}**\n")
    out.append("Generated by `benchmarks/side-by-side/run.sh` (sizes: " + ", ".join(f"{s:,}" for s in sizes) + "): "
               "corpora from `../shared/peers/corpus/scale.py`, the peers' 64 queries (`../shared/peers/lucene/queries.tsv`, 7 classes), "
               "the .NET command `side-by-side` and the Java peer `peer.LucenePeer` run one after the other in the same run. "
               "Raw figures: `benchmarks/side-by-side/work/raw/` (git-ignored).\n")
    out.append("| machine | |")
    out.append("|---|---|")
    for k, v in machine(a.raw, first):
        out.append(f"| {k} | {v} |")
    lp = Path(a.raw) / "load.tsv"
    if lp.exists():
        loads = [l.split("\t") for l in lp.read_text().splitlines() if l]
        out.append("| 1-minute load average before each step | " + ", ".join(f"{k} {v}" for k, v in loads) + " |")
    out.append("")
    out.append("## How it is measured\n")
    out.append("- **Threads.** \"N threads\" means the process is pinned to N cores (`taskset`, and `DOTNET_PROCESSOR_COUNT=N` for .NET) "
               "and the harness hands documents to the writer from N threads. How each engine uses them:")
    for e in (first or {}).get("engines", []):
        feeding = "fed from N threads" if e.get("concurrent_adds") else "fed from one thread (its writer does not say AddOrUpdate is thread-safe), so N threads means N cores only"
        out.append(f"  - `{e['engine']}`: {e['threading']}; {feeding}.")
    out.append(f"  - `{JAVA}`: `IndexWriter.addDocument` analyses on the calling thread (DocumentsWriterPerThread), so N feeding threads "
               "analyse in parallel; RAM buffer 256 MB; JIT and GC threads share the pinned cores.")
    out.append("- **Indexing warm-up.** .NET engines index 500 documents into a throw-away folder first (dictionary loading, JIT); the JVM "
               "indexes into an in-memory index for `JAVA_INDEX_WARMUP_S` seconds. Corpus loading and JSON parsing are not timed. Every "
               "index is built in a fresh process; the 2-thread index is force-merged (not timed) and queried.")
    out.append("- **Queries.** *search only* = top 10 sections, no facets, no snippets. *full* = top 10 + facet counts + highlighted "
               "snippets; the .NET engines group hits by document and count five facets (issuer, year, industry, region, type; "
               "top 10 values) by distinct document, the Java peer returns sections (no grouping) with two facets (issuer, year) "
               "counted by section and 2 UnifiedHighlighter passages per hit. After a warm-up, .NET runs each query class alone for a "
               "fixed time per mode (latency by class), then the full pipeline on all 64 queries shuffled with 1 and 2 threads (QPS). "
               "The Java peer (its own harness) interleaves its modes over all 64 queries on 1 thread, then 2 threads. Percentiles are "
               "nearest-rank on both sides.")
    out.append("- **Memory.** .NET: `Process.PeakWorkingSet64` of the child process that indexed (or queried) with that engine alone. "
               "Java: peak RSS of the JVM (`/usr/bin/time %M`), which -Xms1g inflates.")
    out.append("- **Relevance.** nDCG@10 on the judged set (`benchmarks/relevance/queries.json`, the seeds and `../shared/realdocs/docs`), "
               "via `relevance --engine NAME`; the Java peer has no run on that set.\n")
    last = None
    for n in sizes:
        last = (size_section(a.raw, n, out), n)
    if last:
        (engines, jq), n = last
        hit_counts(engines, jq, n, out)
    Path(a.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out))


if __name__ == "__main__":
    main()
