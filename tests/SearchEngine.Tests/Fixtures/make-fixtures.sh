#!/usr/bin/env bash
# Regenerates the document-reader test fixtures in this folder.
#
#   tests/SearchEngine.Tests/Fixtures/make-fixtures.sh
#
# Needs: python3 (standard library only); LibreOffice (soffice) for
# policy.docx, policy.pdf and truncated.docx; and, for policy.pdf, the
# TrueType CJK font "WenQuanYi Micro Hei" (Debian: apt-get install
# fonts-wqy-microhei), looked up with fc-list.
#
# LibreOffice also makes policy.doc (flat ODT -> .docx -> Word 97) and
# policy.wps (flat ODT -> Word 97, saved under the .wps name, as WPS Office
# 2005+ writes it). These two are not normalised: their summary streams carry
# the conversion time, so their bytes change on every run (the text does not).
# policy.md, policy.xlsx (hand-written SpreadsheetML) and policy.ofd (hand-
# written GB/T 33190 OFD: OFD.xml, Document.xml, two Content.xml pages) are
# written by python below with fixed zip timestamps.
#
# Every other fixture is written by python directly and is byte-for-byte
# deterministic. The LibreOffice outputs are normalised afterwards (fixed zip
# timestamps and core.xml dates; fixed PDF dates, /ID and /DocChecksum), so
# re-running gives identical bytes as long as the LibreOffice version and the
# fonts are unchanged.
#
# See README.md in this folder for what each fixture contains and what the
# readers are expected to produce.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOFFICE="${SOFFICE:-soffice}"

if ! command -v "$SOFFICE" >/dev/null 2>&1; then
  echo "error: LibreOffice ('$SOFFICE') not found; set SOFFICE=/path/to/soffice" >&2
  exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export TZ=UTC
export SOURCE_DATE_EPOCH=1656633600   # 2022-07-01T00:00:00Z (honoured by newer LibreOffice only)

# The PDF must use a TrueType CJK font: LibreOffice 7.x embeds CFF/OpenType
# fonts such as Noto CJK as Type 1 subsets (~310 bytes a glyph), which would
# push policy.pdf far past the 60 KB fixture budget. WenQuanYi Micro Hei
# (Debian package fonts-wqy-microhei) is embedded as a TrueType subset (~125
# bytes a glyph).
PDF_FONT="WenQuanYi Micro Hei"
if ! fc-list ":family=$PDF_FONT" family | grep -q .; then
  echo "error: font '$PDF_FONT' not installed; run: apt-get install fonts-wqy-microhei" >&2
  exit 1
fi

mkdir -p "$WORK/docx" "$WORK/pdf" "$WORK/out-docx" "$WORK/out-pdf"

# ---------------------------------------------------------------------------
# 1. Everything that python can write directly, plus the LibreOffice sources.
# ---------------------------------------------------------------------------
python3 - "$HERE" "$WORK" "$PDF_FONT" <<'PY'
import hashlib
import html
import os
import sys

OUT, WORK, PDF_FONT = sys.argv[1], sys.argv[2], sys.argv[3]

ADDRESSEE = "各市州、县市区人民政府，省政府各厅委、各直属机构："
PUBLIC = "（此件主动公开）"

# A document is a list of blocks:
#   ("title", text)        notice title
#   ("docno", text)        document number
#   ("p", text)            body paragraph
#   ("h1".."h4", text)     outline headings 一、 / （一） / 1. / （1）
#   ("runin", head, body)  level-3 heading run into its body sentence
#   ("unit", text)         responsible-unit sentence
#   ("sign", text)         issuing authority (signature)
#   ("date", text)         date of issue
def doc(title, docno, intro, outline, issuer, date, tail=()):
    return ([("title", title), ("docno", docno), ("p", ADDRESSEE), ("p", intro)]
            + list(outline) + list(tail)
            + [("sign", issuer), ("date", date), ("p", PUBLIC)])

HYDROGEN = doc(
    "湖南省人民政府办公厅关于加快氢能产业高质量发展的通知",
    "湘政办发〔2022〕15号",
    "氢能是未来国家能源体系的重要组成部分，是战略性新兴产业的重点方向。为加快推动我省氢能产业高质量发展，经省人民政府同意，现就有关事项通知如下。",
    [
        ("h1", "一、总体要求"),
        ("h2", "（一）指导思想"),
        ("p", "坚持创新驱动、示范引领、安全为先，以燃料电池汽车示范应用为突破口，着力构建制氢、储运、加注、应用全链条产业体系，推动氢能产业成为我省经济增长新引擎。"),
        ("h2", "（二）发展目标"),
        ("p", "到2025年，全省氢能产业总产值突破300亿元，建成加氢站20座以上，推广燃料电池汽车1000辆以上，培育具有核心竞争力的骨干企业10家以上。"),
        ("h1", "二、重点任务"),
        ("h2", "（一）强化技术创新"),
        ("h3", "1.突破关键核心技术"),
        ("h4", "（1）建设创新平台"),
        ("p", "支持建设省级氢能技术创新中心，鼓励龙头企业牵头组建创新联合体，开展质子交换膜、催化剂、双极板等关键材料攻关。"),
        ("h4", "（2）加强人才引育"),
        ("p", "依托重大人才工程引进氢能领域高层次人才团队，支持高校开设氢能相关专业。"),
        ("unit", "（责任单位：省科技厅、省工业和信息化厅）"),
        ("h2", "（二）培育产业集群"),
        ("runin", "1.加快氢能产业发展。", "推动燃料电池汽车在城市公交、港口物流、环卫等领域示范应用，支持株洲、岳阳等地打造氢能产业集聚区。"),
        ("h3", "2.完善基础设施"),
        ("p", "统筹规划加氢站布局，鼓励利用现有加油站、加气站改扩建油氢合建站。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）加强组织领导"),
        ("p", "各地各部门要把发展氢能产业摆在重要位置，建立工作协调机制，及时研究解决重大问题。"),
        ("h2", "（二）加大政策支持"),
        ("p", "统筹用好省级相关专项资金，对符合条件的氢能项目给予支持。"),
    ],
    "湖南省人民政府办公厅", "2022年3月1日")

