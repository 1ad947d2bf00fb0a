#!/usr/bin/env python3
"""Turns the raw JSON of one side-by-side run (run.sh) into the markdown report.

Reads RAW/dotnet_N.json (every .NET engine: indexing, queries, nDCG@10, and at one size the incremental case),
RAW/java_index_N_t{1,2}.json and RAW/java_query_N.json (the Lucene peer), RAW/*.mem.txt (the JVM's peak RSS),
RAW/java_version.txt, RAW/java_heap.tsv and RAW/load.tsv; the machine is read from /proc where the report is written,
which is where run.sh measured.

The first section, "How cost grows", puts every size in one table, with native's ratios to Java and issue 14's
targets (TARGETS) met or not; then the incremental case (uploads while searching); then one section per size.
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


# Issue 14's targets, set for 50k and 200k documents: (label, figure key, bound, "max" = at most / "min" = at least).
TARGETS = [
    ("full-pipeline p99, 1 thread ≤ 0.5× Java's", "p99_1", 0.5, "max"),
    ("full-pipeline p99, 2 threads ≤ 0.5× Java's", "p99_2", 0.5, "max"),
    ("QPS, 1 thread ≥ 2× Java's", "qps_1", 2.0, "min"),
    ("QPS, 2 threads ≥ 2× Java's", "qps_2", 2.0, "min"),
    ("indexing MB/s, 2 threads ≥ 2.5× Java's", "index_mb_s", 2.5, "min"),
    ("index ≤ 1.1× text (after commit and after merge)", "index_to_text", 1.1, "max"),
    ("resident memory while serving ≤ 0.5× index size", "serving_to_index", 0.5, "max"),
]


def ratio(a, b):
    return a / b if a is not None and b else None


def times(x):
    return "—" if x is None else f"{x:.2f}×"


def growth_row_dotnet(e):
    """One engine's figures for the growth table, or None where it did not index with 2 threads."""
    by_t = {r["threads"]: r for r in e["indexing"]}
    t2 = by_t.get(2)
    q = e["query"]
    tp = {r["threads"]: r for r in q["throughput_full"]}
    return {
        "engine": e["engine"],
        "index_mb_s": t2 and t2["text_mb_per_s"],
        "merge_s": t2 and t2.get("force_merge_s"),
        "ratio_commit": t2 and t2["index_to_text_ratio"],
        # what the live commit names: the native engine's folder also holds the previous commit (folder_mb_after_merge)
        "ratio_merged": t2 and t2.get("index_to_text_ratio_merged"),
        "index_mb": t2 and t2.get("index_mb_merged"),
        "open_s": q.get("open_s"),
        "serving_mb": q.get("serving_working_set_mb"),
        "serving_composition": q.get("serving_composition"),
        "serving_note": "",
        "full_1": tp.get(1, {}).get("all"),
        "full_2": tp.get(2, {}).get("all"),
        "qps_1": tp.get(1, {}).get("qps"),
        "qps_2": tp.get(2, {}).get("qps"),
    }


def growth_row_java(raw, n, j2, jq):
    f1, f2 = java_run(jq, "search+facets+highlight", 1), java_run(jq, "search+facets+highlight", 2)
    return {
        "engine": JAVA,
        "index_mb_s": j2 and j2["text_mb_per_s"],
        "merge_s": j2 and j2.get("force_merge_s"),
        "ratio_commit": j2 and j2["index_to_text_ratio"],
        "ratio_merged": j2 and j2.get("index_to_text_ratio_merged"),
        "index_mb": j2 and j2.get("index_mb_merged"),
        "open_s": jq and jq.get("open_s"),
        "serving_mb": mem_mb(f"{raw}/java_query_{n}.mem.txt"),
        "serving_note": " ¹",
        "full_1": f1 and f1["all"],
        "full_2": f2 and f2["all"],
        "qps_1": f1 and f1["qps"],
        "qps_2": f2 and f2["qps"],
    }


def native_to_java(ours, java):
    """The figures the targets are read from: native's over Java's, and native's own size ratios."""
    p99 = lambda r, k: r[k]["p99_ms"] if r and r.get(k) else None
    commit, merged = ours["ratio_commit"], ours["ratio_merged"]
    return {
        "p99_1": ratio(p99(ours, "full_1"), p99(java, "full_1")),
        "p99_2": ratio(p99(ours, "full_2"), p99(java, "full_2")),
        "qps_1": ratio(ours["qps_1"], java["qps_1"]),
        "qps_2": ratio(ours["qps_2"], java["qps_2"]),
        "index_mb_s": ratio(ours["index_mb_s"], java["index_mb_s"]),
        "index_to_text": max(x for x in (commit, merged) if x is not None) if (commit or merged) else None,
        "serving_to_index": ratio(ours["serving_mb"], ours["index_mb"]),
    }


