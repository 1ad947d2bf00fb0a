"""Held-out random draw for the second hand-judged plan-target sample (holdout.json).

Same candidate definition as sample.py (imported from it: load, sentences, is_candidate,
all_candidates), but a different seed and quotas, and every sentence already in judged.json
(same source and same sentence text) is excluded before drawing.
Draw: random.Random(20261204); files processed in sorted order of source name; per file
k = 5 for gwr-2025-*, 6 for seeds, 2 for all other files; k = min(k, #remaining candidates, 12).
Top-up: the quotas give only 111 sentences (many small files have few candidates left after
the exclusion), so the same rng then draws further sentences uniformly at random from the pooled
not-yet-picked candidates of all files (pool in sorted source order, then document order),
skipping any file already at the cap of 12, until MIN_TOTAL = 120 sentences are reached.
No hand-picked cases: the draw is purely random.
Run from this folder: python3 sample_holdout.py > /tmp/holdout_draw.json
"""
import json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample import all_candidates  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261204
MIN_TOTAL = 120
CAP = 12


def k_for(source):
    if source.startswith("realdocs/gwr-2025-"):
        return 5
    if source.startswith("seeds/"):
        return 6
    return 2


def judged_keys():
    d = json.load(open(os.path.join(HERE, "judged.json"), encoding="utf-8"))
    return {(s["source"], s["sentence"]) for s in d["sentences"]}


def draw():
    rng = random.Random(SEED)
    seen = judged_keys()
    cands = all_candidates()
    remaining, picked = {}, []
    for source in sorted(cands):
        c = [(n, s) for n, s in cands[source] if (source, s) not in seen]
        remaining[source] = c
        k = min(k_for(source), len(c), CAP)
        for n, s in rng.sample(c, k):
            picked.append({"source": source, "section": n, "sentence": s, "round": "quota"})
    # top-up round: uniform over the pooled remaining candidates, respecting the per-file cap
    taken = {(p["source"], p["sentence"]) for p in picked}
    pool = [(src, n, s) for src in sorted(remaining) for n, s in remaining[src]
            if (src, s) not in taken]
    count = {}
    for p in picked:
        count[p["source"]] = count.get(p["source"], 0) + 1
    while len(picked) < MIN_TOTAL and pool:
        src, n, s = pool.pop(rng.randrange(len(pool)))
        if count.get(src, 0) >= CAP or (src, s) in taken:
            continue
        taken.add((src, s))
        count[src] = count.get(src, 0) + 1
        picked.append({"source": src, "section": n, "sentence": s, "round": "topup"})
    return cands, remaining, picked


if __name__ == "__main__":
    cands, remaining, picked = draw()
    for src in sorted(cands):
        print(len(cands[src]), len(remaining[src]), src, file=sys.stderr)
    print(sum(len(v) for v in cands.values()), "candidates,",
          sum(len(v) for v in remaining.values()), "after excluding judged.json,",
          len(picked), "picked from", len({p["source"] for p in picked}), "files", file=sys.stderr)
    json.dump(picked, sys.stdout, ensure_ascii=False, indent=1)