BEIDOU = doc(
    "湖南省人民政府办公厅关于推进北斗规模应用的通知",
    "湘政办发〔2022〕18号",
    "为深入贯彻落实国家关于北斗卫星导航系统应用推广的决策部署，加快推进北斗在我省各行业各领域规模应用，经省人民政府同意，现就有关事项通知如下。",
    [
        ("h1", "一、总体要求"),
        ("h2", "（一）基本原则"),
        ("p", "坚持需求牵引、市场主导、融合创新、安全可控，推动北斗系统在重点行业和大众消费领域全面应用。"),
        ("h2", "（二）主要目标"),
        ("p", "到2025年，全省北斗产业规模达到500亿元，重点行业北斗终端应用率达到95%以上。"),
        ("h1", "二、主要任务"),
        ("h2", "（一）深化行业应用"),
        ("runin", "1.推广交通运输应用。", "推动“两客一危”车辆、重型货车全面安装北斗终端，建设全省交通运输北斗综合服务平台。"),
        ("h3", "2.拓展农业农村应用"),
        ("h4", "（1）推进智慧农机"),
        ("p", "支持农机装备加装北斗导航辅助驾驶系统，提升农业生产精准化水平。"),
        ("h4", "（2）服务防灾减灾"),
        ("p", "利用北斗高精度定位开展地质灾害监测预警，提高应急救援响应能力。"),
        ("unit", "（责任单位：省交通运输厅、省农业农村厅、省应急厅）"),
        ("h2", "（二）壮大产业生态"),
        ("h3", "1.培育骨干企业"),
        ("p", "支持长沙打造北斗产业创新高地，引导芯片、模块、终端企业集聚发展。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）加强统筹协调"),
        ("p", "建立省级北斗应用推进工作机制，协调解决规模应用中的重大问题。"),
        ("h2", "（二）强化安全保障"),
        ("p", "落实网络安全和数据安全管理要求，确保北斗应用系统安全可靠运行。"),
    ],
    "湖南省人民政府办公厅", "2022年3月15日")

# Contains 堃 (U+5803, in GBK but not GB2312) and 㮾 (U+3BBE, CJK Ext-A,
# not in GBK at all: GB18030 four-byte sequence 82 31 B7 39).
INDUSTRIAL_INTERNET = doc(
    "湖南省人民政府办公厅关于加快工业互联网创新发展的通知",
    "湘政办发〔2022〕22号",
    "为加快推进新一代信息技术与制造业深度融合，推动我省工业互联网创新发展，经省人民政府同意，现就有关事项通知如下。",
    [
        ("h1", "一、总体要求"),
        ("h2", "（一）工作目标"),
        ("p", "到2025年，全省建成工业互联网标识解析二级节点15个以上，培育具有行业影响力的工业互联网平台30个以上，推动5万家企业上云上平台。"),
        ("h1", "二、重点任务"),
        ("h2", "（一）夯实网络基础"),
        ("h3", "1.建设标识解析体系"),
        ("h4", "（1）加快二级节点建设"),
        ("p", "围绕工程机械、轨道交通、新材料等优势产业建设标识解析二级节点，推动标识规模化应用。"),
        ("h4", "（2）推进企业内网改造"),
        ("p", "支持企业运用5G、时间敏感网络等技术改造生产现场网络。"),
        ("h2", "（二）培育平台体系"),
        ("runin", "1.打造工业互联网平台。", "支持龙头企业建设跨行业跨领域平台，推动长沙县㮾梨街道等地建设工业互联网产业园，引导中小企业“上云用数赋智”。"),
        ("unit", "（责任单位：省工业和信息化厅、省通信管理局）"),
        ("h3", "2.推进园区数字化转型"),
        ("p", "以省级以上园区为重点，建设一批工业互联网示范园区。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）加大资金支持"),
        ("p", "省制造强省专项资金对工业互联网重点项目给予倾斜支持。"),
        ("h2", "（二）强化人才支撑"),
        ("p", "加强工业互联网领域专业技术人才培养，支持校企共建实训基地。"),
    ],
    "湖南省人民政府办公厅", "2022年4月6日",
    tail=[("p", "联系人：王堃，联系电话：0731-88881234。")])

AI = doc(
    "湖南省人民政府办公厅关于促进人工智能产业发展的通知",
    "湘政办发〔2022〕27号",
    "为抢抓人工智能发展重大机遇，加快建设全国具有核心竞争力的人工智能产业集聚区，经省人民政府同意，现就有关事项通知如下。",
    [
        ("h1", "一、发展目标"),
        ("h2", "（一）总体目标"),
        ("p", "到2025年，全省人工智能核心产业规模突破300亿元，带动相关产业规模超过3000亿元。"),
        ("h1", "二、重点任务"),
        ("h2", "（一）夯实算力基础"),
        ("h3", "1.建设智能计算中心"),
        ("h4", "（1）统筹算力布局"),
        ("p", "依托国家超级计算长沙中心，建设面向人工智能训练和推理的公共算力平台。"),
        ("h4", "（2）开放数据资源"),
        ("p", "推动公共数据分级分类有序开放，建设行业高质量训练数据集。"),
        ("unit", "（责任单位：省发展改革委、省科技厅）"),
        ("h2", "（二）推动融合应用"),
        ("runin", "1.发展智能制造。", "推动人工智能技术在工程机械、轨道交通装备等领域深度应用，建设一批智能工厂和数字化车间。"),
        ("h3", "2.拓展社会治理应用"),
        ("p", "在政务服务、医疗健康、智慧交通等领域打造一批人工智能典型应用场景。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）加强组织实施"),
        ("p", "各市州要结合实际制定具体落实举措，明确责任分工和进度安排。"),
    ],
    "湖南省人民政府办公厅", "2022年5月10日")