def growth_section(raw, sizes, large_from, engines_large, out):
    out.append("## How cost grows\n")
    out.append("Every size of this run in one table; Java is Apache Lucene 8 (the peer), measured in the same run. "
               "*Indexing* is the 2-thread run (MB/s of indexed text, from opening the writer to the end of the commit); the "
               "2-thread index is then force-merged to one segment (*force-merge s*, not part of the MB/s) and that index is "
               "queried. *Index / text* is the size on disk over the indexed text, after the commit and after the merge. "
               "*Open* is the time to open the merged index for searching. *Resident memory while serving* is the query "
               "process's working set right after the 2-thread QPS run (.NET); for Java it is the query JVM's peak RSS ¹. "
               "Latency and QPS are the full pipeline (top 10 + facets + snippets) over all 64 queries shuffled, each query "
               "equally often, as the Java peer measures them: the percentiles here come from the 1-thread QPS run, not from "
               "the per-class runs of the per-size sections below, and differ from them by a few per cent.\n")
    out.append("| documents | engine | indexing MB/s, 2 threads | force-merge s | index / text: commit, merged | open s | "
               "resident memory serving | full p50 / p95 / p99 ms, 1 thread | QPS, 1 thread | QPS, 2 threads (p99 ms) |")
    out.append("|---:|---|---:|---:|---:|---:|---:|---|---:|---:|")
    per_size = []
    for n in sizes:
        dn = load(f"{raw}/dotnet_{n}.json")
        j2, jq = load(f"{raw}/java_index_{n}_t2.json"), load(f"{raw}/java_query_{n}.json")
        rows = [growth_row_dotnet(e) for e in (dn["engines"] if dn else [])]
        rows.sort(key=lambda r: r["engine"] != "native")
        java = growth_row_java(raw, n, j2, jq)
        for r in rows + [java]:
            p99_2 = f" ({r['full_2']['p99_ms']:.2f})" if r["full_2"] else ""
            out.append(f"| {n:,} | {r['engine']} | {f(r['index_mb_s'])} | {f(r['merge_s'], 1)} | "
                       f"{f(r['ratio_commit'])}, {f(r['ratio_merged'])} | {f(r['open_s'], 3)} | "
                       f"{f(r['serving_mb'], 0)} MB{r['serving_note']} | {pct(r['full_1'])} | {f(r['qps_1'], 0)} | "
                       f"{f(r['qps_2'], 0)}{p99_2} |")
        native = next((r for r in rows if r["engine"] == "native"), None)
        per_size.append((n, native and native_to_java(native, java), native, java))
    out.append("")
    out.append("¹ Java's figure is the peak resident set of the query JVM (`/usr/bin/time %M`), started with `-Xms1g`, "
               "which commits a gigabyte of heap whether or not it is used, so it overstates what Lucene needs; it also "
               "includes the warm-up. Java's open time is not measured by the peer (—).\n")
    if any(n >= large_from for n in sizes) and "lucene" not in engines_large:
        out.append(f"From {large_from:,} documents on, only `{engines_large}` ran of the .NET engines: the Lucene.Net engines "
                   "take far too long there (their queries are about 10× slower than native's, and Lucene.Net's 1-thread "
                   "indexing is slow with it), so at those sizes the comparison is native against Java only.\n")

    out.append("**native / Java, per size** (below 1× is better for latency, above 1× for QPS and MB/s):\n")
    for n, r, native, java in per_size:
        if not r:
            out.append(f"- {n:,}: no native run.")
            continue
        out.append(f"- {n:,}: QPS {times(r['qps_1'])} Java's with 1 thread, {times(r['qps_2'])} with 2; "
                   f"p99 {times(r['p99_1'])} Java's with 1 thread, {times(r['p99_2'])} with 2; "
                   f"indexing {times(r['index_mb_s'])} Java's MB/s with 2 threads; "
                   f"index / text {f(native['ratio_commit'])} after the commit, {f(native['ratio_merged'])} merged "
                   f"(Java's {f(java['ratio_commit'])}, {f(java['ratio_merged'])}); "
                   f"resident memory while serving {times(r['serving_to_index'])} the index size.")
    out.append("")
    composed = [(n, native["serving_composition"]) for n, _, native, _ in per_size if native and native.get("serving_composition")]
    if composed:
        out.append("**What native's resident memory while serving is made of** (`/proc/self/smaps` of the query process "
                   "right after the 2-thread QPS run; the collector's own account beside it: committed, heap, and per "
                   "generation gen0; gen1; gen2; large objects; pinned as size / free space after the last collection):\n")
        for n, c in composed:
            out.append(f"- {n:,}: index pages mapped {f(c.get('index_mapped_mb'), 0)} MB, code {f(c.get('code_mb'), 0)} MB, "
                       f"anonymous {f(c.get('anonymous_mb'), 0)} MB, other files {f(c.get('other_files_mb'), 0)} MB; "
                       f"GC committed {f(c.get('gc_committed_mb'), 0)} MB, heap {f(c.get('gc_heap_mb'), 0)} MB "
                       f"({c.get('gc_generations_mb', '')} MB).")
        out.append("")

    out.append("**Issue 14's targets** (set for 50,000 and 200,000 documents; other sizes are shown for the trend):\n")
    shown = [(n, r) for n, r, _, _ in per_size if r]
    out.append("| target | " + " | ".join(f"{n:,}" for n, _ in shown) + " |")
    out.append("|---|" + "---|" * len(shown))
    for label, key, bound, kind in TARGETS:
        cells = []
        for _, r in shown:
            v = r[key]
            if v is None:
                cells.append("— (no figure)")
                continue
            met = v <= bound if kind == "max" else v >= bound
            figure = f"{v:.2f}" if key == "index_to_text" else times(v)
            cells.append(f"{figure}: {'**met**' if met else 'not met'}")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")


