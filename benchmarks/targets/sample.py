"""Candidate extraction and stratified random draw for the hand-judged plan-target sample.

Reads /tmp/tt/texts/*.txt (each: '# file: X' header, then '## section N: heading' blocks).
A sentence is a maximal run of text ending at 。；！？ (kept) or a line end.
Candidate = sentence containing an Arabic/full-width digit or Chinese numeral directly
followed (optionally via 万 / 亿 / 千 / 百 / 多 / 余) by a quantity word or unit (list UNITS);
dates are not quantities: 年 only counts as a duration (1-2 digit number or Chinese numeral
before 年, never a 4-digit year), 月/日 are not units (个月/天/小时 are);
ordinals (number right after 第) and a bare 一 (一批, 一个, 一项) do not count.
Draw: random.Random(20261203); files processed in sorted order of source name; per file
k = 4 for gwr-2025-*, 6 for seeds, 2 for all other files (min(k, #candidates)); cap 12.
"""
import glob, re, random, json, sys

import os
TEXT_DIR = os.environ.get("TEXTS", "/tmp/tt/texts")  # written by: dotnet run --project benchmarks/SearchEngine.Benchmarks -- targets-texts /tmp/tt/texts

def load(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    source = lines[0][len("# file: "):].strip()
    sections, cur, buf = {}, None, []
    for ln in lines[1:]:
        m = re.match(r"^## section (\d+): ?(.*)$", ln)
        if m:
            if cur is not None:
                sections[cur] = "\n".join(buf)
            cur, buf = int(m.group(1)), []
        elif cur is not None:
            buf.append(ln)
    if cur is not None:
        sections[cur] = "\n".join(buf)
    return source, sections

def sentences(text):
    for line in text.split("\n"):
        for s in re.findall(r"[^。；！？]*[。；！？]|[^。；！？]+$", line):
            s = s.strip()
            if s:
                yield s

NUM = r"(?:[0-9０-９]+(?:[.．,][0-9０-９]+)*|[零〇一二两三四五六七八九十百千]+)"
MULT = r"(?:[多余]?[万亿千百]*[多余]?)"
UNITS = ["%", "％", "个百分点", "百分点", "倍", "家", "个", "亿元", "万元", "元", "万人", "人次", "人",
         "万吨", "吨", "万千瓦", "千瓦", "公里", "千米", "平方米", "平方公里", "亩", "件", "项", "所",
         "座", "台", "辆", "户", "条", "张", "名", "处", "次", "批", "千克", "公斤", "米", "立方米",
         "标准煤", "床", "万亩", "万户", "万套", "套", "份", "天", "个月", "小时", "周", "岁",
         "分钟", "万辆", "万平方米", "GW", "MW", "kW", "千瓦时", "兆瓦", "万标箱", "标箱", "艘", "架"]
UNIT_RE = "|".join(sorted((re.escape(u) for u in set(UNITS)), key=len, reverse=True))
CAND = re.compile(r"(?<![第0-9０-９零〇一二两三四五六七八九十百千万亿])(" + NUM + r")" + MULT + r"(?:" + UNIT_RE + r")")
DUR = re.compile(r"(?<![0-9０-９零〇一二两三四五六七八九十百千.．])(?:[0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})(?:多|余)?年(?:内|以上|以下|以内|时间|期|来|左右|后)?")

def is_candidate(s):
    # a bare Chinese "一" (一批, 一个, 一项 ...) is an article, not a quantity; ordinals (第3条) are skipped
    for m in CAND.finditer(s):
        if m.group(1) != "一":
            return True
    for m in DUR.finditer(s):
        if not m.group(0).startswith("一年") or m.group(0) == "一年内":
            return True
    return False

def all_candidates():
    out = {}
    for p in sorted(glob.glob(TEXT_DIR + "/*.txt")):
        source, secs = load(p)
        c = []
        for n in sorted(secs):
            for s in sentences(secs[n]):
                if is_candidate(s):
                    c.append((n, s))
        out[source] = c
    return out

def k_for(source):
    if source.startswith("realdocs/gwr-2025-"):
        return 4
    if source.startswith("seeds/"):
        return 6
    return 2

def draw():
    rng = random.Random(20261203)
    cands = all_candidates()
    picked = []
    for source in sorted(cands):
        c = cands[source]
        k = min(k_for(source), len(c), 12)
        for n, s in rng.sample(c, k):
            picked.append({"source": source, "section": n, "sentence": s})
    return cands, picked

if __name__ == "__main__":
    cands, picked = draw()
    for src in sorted(cands):
        print(len(cands[src]), src, file=sys.stderr)
    print(sum(len(v) for v in cands.values()), "candidates", len(picked), "picked", file=sys.stderr)
    json.dump(picked, sys.stdout, ensure_ascii=False, indent=1)