VEHICLES = doc(
    "湖南省人民政府办公厅关于加快智能网联汽车产业发展的通知",
    "湘政办发〔2022〕16号",
    "为抢抓汽车产业电动化、智能化、网联化发展机遇，推动我省智能网联汽车产业加快发展，经省人民政府同意，现就有关事项通知如下。",
    [
        ("h1", "一、总体要求"),
        ("h2", "（一）发展目标"),
        ("p", "到2025年，全省智能网联汽车测试道路里程达到1000公里以上，培育一批关键零部件领军企业。"),
        ("h1", "二、重点任务"),
        ("h2", "（一）完善测试示范体系"),
        ("h3", "1.扩大测试道路开放"),
        ("h4", "（1）有序开放测试路段"),
        ("p", "支持长沙、株洲、湘潭扩大智能网联汽车测试道路范围，建立跨区域测试结果互认机制。"),
        ("h4", "（2）建设车路协同设施"),
        ("p", "推进道路基础设施智能化改造，部署路侧感知和通信设备。"),
        ("unit", "（责任单位：省工业和信息化厅、省公安厅、省交通运输厅）"),
        ("h2", "（二）推动产业集聚"),
        ("runin", "1.加快智能网联汽车产业发展。", "推动整车企业与通信、互联网企业深度合作，支持激光雷达、车规级芯片等关键零部件研发和产业化。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）加强安全管理"),
        ("p", "建立健全测试车辆安全监管制度，落实企业安全主体责任。"),
    ],
    "湖南省人民政府办公厅", "2022年3月3日")

DIGITAL_GOV = doc(
    "湖南省人民政府办公厅关于加快推进数字政府建设的通知",
    "湘政办发〔2022〕31号",
    "为全面提升政府数字化履职能力，加快推进数字政府建设，经省人民政府同意，现就有关事项通知如下。",
    [
        ("h1", "一、总体要求"),
        ("h2", "（一）建设目标"),
        ("p", "到2025年，基本建成“整体协同、高效运行、精准服务、科学管理”的数字政府，政务服务事项网上可办率达到100%。"),
        ("h1", "二、重点任务"),
        ("h2", "（一）提升政务服务效能"),
        ("h3", "1.深化“一件事一次办”改革"),
        ("h4", "（1）推进高频事项集成办理"),
        ("p", "围绕企业和群众全生命周期，推出一批高频“一件事”集成服务。"),
        ("h4", "（2）拓展移动端服务"),
        ("p", "完善“湘易办”移动服务平台功能，推动更多服务事项“掌上办”“指尖办”。"),
        ("unit", "（责任单位：省政务局、省发展改革委）"),
        ("h2", "（二）强化数据共享"),
        ("runin", "1.加快数据资源整合。", "依托省政务大数据中心，推动人口、法人、电子证照等基础数据库建设，实现跨层级、跨部门数据按需共享。"),
        ("h3", "2.健全数据安全体系"),
        ("p", "落实数据分类分级保护制度，强化数据全生命周期安全管理。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）强化组织保障"),
        ("p", "各级政府要把数字政府建设列入重要议事日程，主要负责同志要亲自抓、负总责。"),
    ],
    "湖南省人民政府办公厅", "2022年6月2日")

# Long enough to wrap and to span two pages in the PDF, but written with a
# small character repertoire (< 255 distinct glyphs, so one font subset).
STORAGE = doc(
    "湖南省人民政府关于加快新型储能产业发展的通知",
    "湘政发〔2022〕8号",
    "新型储能是构建新型电力系统的重要技术和基础装备。为加快推动我省新型储能产业发展，现就有关事项通知如下。",
    [
        ("h1", "一、总体要求"),
        ("h2", "（一）发展目标"),
        ("p", "到2025年，全省新型储能产业发展水平明显提升，新型储能装机规模达到200万千瓦以上，产业规模突破1000亿元，培育一批具有核心竞争力的储能企业，新型储能在电力系统中的作用明显增强。"),
        ("h1", "二、重点任务"),
        ("h2", "（一）提升技术创新能力"),
        ("h3", "1.加强关键技术攻关"),
        ("h4", "（1）发展电化学储能"),
        ("p", "支持企业联合高校和科研院所开展电池材料、电池系统和安全技术攻关，提升储能电池的安全水平和使用寿命，推动储能技术创新成果在省内转化应用。"),
        ("h4", "（2）布局前沿储能技术"),
        ("p", "支持开展压缩空气储能、飞轮储能、氢储能等技术研究和示范应用，推动一批新型储能技术在我省率先应用，提升新型储能产业发展水平。"),
        ("unit", "（责任单位：省科技厅、省工业和信息化厅、省能源局）"),
        ("h3", "2.建设创新平台"),
        ("p", "支持储能企业联合高校和科研院所建设技术创新中心，推动储能标准制定和检验检测平台建设。"),
        ("h2", "（二）推动规模化应用"),
        ("runin", "1.加快新型储能产业发展。", "推动电源侧、电网侧新型储能规模化建设，支持长沙、株洲、湘潭等地建设新型储能产业基地，打造从材料、电池到系统集成和回收利用的完整产业链。"),
        ("h3", "2.拓展用户侧应用"),
        ("p", "支持工业园区、数据中心、充电设施等用户建设储能设施，提升用户侧储能应用水平。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）加强组织领导"),
        ("p", "建立全省新型储能产业发展工作机制，各市州要结合实际制定具体实施方案，推动各项任务落实。"),
        ("h2", "（二）强化安全管理"),
        ("p", "落实储能电站安全管理主体责任，健全安全标准和应急管理机制，确保储能设施安全运行。"),
    ],
    "湖南省人民政府", "2022年7月1日")
glyphs = set("".join(b[1] + (b[2] if len(b) > 2 else "") for b in STORAGE)) | set("— 0123456789")
assert len(glyphs) < 250, len(glyphs)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def to_lines(blocks, indent):
    """Plain-text rendering: one block per line. Title, document number,
    addressee, signature and date are not indented; everything else is."""
    lines = []
    for b in blocks:
        kind = b[0]
        if kind in ("title", "docno"):
            lines += [b[1], ""]
        elif kind == "sign":
            lines += ["", b[1]]           # blank line before the signature block
        elif kind == "date":
            lines.append(b[1])
        elif kind == "runin":
            lines.append(indent + b[1] + b[2])
        elif kind == "p" and b[1] == ADDRESSEE:
            lines.append(b[1])
        else:
            lines.append(indent + b[1])
    return lines


IND = "\u3000\u3000"  # two ideographic spaces, the usual paragraph indent

# --- plain-text fixtures -----------------------------------------------------
write("policy-utf8.txt", ("\n".join(to_lines(HYDROGEN, IND)) + "\n").encode("utf-8"))
write("policy-utf8-bom.txt", ("\n".join(to_lines(BEIDOU, "")) + "\n").encode("utf-8-sig"))
gb_text = "\r\n".join(to_lines(INDUSTRIAL_INTERNET, IND)) + "\r\n"
gb_bytes = gb_text.encode("gb18030")
assert gb_bytes.decode("gb18030") == gb_text
try:
    gb_text.encode("gbk")
    raise SystemExit("gb18030 fixture must contain a character outside GBK")
