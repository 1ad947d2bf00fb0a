#!/usr/bin/env python3
"""Writes near-20 MiB hostile upload files for the issue-10 worst-case measurement (see docs/reliability.md).

    python3 benchmarks/worst-case/generate.py OUT_DIR

Deterministic (fixed seed). The files are not committed; only this generator is.
"""
import os
import random
import sys
import zipfile

TARGET = 20 * 1024 * 1024 - 64 * 1024  # just under 20 MiB, leaving room for the multipart envelope
rnd = random.Random(10)


def fill(path, make_chunk, head=b"", tail=b""):
    """Writes head, then chunks until TARGET bytes, then tail."""
    with open(path, "wb") as f:
        f.write(head)
        n = len(head) + len(tail)
        while n < TARGET:
            chunk = make_chunk()
            if n + len(chunk) > TARGET:
                chunk = chunk[: TARGET - n]
            f.write(chunk)
            n += len(chunk)
        f.write(tail)


UNDER_BUDGET = 3_900_000  # characters: just under the server's UploadMaxCharacters (4 M), so the file is accepted


def fill_characters(path, make_line, head=""):
    """Writes head, then lines until UNDER_BUDGET characters of text (UTF-8)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        n = len(head)
        while True:
            line = make_line()
            if isinstance(line, bytes):
                line = line.decode()
            if n + len(line) > UNDER_BUDGET:
                break
            f.write(line)
            n += len(line)


CJK = "推进氢能产业协同发展加快示范应用完善基础设施建设强化科技创新支撑培育龙头企业壮大产业集群优化营商环境落实财税金融政策"


def chinese_sentence():
    return "".join(rnd.choice(CJK) for _ in range(rnd.randrange(12, 40))) + "。"


def sections_file(path, count):
    """count decimal-numbered sections (1.1 具体措施 … ) of about 200 characters each: near the 20,000-section budget."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("关于氢能产业的若干措施\n")
        for i in range(count):
            if i % 99 == 0:
                f.write(f"{i // 99 + 1} 分项工作\n")
            f.write(f"{i // 99 + 1}.{i % 99 + 1} 具体措施\n" + "".join(chinese_sentence() for _ in range(6)) + "\n")


def numbers_line():
    cells = []
    for _ in range(16):
        k = rnd.randrange(6)
        if k == 0:
            cells.append(f"{rnd.randrange(1000)}.{rnd.randrange(10)}")
        elif k == 1:
            cells.append(f"{rnd.randrange(1, 1000)},{rnd.randrange(1000):03d}")
        elif k == 2:
            cells.append(f"{rnd.randrange(100)}%")
        elif k == 3:
            cells.append(f"{rnd.randrange(1990, 2030)}年")
        elif k == 4:
            cells.append(f"{rnd.randrange(1, 13)}月{rnd.randrange(1, 29)}日")
        else:
            cells.append(f"〔{rnd.randrange(2000, 2030)}〕{rnd.randrange(1, 200)}号")
    return (" ".join(cells) + "\n").encode()


LATIN = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore "
         "magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo "
         "consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
         "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum").split()


def english_sentence():
    words = [rnd.choice(LATIN) + (str(rnd.randrange(100)) if rnd.random() < 0.1 else "") for _ in range(rnd.randrange(8, 20))]
    return " ".join(words).capitalize() + ". "


def english_line():
    return ("".join(english_sentence() for _ in range(5)) + "\n").encode()


def english_html_para():
    return ("<p>" + "".join(english_sentence() for _ in range(5)) + "</p>\n").encode()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering_docx(path, paragraphs, vary):
    """The .docx numbering bomb of WordNumberingTests (RawDocx): Roman numerals from two billion, a second level whose
    text repeats %1. 300 times; `paragraphs` numbered paragraphs alternating the two levels. With vary, each paragraph
    carries random CJK text so that the zip is not refused for its compression ratio."""
    lvl = lambda ilvl, fmt, text, start="1": (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                                              f'<w:lvlText w:val="{text}"/></w:lvl>')
    numbering = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">'
                 + lvl("0", "upperRoman", "%1", "2000000000") + lvl("1", "upperRoman", "%1." * 300)
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    docrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/_rels/document.xml.rels", docrels)
        z.writestr("word/numbering.xml", numbering)
        with z.open("word/document.xml", "w") as d:
            d.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            for i in range(paragraphs):
                text = "".join(chr(0x4E00 + rnd.randrange(0x5000)) for _ in range(6)) if vary else "条"
                d.write(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 2}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                        f'<w:r><w:t>{text}</w:t></w:r></w:p>'.encode())
            d.write(b"</w:body></w:document>")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "worst-case-files"
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)
    fill(p("numbers.txt"), numbers_line, head="统计数据表\n".encode())
    fill(p("english.txt"), english_line)
    fill(p("english.html"), english_html_para, head=b"<!DOCTYPE html><html><head><title>Lorem</title></head><body>\n", tail=b"</body></html>\n")
    # the same inside one <div>: paragraphs straight under <body> are read as the first one only (see the report)
    fill(p("english-div.html"), english_html_para, head=b"<!DOCTYPE html><html><head><title>Lorem</title></head><body><div>\n", tail=b"</div></body></html>\n")
    fill(p("deep-div.html"), lambda: b"<div>" * 4096, head=b"<html><body>")
    fill(p("deep-div-span.html"), lambda: b"<div></span>" * 4096, head=b"<html><body>")
    fill(p("deep-div-selfclosed.html"), lambda: b"<div/>" * 4096, head=b"<html><body>")
    # 200k divs, then 19 MiB of ordinary Chinese-free text inside the deepest one
    fill(p("deep-div-200k-text.html"), english_html_para, head=b"<html><body>" + b"<div>" * 200_000)
    numbering_docx(p("numbering-bomb-small.docx"), 1000, vary=False)
    numbering_docx(p("numbering-bomb-100k.docx"), 100_000, vary=True)  # under the 8 M-character read limit
    numbering_docx(p("numbering-bomb-large.docx"), 1_000_000, vary=True)
    # Accepted files at the edge of the upload budget: they go through every stage (cleaning, metadata, sections,
    # analysis, indexing), and their document view is measured.
    fill_characters(p("numbers-under-budget.txt"), numbers_line, head="统计数据表\n")
    fill_characters(p("english-under-budget.txt"), english_line)
    fill_characters(p("chinese-one-section.txt"), lambda: "".join(chinese_sentence() for _ in range(8)) + "\n", head="关于氢能产业的说明\n")
    sections_file(p("chinese-19k-sections.txt"), 19_000)
    for name in sorted(os.listdir(out)):
        print(f"{os.path.getsize(p(name)):>10}  {name}")


if __name__ == "__main__":
    main()