def incremental_section(raw, sizes, out):
    runs = []
    for n in sizes:
        dn = load(f"{raw}/dotnet_{n}.json")
        runs += [(n, e["engine"], e["uploads"]) for e in (dn["engines"] if dn else []) if e.get("uploads")]
    if not runs:
        return
    out.append("## Incremental case: uploads while searching\n")
    out.append("After the query measurement, the queried (force-merged) index is opened for writing and documents are uploaded "
               "one at a time as the server does (add, commit, background merge), while one thread runs the full pipeline over "
               "the 64 queries without pause. *Commit* is each upload's add-and-commit time; *search* is the full pipeline on the "
               "writer's latest snapshot, first alone (baseline, after a warm-up) and then during the uploads. The uploaded "
               "documents are corpus documents under new ids, so the index grows by that many. The process is pinned to 2 cores "
               "(the uploads and the searching thread share them). The Java peer has no incremental run.\n")
    out.append("| documents | engine | uploads | documents before → after | total s (uploads/s) | commit p50 / p95 / p99 ms | "
               "search p50 / p99 ms, baseline | search p50 / p99 ms, during uploads | p99 during / baseline | writer open s | peak working set |")
    out.append("|---:|---|---:|---|---:|---|---|---|---:|---:|---:|")
    for n, engine, u in runs:
        base, during = u["search_baseline"], u["search_during_uploads"]
        out.append(f"| {n:,} | {engine} | {u['uploads']:,} | {u['documents_before']:,} → {u['documents_after']:,} | "
                   f"{f(u['upload_s'], 1)} ({f(ratio(u['uploads'], u['upload_s']), 1)}) | {pct(u['upload_commit'])} | "
                   f"{base['p50_ms']:.2f} / {base['p99_ms']:.2f} ({base['n']:,} searches) | "
                   f"{during['p50_ms']:.2f} / {during['p99_ms']:.2f} ({during['n']:,} searches) | "
                   f"{times(ratio(during['p99_ms'], base['p99_ms']))} | {f(u['open_s'], 3)} | {f(u.get('peak_working_set_mb'), 0)} MB |")
    out.append("")


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
    ap.add_argument("--large-from", type=int, default=100000)
    ap.add_argument("--engines-large", default="native")
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
    growth_section(a.raw, sizes, a.large_from, a.engines_large, out)
    incremental_section(a.raw, sizes, out)
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
    heaps = Path(a.raw) / "java_heap.tsv"
    heap_text = ""
    if heaps.exists():
        rows = [l.split("\t") for l in heaps.read_text().splitlines() if l]
        heap_text = " JVM heaps (-Xmx, indexing / queries): " + ", ".join(f"{int(r[0]):,}: {r[1]} / {r[2]}" for r in rows) + "."
    out.append("- **Memory.** .NET: `Process.PeakWorkingSet64` of the child process that indexed (or queried) with that engine alone, "
               "and the working set right after the 2-thread QPS run (*while serving*). "
               "Java: peak RSS of the JVM (`/usr/bin/time %M`), which -Xms1g inflates." + heap_text)
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