except UnicodeEncodeError:
    pass
write("policy-gb18030.txt", gb_bytes)
# "utf-16" would use the platform byte order; be explicit: BOM FF FE + LE.
write("policy-utf16le.txt", b"\xff\xfe" + ("\r\n".join(to_lines(AI, "")) + "\r\n").encode("utf-16-le"))

write("not-a-policy.txt", (
    "周末在家做红烧肉\n"
    "\n"
    "今天下午去菜市场买了一斤五花肉，老板说这块肉肥瘦相间，最适合做红烧肉。\n"
    "回家先把肉切成麻将大小的块，冷水下锅焯水，加几片姜和一勺料酒，煮开后撇去浮沫再捞出来沥干。\n"
    "锅里放少许油，小火把冰糖慢慢炒成枣红色，倒入肉块翻炒上色，再加生抽、老抽、八角和桂皮。\n"
    "加开水没过肉块，盖上锅盖小火炖了一个多小时，最后开大火收汁，汤汁变得浓稠发亮。\n"
    "孩子们吃得很开心，说比饭店里做的还好吃。下次想试试加点鹌鹑蛋和土豆一起炖。\n"
).encode("utf-8"))

# --- HTML fixture ------------------------------------------------------------
def e(s):
    return html.escape(s, quote=True)

body = []
for b in VEHICLES:
    kind = b[0]
    if kind == "title":
        continue  # rendered as <h1 class="article-title"> above the content div
    if kind == "docno":
        body.append(f'<p style="text-align:center;">{e(b[1])}</p>')
    elif kind == "h1":
        body.append(f"<h2>{e(b[1])}</h2>")
    elif kind == "h2":
        body.append(f"<h3>{e(b[1])}</h3>")
    elif kind in ("h3", "h4"):
        body.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;<strong>{e(b[1])}</strong></p>")
    elif kind == "runin":
        body.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;<strong>{e(b[1])}</strong>{e(b[2])}</p>")
    elif kind in ("sign", "date"):
        body.append(f'<p style="text-align:right;">{e(b[1])}</p>')
    elif b[1] == ADDRESSEE:
        body.append(f"<p>{e(b[1])}</p>")
    else:
        body.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{e(b[1])}</p>")
vtitle = VEHICLES[0][1]

page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="湖南省人民政府门户网站">
<meta name="SiteDomain" content="www.hunan.gov.cn">
<meta name="SiteIDCode" content="4300000063">
<meta name="ColumnName" content="省政府办公厅文件">
<meta name="ArticleTitle" content="{e(vtitle)}">
<meta name="PubDate" content="2022-03-05 10:00">
<meta name="ContentSource" content="湖南省人民政府网站">
<meta name="Keywords" content="智能网联汽车,产业发展,通知">
<meta name="Description" content="湖南省人民政府办公厅关于加快智能网联汽车产业发展的通知">
<title>{e(vtitle)}_省政府办公厅文件_湖南省人民政府门户网站</title>
<link rel="stylesheet" href="/css/common.css">
<style>
  body {{ margin: 0; font-family: "Microsoft YaHei", sans-serif; color: #333; }}
  .top-bar, .footer {{ background: #f2f2f2; font-size: 12px; }}
  .nav li {{ display: inline-block; padding: 0 18px; }}
  .article-content p {{ line-height: 2; font-size: 16px; }}
</style>
<script type="text/javascript">
  var _hmt = _hmt || [];
  function setFontSize(size) {{
    document.querySelector('.article-content').style.fontSize = size + 'px';
    console.log("字号已调整为" + size);
  }}
</script>
</head>
<body>
<div class="top-bar">
  <span>欢迎访问湖南省人民政府门户网站</span>
  <a href="/wza/">无障碍</a> | <a href="/en/">English</a> | <a href="/login">登录</a>
</div>
<div class="header">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="湖南省人民政府门户网站">湖南省人民政府门户网站</a></div>
  <div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
</div>
<div class="nav">
  <ul>
    <li><a href="/">首页</a></li>
    <li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zwfw/">政务服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li>
    <li><a href="/zjhn/">走进湖南</a></li>
  </ul>
</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/szfbgtwj/">省政府办公厅文件</a></div>
<div class="main">
  <div class="article">
    <h1 class="article-title">{e(vtitle)}</h1>
    <div class="article-info">
      <span>发布时间：2022-03-05 10:00</span>
      <span>来源：湖南省人民政府网站</span>
      <span style="float:right;color:#999;">字号：<a href="javascript:setFontSize(18)">大</a> <a href="javascript:setFontSize(16)">中</a> <a href="javascript:setFontSize(14)">小</a></span>
    </div>
    <div class="article-content" id="zoom">
{chr(10).join('      ' + x for x in body)}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
  </div>
  <div class="sidebar">
    <h4>相关文件</h4>
    <ul>
      <li><a href="/zwgk/1.html">湖南省人民政府办公厅关于加快氢能产业高质量发展的通知</a></li>
      <li><a href="/zwgk/2.html">湖南省人民政府办公厅关于推进北斗规模应用的通知</a></li>
      <li><a href="/zwgk/3.html">湖南省人民政府办公厅关于印发《湖南省“十四五”战略性新兴产业发展规划》的通知</a></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p><a href="/about/">关于我们</a> | <a href="/contact/">联系我们</a> | <a href="/sitemap/">网站地图</a> | <a href="/privacy/">隐私声明</a></p>
  <p>主办：湖南省人民政府办公厅　承办：湖南省人民政府发展研究中心</p>
  <p>版权所有：湖南省人民政府办公厅　网站标识码：4300000063　湘ICP备05007036号　湘公网安备43010502000001号</p>
  <p>联系我们：0731-82212000　地址：湖南省长沙市天心区湘府西路8号</p>
</div>
<script>
  (function () {{
    var hm = document.createElement("script");
    hm.src = "https://hm.example.com/hm.js?0123456789abcdef";
    document.body.appendChild(hm);
  }})();
</script>
</body>
</html>
"""
write("policy.html", page.encode("utf-8"))

# --- LibreOffice sources (flat ODT) --------------------------------------------
FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>
 <dc:title>{title}</dc:title>
 <meta:initial-creator>{creator}</meta:initial-creator>
 <dc:creator>{creator}</dc:creator>
 <dc:language>zh-CN</dc:language>
 <meta:creation-date>{created}</meta:creation-date>
 <dc:date>{created}</dc:date>
</office:meta>
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'" style:font-family-generic="roman"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:orphans="0" fo:widows="0" fo:line-height="{line}"
   style:punctuation-wrap="simple" style:text-autospace="none"/>
  <style:text-properties style:font-name="{font}" fo:font-size="{size}pt"
   style:font-name-asian="{font}" style:font-size-asian="{size}pt"
   fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:text-indent="{indent}pt" fo:margin-top="0pt" fo:margin-bottom="0pt" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="chapter">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0pt" fo:margin-bottom="12pt"/>
  <style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
  <style:paragraph-properties fo:text-indent="{indent}pt" fo:margin-top="0pt" fo:margin-bottom="0pt" fo:keep-with-next="always"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="3" style:class="text"/>
 <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="4" style:class="text"/>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="PCenter" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/>
 </style:style>
 <style:style style:name="PRight" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-right="32pt"/>
 </style:style>
 <style:style style:name="PSpaced" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end" fo:margin-right="32pt" fo:margin-top="{size}pt"/>
 </style:style>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="3.7cm" fo:margin-bottom="2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:footer-style>
   <style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/>
  </style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{footer}</style:master-page>
</office:master-styles>
<office:body>
<office:text>
"""
FODT_TAIL = """</office:text>
</office:body>
</office:document>
"""
PAGE_FOOTER = ('<style:footer><text:p text:style-name="Footer">— '
               '<text:page-number text:select-page="current">1</text:page-number>'
               ' —</text:p></style:footer>')


def x(s):
    return html.escape(s, quote=False)


def fodt(blocks, created, font, size, line, footer):
    out = [FODT_HEAD.format(title=x(blocks[0][1]), creator="湖南省人民政府办公厅",
                            created=created, font=font, size=size, indent=2 * size,
                            line=line, footer=footer)]
    for b in blocks:
        kind = b[0]
        if kind == "title":
            out.append(f'<text:p text:style-name="Title">{x(b[1])}</text:p>')
        elif kind == "docno":
            out.append(f'<text:p text:style-name="PCenter">{x(b[1])}</text:p>')
        elif kind in ("h1", "h2", "h3", "h4"):
            lvl = kind[1]
            out.append(f'<text:h text:style-name="Heading_20_{lvl}" text:outline-level="{lvl}">{x(b[1])}</text:h>')
        elif kind == "runin":
            out.append(f'<text:p text:style-name="Text_20_body">'
                       f'<text:span text:style-name="Strong_20_Emphasis">{x(b[1])}</text:span>{x(b[2])}</text:p>')
        elif kind == "sign":
            out.append(f'<text:p text:style-name="PSpaced">{x(b[1])}</text:p>')
        elif kind == "date":
            out.append(f'<text:p text:style-name="PRight">{x(b[1])}</text:p>')
        elif b[1] == ADDRESSEE:
            out.append(f'<text:p text:style-name="Standard">{x(b[1])}</text:p>')
        else:
            out.append(f'<text:p text:style-name="Text_20_body">{x(b[1])}</text:p>')
    out.append(FODT_TAIL)
    return "\n".join(out).encode("utf-8")


with open(os.path.join(WORK, "docx", "policy.fodt"), "wb") as f:
    f.write(fodt(DIGITAL_GOV, "2022-06-02T09:00:00", "仿宋_GB2312", 16, "100%", ""))
with open(os.path.join(WORK, "pdf", "policy.fodt"), "wb") as f:
    # Government layout: 16 pt (三号) text, fixed 28 pt line pitch, 22 lines a page.
    # The PDF font must be a TrueType one (see the header of this script).
    f.write(fodt(STORAGE, "2022-07-01T09:00:00", PDF_FONT, 16, "28pt", PAGE_FOOTER))

# --- fixtures of the Markdown, .doc/.wps, .xlsx and OFD readers ---------------------
# Jiangxi notices (赣), each a different one, so a folder ingest does not fold them
# together as near-duplicates.
import zipfile

JX_ADDRESSEE = "各设区市人民政府，省政府各部门："


def jx_doc(title, docno, intro, outline, issuer, date):
    return ([("title", title), ("docno", docno), ("p", JX_ADDRESSEE), ("p", intro)]
            + list(outline) + [("sign", issuer), ("date", date), ("p", PUBLIC)])


def write_zip(name, entries):
    """A deterministic zip: fixed timestamps, entries in the given order."""
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in entries:
            zi = zipfile.ZipInfo(entry, date_time=(2020, 3, 12, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data.encode("utf-8") if isinstance(data, str) else data)


# --- policy.md: Markdown as regulation databases publish (see law-*.md) ----------------
write("policy.md", """# 江西省人民政府办公厅关于加强公共数据管理的通知

赣府厅发〔2020〕4号

2020年2月10日 江西省人民政府办公厅印发

<!-- INFO END -->

各设区市人民政府，省政府各部门：

为加快推进公共数据资源整合共享和开放利用，提升政府治理能力，经省政府同意，现就加强公共数据管理有关事项通知如下。

## 一、总体要求

### （一）指导思想

以数字政府建设为牵引，依托[江西省人民政府网](http://www.jiangxi.gov.cn/ "江西省人民政府")和省电子政务共享数据统一交换平台，
推动公共数据**统一目录、统一标准、统一交换**，打破信息孤岛。

### （二）工作目标

到2022年底，省级部门公共数据*全部*纳入目录管理，数据共享需求满足率达到95%以上。

## 二、重点任务

### （一）建立公共数据目录

1. 编制目录清单。各地各部门要按照统一标准编制本单位公共数据目录，于每年3月底前报送。
2. 动态更新目录。目录内容发生变化的，应当在10个工作日内完成更新。

### （二）规范数据共享

- 省政务服务管理办公室负责统筹全省公共数据共享工作；
- 各设区市人民政府负责本行政区域内公共数据共享工作。

| 序号 | 数据类别 | 责任单位 | 完成时限 |
| --- | --- | --- | --- |
| 1 | 人口基础信息 | 省公安厅 | 2020年6月 |
| 2 | 法人基础信息 | 省市场监管局 | 2020年6月 |

（责任单位：省政务服务管理办公室、省发展改革委）

## 三、保障措施

### （一）加强组织领导

各地各部门要明确分管领导和工作机构，将公共数据管理工作纳入年度考核。

附件：江西省公共数据管理暂行办法（节选）

## 第一章 总则

**第一条** 为了规范公共数据管理，促进公共数据共享开放，根据有关法律、法规，结合本省实际，制定本办法。

**第二条** 本省行政区域内公共数据的采集、共享、开放和安全管理，适用本办法。

江西省人民政府办公厅  
2020年2月10日

（此件主动公开）
""".encode("utf-8"))

# --- policy.doc and policy.wps: sources for LibreOffice ---------------------------------
BUSINESS = jx_doc(
    "江西省人民政府办公厅关于进一步优化营商环境的通知",
    "赣府厅发〔2020〕9号",
    "为深入贯彻《优化营商环境条例》，持续打造“四最”营商环境，经省政府同意，现就有关事项通知如下。",
    [
        ("h1", "一、总体要求"),
        ("h2", "（一）工作目标"),
        ("p", "到2020年底，企业开办时间压缩至2个工作日以内，工程建设项目审批时间压缩至80个工作日以内。"),
        ("h1", "二、重点任务"),
        ("h2", "（一）深化“放管服”改革"),
        ("h3", "1.推进审批服务便民化"),
        ("h4", "（1）推行“一网通办”"),
        ("p", "依托赣服通和江西政务服务网，推动政务服务事项全程网上办理。"),
        ("h4", "（2）实行告知承诺制"),
        ("p", "对具备条件的证明事项推行告知承诺制，减少各类证明材料。"),
        ("unit", "（责任单位：省政务服务管理办公室、省司法厅）"),
        ("h2", "（二）强化要素保障"),
        ("runin", "1.降低企业用地成本。", "推行工业用地长期租赁、先租后让、弹性年期供应等方式，降低企业初始用地成本。"),
        ("h1", "三、保障措施"),
        ("h2", "（一）加强督查考核"),
        ("p", "将优化营商环境工作纳入全省高质量发展综合考核，对工作不力的地方和部门予以通报。"),
    ],
    "江西省人民政府办公厅", "2020年3月20日")

FARMING = jx_doc(
    "江西省人民政府办公厅关于做好2020年春耕生产工作的通知",
    "赣府厅字〔2020〕12号",
    "当前正值春耕生产关键时期，为确保全年粮食生产目标任务完成，经省政府同意，现就做好春耕生产工作通知如下。",
    [
        ("h1", "一、稳定粮食播种面积"),
        ("h2", "（一）落实生产任务"),
        ("p", "各设区市要将粮食播种面积和产量目标分解落实到县、乡、村和经营主体，确保全省粮食播种面积稳定在5000万亩以上。"),
        ("h2", "（二）遏制耕地撂荒"),
        ("p", "对撂荒耕地开展摸底排查，通过代耕代种、土地托管等方式推动复耕复种。"),
        ("h1", "二、保障农资供应"),
        ("h2", "（一）组织农资调运"),
        ("h3", "1.畅通运输渠道"),
        ("p", "将种子、化肥、农药等农资运输车辆纳入应急运输保障范围，确保农资运得进、供得上。"),
        ("unit", "（责任单位：省农业农村厅、省交通运输厅、省供销社）"),
        ("runin", "2.加强市场监管。", "严厉打击制售假劣农资行为，保障农民用上放心农资。"),
        ("h1", "三、强化技术服务"),
        ("h2", "（一）开展科技下乡"),
        ("p", "组织农技人员深入田间地头，指导农民科学选种、适时播种、合理施肥。"),
    ],
    "江西省人民政府办公厅", "2020年3月6日")

os.makedirs(os.path.join(WORK, "doc"), exist_ok=True)
os.makedirs(os.path.join(WORK, "wps"), exist_ok=True)
with open(os.path.join(WORK, "doc", "policy.fodt"), "wb") as f:
    f.write(fodt(BUSINESS, "2020-03-20T09:00:00", "仿宋_GB2312", 16, "100%", ""))
with open(os.path.join(WORK, "wps", "policy.fodt"), "wb") as f:
    f.write(fodt(FARMING, "2020-03-06T09:00:00", "仿宋_GB2312", 16, "100%", ""))

# --- policy.xlsx: a notice on its first sheet, its task table on the second -------------
XLSX_TITLE = "江西省人民政府办公厅关于印发江西省数字经济重点任务分工方案的通知"
XLSX_NOTICE = [
    XLSX_TITLE,
    "赣府厅发〔2020〕15号",
    JX_ADDRESSEE,
    "为加快数字经济发展，经省政府同意，现将《江西省数字经济重点任务分工方案》印发给你们，请认真贯彻执行。",
    "一、总体要求",
    "（一）发展目标",
    "到2022年，全省数字经济增加值年均增长15%以上，数字经济总量占GDP比重达到35%左右。",
    "二、重点任务",
    "（一）推进数字产业化",
    "重点任务及责任分工见“任务分工”表。",
    "（二）推进产业数字化",
    "推动工业互联网、智慧农业和数字服务业加快发展。",
    "江西省人民政府办公厅",
    "2020年4月3日",
]
XLSX_TASKS = [
    ["序号", "重点任务", "责任单位", "完成时限"],
    [1, "建设南昌VR产业基地", "省工业和信息化厅", "2020年12月"],
    [2, "推进5G基站建设", "省通信管理局", "2021年6月"],
    [3, "建设鹰潭物联网产业基地", "鹰潭市人民政府", "长期坚持"],
]
strings, index = [], {}


def sst(s):
    if s not in index:
        index[s] = len(strings)
        strings.append(s)
    return index[s]


def col(n):
    return "ABCDEFGHIJ"[n]


notice_rows = "".join(
    f'<row r="{r + 1}"><c r="A{r + 1}" t="s"><v>{sst(text)}</v></c></row>' for r, text in enumerate(XLSX_NOTICE))
task_rows = []
for r, row in enumerate(XLSX_TASKS):
    cells = []
    for c, value in enumerate(row):
        ref = f"{col(c)}{r + 1}"
        if isinstance(value, int):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        elif c == 3 and r > 0:  # one column as inline strings, as some exporters write them
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{x(value)}</t></is></c>')
        else:
            cells.append(f'<c r="{ref}" t="s"><v>{sst(value)}</v></c>')
    task_rows.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
SHEET = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData></worksheet>')
write_zip("policy.xlsx", [
    ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
     '<Default Extension="xml" ContentType="application/xml"/>'
     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
     '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
     '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
     '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
     '</Types>'),
    ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
     '</Relationships>'),
    ("docProps/core.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
     'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
     'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
     f'<dc:title>{x(XLSX_TITLE)}</dc:title><dc:creator>江西省人民政府办公厅</dc:creator>'
     '<dcterms:created xsi:type="dcterms:W3CDTF">2020-04-03T09:00:00Z</dcterms:created>'
     '</cp:coreProperties>'),
    ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
     '<sheets><sheet name="正文" sheetId="1" r:id="rId1"/><sheet name="任务分工" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
     '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
     '</Relationships>'),
    ("xl/worksheets/sheet1.xml", SHEET.format(notice_rows)),
    ("xl/worksheets/sheet2.xml", SHEET.format("".join(task_rows))),
    ("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
     f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
     + "".join(f"<si><t>{x(s)}</t></si>" for s in strings) + "</sst>"),
])

# --- policy.ofd: GB/T 33190-2016, two A4 pages laid out as a printed notice -------------
# Units are millimetres. 16 pt (三号, 5.6 mm) characters, 28 mm left margin, 27 characters a
# line, 10 mm line pitch; body paragraphs have a 2-character first-line indent and wrap at
# 27 characters. TextObjects are written in shuffled order and some lines are split into
# two TextCodes, so the reader must order by Y, then X.
OFD_NS = "http://www.ofdspec.org/2016"
OFD_TITLE = "江西省人民政府关于加快推进5G发展的通知"
SIZE, LEFT, PITCH, PER_LINE = 5.6, 28.0, 10.0, 27
FIVE_G = [
    ("centre", OFD_TITLE),
    ("centre", "赣府发〔2020〕7号"),
    ("flush", JX_ADDRESSEE),
    ("para", "5G是新一代信息通信技术演进升级的重要方向，是实现万物互联的关键信息基础设施。为加快推进我省5G发展，现就有关事项通知如下。"),
    ("para", "一、总体要求"),
    ("para", "（一）发展目标"),
    ("para", "到2022年，全省建成5G基站5万个以上，实现县城以上城区5G网络全覆盖，5G产业规模突破1000亿元，培育一批5G应用示范项目。"),
    ("para", "二、重点任务"),
    ("para", "（一）加快网络建设"),
    ("para", "各地要将5G基站纳入国土空间规划，开放公共建筑和杆塔资源，简化审批流程，降低建设成本，推动5G网络向乡镇延伸覆盖。"),
    ("para", "（责任单位：省通信管理局、省工业和信息化厅）"),
    ("para", "三、保障措施"),
    ("para", "（一）加大政策支持"),
    ("para", "统筹省级相关专项资金支持5G网络建设和应用示范。"),
    ("right", "江西省人民政府"),
    ("right", "2020年3月12日"),
]


def wrap(kind, text):
    """Lines of a block as (x, text): wrapped at PER_LINE characters, first line indented for paragraphs."""
    if kind == "centre":
        return [((210 - len(text) * SIZE) / 2, text)]
    if kind == "right":
        return [(210 - 26 - 4 * SIZE - len(text) * SIZE, text)]
    lines, rest, first = [], text, kind == "para"
    while rest:
        width = PER_LINE - 2 if first else PER_LINE
        lines.append((LEFT + (2 * SIZE if first else 0), rest[:width]))
        rest, first = rest[width:], False
    return lines


laid = []
for kind, text in FIVE_G:
    laid += wrap(kind, text)
    if kind == "centre" and text.startswith("赣"):
        laid.append(None)  # a blank line under the document number
PAGE_LINES = 16
pages = [[], []]
row = 0
for item in laid:
    page = 0 if row < PAGE_LINES else 1
    if item is not None:
        pages[page].append((item[0], 40 + (row % PAGE_LINES) * PITCH, item[1]))
    row += 1
assert pages[1], "the notice must run onto a second page"


def fmt(v):
    return f"{v:.2f}".rstrip("0").rstrip(".")


def content_xml(lines, first_id):
    objects, oid = [], first_id
    for n, (lx, ly, text) in enumerate(lines):
        codes = []
        # every third line is split into two TextCodes, the second written first
        parts = [(0, text)] if n % 3 or len(text) < 6 else [(6, text[6:]), (0, text[:6])]
        for offset, part in parts:
            codes.append(f'<ofd:TextCode X="{fmt(offset * SIZE)}" Y="{fmt(SIZE)}" DeltaX="g {len(part) - 1} {fmt(SIZE)}">{x(part)}</ofd:TextCode>')
        objects.append(f'<ofd:TextObject ID="{oid}" Boundary="{fmt(lx)} {fmt(ly)} {fmt(len(text) * SIZE)} {fmt(SIZE * 1.3)}" '
                       f'Font="2" Size="{fmt(SIZE)}">{"".join(codes)}</ofd:TextObject>')
        oid += 1
    # shuffled deterministically: odd-numbered objects first, then even
    objects = objects[1::2] + objects[0::2]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="{first_id - 1}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


write_zip("policy.ofd", [
    ("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.1" DocType="OFD">'
     '<ofd:DocBody><ofd:DocInfo><ofd:DocID>3b1f7d0c5e2a4c8e9a6b2d4f8e0c1a3b</ofd:DocID>'
     f'<ofd:Title>{x(OFD_TITLE)}</ofd:Title><ofd:Author>江西省人民政府</ofd:Author>'
     '<ofd:CreationDate>2020-03-12</ofd:CreationDate><ofd:Creator>make-fixtures.sh</ofd:Creator></ofd:DocInfo>'
     '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'),
    ("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="{OFD_NS}">'
     '<ofd:CommonData><ofd:MaxUnitID>200</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
     '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
     '<ofd:Pages><ofd:Page ID="3" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="4" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages>'
     '</ofd:Document>'),
    ("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res">'
     '<ofd:Fonts><ofd:Font ID="2" FontName="仿宋_GB2312" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>'),
    ("Doc_0/Pages/Page_0/Content.xml", content_xml(pages[0], 11)),
    ("Doc_0/Pages/Page_1/Content.xml", content_xml(pages[1], 101)),
])

# --- bad fixtures --------------------------------------------------------------
write("empty.txt", b"")

# 2 KiB of deterministic pseudo-random bytes (SHA-256 in counter mode), with a
# guaranteed run of NULs; must not start with a BOM or a known magic number.
blob = bytearray(b"".join(hashlib.sha256(b"binary.txt fixture %d" % i).digest() for i in range(64)))
blob[100:104] = b"\x00\x00\x00\x00"
blob[1500] = 0
assert len(blob) == 2048
assert blob[:2] not in (b"\xff\xfe", b"\xfe\xff") and blob[:3] != b"\xef\xbb\xbf"
assert blob[:4] not in (b"%PDF", b"PK\x03\x04")
write("binary.txt", bytes(blob))

write("unknown.xyz", "这是一个扩展名未知的文件，读取器应按扩展名拒绝处理。\nunknown format: .xyz\n".encode("utf-8"))

# A valid one-page PDF that only draws two rectangles: no fonts, no text.
content = (b"q\n0.80 0.10 0.10 RG\n4 w\n100 560 395 180 re\nS\n"
           b"0.85 0.85 0.85 rg\n150 360 295 120 re\nf\nQ\n")
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    b"<< /Producer (make-fixtures.sh) /CreationDate (D:20220701000000Z) >>",
]
pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for i, o in enumerate(objs, start=1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n" % (len(objs) + 1)
pdf += b"0000000000 65535 f \n"
for off in offsets:
    pdf += b"%010d 00000 n \n" % off
pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
write("no-text.pdf", bytes(pdf))
PY

# ---------------------------------------------------------------------------
# 2. LibreOffice conversions (private profile so a running instance is not hit).
# ---------------------------------------------------------------------------
LO=("$SOFFICE" "-env:UserInstallation=file://$WORK/lo-profile" --headless --norestore --nolockcheck)
"${LO[@]}" --convert-to 'docx:MS Word 2007 XML' --outdir "$WORK/out-docx" "$WORK/docx/policy.fodt" >/dev/null
"${LO[@]}" --convert-to 'pdf:writer_pdf_Export' --outdir "$WORK/out-pdf" "$WORK/pdf/policy.fodt" >/dev/null
test -s "$WORK/out-docx/policy.docx" || { echo "error: docx conversion failed" >&2; exit 1; }
test -s "$WORK/out-pdf/policy.pdf" || { echo "error: pdf conversion failed" >&2; exit 1; }
# policy.doc: flat ODT -> .docx -> Word 97 (.doc), the way a .doc usually comes about today.
# policy.wps: a Word 97 binary under the .wps name, which is what WPS Office (2005 and later) writes.
"${LO[@]}" --convert-to 'docx:MS Word 2007 XML' --outdir "$WORK/out-doc" "$WORK/doc/policy.fodt" >/dev/null
"${LO[@]}" --convert-to 'doc:MS Word 97' --outdir "$HERE" "$WORK/out-doc/policy.docx" >/dev/null
"${LO[@]}" --convert-to 'doc:MS Word 97' --outdir "$WORK/out-wps" "$WORK/wps/policy.fodt" >/dev/null
mv "$WORK/out-wps/policy.doc" "$HERE/policy.wps"
test -s "$HERE/policy.doc" || { echo "error: doc conversion failed" >&2; exit 1; }
test -s "$HERE/policy.wps" || { echo "error: wps conversion failed" >&2; exit 1; }

# ---------------------------------------------------------------------------
# 3. Normalise LibreOffice output (timestamps, ids) and derive truncated.docx.
# ---------------------------------------------------------------------------
python3 - "$HERE" "$WORK" <<'PY'
import os
import re
import sys
import zipfile

OUT, WORK = sys.argv[1], sys.argv[2]

# docx: rewrite the zip with fixed entry timestamps and fixed core.xml dates.
src = os.path.join(WORK, "out-docx", "policy.docx")
dst = os.path.join(OUT, "policy.docx")
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "docProps/core.xml":
            data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                          rb"\g<1>2022-06-02T09:00:00Z\g<2>", data)
            data = re.sub(rb"<cp:revision>[^<]*</cp:revision>", b"<cp:revision>1</cp:revision>", data)
        if info.filename == "docProps/app.xml":
            data = re.sub(rb"<TotalTime>[^<]*</TotalTime>", b"<TotalTime>0</TotalTime>", data)
        zi = zipfile.ZipInfo(info.filename, date_time=(2022, 6, 2, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        zout.writestr(zi, data)

# pdf: replace dates, the document /ID and /DocChecksum with fixed values of the same length,
# so the xref byte offsets stay valid.
src = os.path.join(WORK, "out-pdf", "policy.pdf")
pdf = open(src, "rb").read()
n = len(pdf)
pdf = re.sub(rb"D:\d{14}([+\-Z](?:\d\d'\d\d'?)?)?",
             lambda m: (b"D:20220701090000" + (m.group(1) or b""))[: len(m.group(0))].ljust(len(m.group(0)), b" "),
             pdf)
pdf = re.sub(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]",
             lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))).replace(m.group(2), b"0" * len(m.group(2))),
             pdf)
pdf = re.sub(rb"/DocChecksum\s*/([0-9A-Fa-f]+)",
             lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))), pdf)
assert len(pdf) == n
open(os.path.join(OUT, "policy.pdf"), "wb").write(pdf)

# truncated.docx: the first 40 % of policy.docx's bytes.
full = open(dst, "rb").read()
open(os.path.join(OUT, "truncated.docx"), "wb").write(full[: len(full) * 40 // 100])
PY

# ---------------------------------------------------------------------------
# 4. Size guard.
# ---------------------------------------------------------------------------
for f in "$HERE"/*; do
  case "$f" in *.sh|*.md) continue ;; esac
  size=$(wc -c <"$f")
  if [ "$size" -gt 61440 ]; then
    echo "error: $(basename "$f") is $size bytes (> 60 KiB)" >&2
    exit 1
  fi
done
echo "fixtures written to $HERE"
ls -l "$HERE"
