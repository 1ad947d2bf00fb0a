// The search page. Document text never becomes markup: values go in with textContent, and the highlighted
// snippets (escaped by the server, with only <mark> added) are rebuilt from their text and <mark> elements.
// The whole state lives in the URL, so every search can be bookmarked and shared.
"use strict";

const FACETS = [["industry", "产业"], ["year", "年份"], ["issuer", "发文机关"], ["region", "地区"], ["type", "文种"], ["unit", "责任单位"]];
const MULTI = ["issuer", "industry", "region", "type", "unit"];
const SORTS = ["relevance", "date_desc", "date_asc"];
const $ = id => document.getElementById(id);
const PAGE_SIZE = 10;
const FACET_SHOWN = 10; // values a facet lists before 更多
const FACET_LIMIT = 500; // values a facet asks the server for (the filter box searches these)

// After a facet, chip or paging action the page is rebuilt; the focus goes back to the control with the same
// data-focus key (the same value's button, the same 更多), else, when the rebuild took it away (or a new page
// scrolls to the top), to the summary, never to <body>. A focus the reader moved elsewhere while the answer was on
// its way (筛选 after closing the drawer) stays where it is.
let focusKey = null;
let toTop = false; // a new page of results: scroll to the top of the results

/** Records where the focus belongs after the re-render, then applies the new state. */
function act(key, state) {
  focusKey = key;
  writeState(state);
}

function restoreFocus() {
  if (focusKey === null && !toTop) return;
  const target = focusKey && [...document.querySelectorAll("[data-focus], #filters [aria-label]")]
    .find(x => (x.dataset.focus ?? x.getAttribute("aria-label")) === focusKey && !x.disabled && x.offsetParent !== null);
  if (toTop) $("toolbar").scrollIntoView({ block: "start" });
  const current = document.activeElement;
  const lost = !current || current === document.body || !current.isConnected || current.offsetParent === null;
  if (target) target.focus({ preventScroll: toTop });
  else if (lost || toTop) $("summary").focus({ preventScroll: toTop });
  focusKey = null;
  toTop = false;
}

/** The order shown: the one chosen, else relevance for words and newest first when browsing by filters alone. */
function effectiveSort(state) {
  return state.sort || (state.q ? "relevance" : "date_desc");
}

/** A document's metadata line; a value the engine inferred rather than read in print says so (（推断）). */
function metaLine(d, fields) {
  const inferred = new Set(d.inferred || []);
  const value = f => f === "issuers" ? d.issuers.join("、") : f === "date" ? (d.date || d.year) : d[f];
  const mark = f => inferred.has(f) || (f === "date" && !d.date && inferred.has("year")) ? "（推断）" : "";
  return fields.map(f => [value(f), mark(f)]).filter(([v]) => v).map(([v, m]) => v + m).join(" · ");
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/**
 * Chinese text as it is printed: ASCII punctuation that OCR and some sites leave in Chinese sentences becomes
 * full-width where it touches a Chinese character (，：；？！ and （…） around Chinese or a bracketed year), while
 * 3,456 and 12:30 between digits stay as they are. Display only: the stored text and its offsets are untouched.
 */
const CJK = "\u3400-\u9fff\uf900-\ufaff";
const NEAR_CJK = new RegExp(`(?<=[${CJK}])([,:;?!])|([,:;?!])(?=[${CJK}])`, "g");
const FULL = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！" };
function typeset(text) {
  return text
    .replace(NEAR_CJK, (m) => FULL[m])
    .replace(/\(([^()\n]{1,40})\)/g, (m, inner, at, all) =>
      new RegExp(`[${CJK}]`).test(inner + (all[at - 1] || "") + (all[at + m.length] || "")) ? `（${inner}）` : m);
}

/** A heading as a label (breadcrumbs, table of contents, section titles): typeset, without the sentence's final 。. */
function headingText(heading) {
  return typeset(heading).replace(/[。.]$/, "");
}

/** A source as a reader knows it: the file's name, without the server's folders or an upload's hash prefix. */
function fileName(source) {
  return source.split("/").pop().replace(/^[0-9a-f]{10}-/, "");
}

/** The page's own sentence for a refused request (the API's detail is for programs, in two languages). */
function failure(response, body) {
  if (response.status === 429) return `请求过于频繁，请 ${response.headers.get("Retry-After") || 60} 秒后再试。`;
  return (body && body.detail) || "检索失败";
}

/** Rebuilds server-highlighted text: text nodes and <mark> only; any other markup is shown as its text. */
function marked(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") out.append(el("mark", typeset(node.textContent)));
    else out.append(document.createTextNode(typeset(node.textContent)));
  }
  return out;
}

function readState() {
  const p = new URLSearchParams(location.search);
  const state = {
    q: p.get("q") || "", year: p.get("year") || "", group: p.get("group") !== "section", page: +(p.get("page") || 1), doc: p.get("doc"), view: p.get("view") || "results",
    sort: SORTS.includes(p.get("sort")) ? p.get("sort") : "", expand: p.get("expand") !== "false",
  };
  for (const f of MULTI) { state[f] = p.getAll(f); state[f + "_not"] = p.getAll(f + "_not"); }
  return state;
}

/** The page's address for a state (what writeState puts in the URL, and what links to another view use). */
function stateUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const f of MULTI) for (const v of state[f]) p.append(f, v);
  for (const f of MULTI) for (const v of state[f + "_not"]) p.append(f + "_not", v);
  if (state.year) p.set("year", state.year);
  if (!state.group) p.set("group", "section");
  if (state.sort) p.set("sort", state.sort);
  if (!state.expand) p.set("expand", "false");
  if (state.page > 1) p.set("page", state.page);
  if (state.doc) p.set("doc", state.doc);
  if (state.view !== "results") p.set("view", state.view);
  if (new URLSearchParams(location.search).get("embed") === "1") p.set("embed", "1");
  return "?" + p.toString();
}

function writeState(state, push = true) {
  const url = stateUrl(state) + location.hash;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  render();
}

/** The active filters as API parameters (search, facets and trend take the same ones), with expand. */
function filterParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const f of MULTI) for (const v of state[f]) p.append(f, v);
  for (const f of MULTI) for (const v of state[f + "_not"]) p.append(f + "_not", v);
  if (state.year) p.set("year", state.year);
  if (!state.expand) p.set("expand", "false");
  return p;
}

function apiParams(state) {
  const p = filterParams(state);
  p.set("group", state.group ? "document" : "section");
  if (effectiveSort(state) !== "relevance") p.set("sort", effectiveSort(state));
  p.set("page", state.page);
  p.set("size", PAGE_SIZE);
  p.set("facetLimit", FACET_LIMIT);
  return p;
}

/** The Atom feed of a state's search (订阅): its words and filters, newest first whatever the order on screen. */
function feedUrl(state) {
  return "api/search.atom?" + filterParams(state);
}

/** A state's search as a download (导出): its words, filters, grouping and order, in a format (csv, xlsx). */
function exportUrl(state, format) {
  const p = filterParams(state);
  p.set("format", format);
  p.set("group", state.group ? "document" : "section");
  if (effectiveSort(state) !== "relevance") p.set("sort", effectiveSort(state));
  return "api/export?" + p;
}

// The head's <link rel="alternate" type="application/atom+xml">: browsers and feed readers find the feed of the
// search on screen there. Without a search there is no feed to offer, and the element is taken out of the head.
const feedLink = $("feed-link");

/** Points the head's feed link and the toolbar's 订阅 / 导出 links at the state's search; hidden without one. */
function renderFeedLinks(state) {
  const searching = !!state.q || hasFilters(state);
  if (searching) {
    feedLink.href = feedUrl(state);
    feedLink.title = "政策检索：" + (state.q || "按筛选条件") + " · 订阅";
    if (!feedLink.isConnected) document.head.append(feedLink);
  } else {
    feedLink.remove();
  }
  // the toolbar's links belong to the results; the 对比 view has its own, the document view none
  $("exports").hidden = !searching || !!state.doc || state.view !== "results";
  $("feed").href = feedUrl(state);
  $("export-csv").href = exportUrl(state, "csv");
  $("export-xlsx").href = exportUrl(state, "xlsx");
}

/** Whether any filter is chosen (facets, exclusions, year); filters typed in the query are not counted here. */
function hasFilters(state) {
  return MULTI.some(f => state[f].length || state[f + "_not"].length) || !!state.year;
}

// Every render asks the server afresh; a slower answer to an older question must never replace a newer one.
// Each render takes a ticket and aborts the requests of the one before; an answer whose ticket is stale is dropped.
let ticket = 0;
let inFlight = null;

/** fetch for the current render: aborted when a newer render starts; resolves to null when it was. */
async function fetchCurrent(url, mine) {
  try {
    // The page is Chinese: the API's problems and query warnings come in Chinese too.
    const response = await fetch(url, { signal: inFlight.signal, headers: { "Accept-Language": "zh-CN" } });
    return mine === ticket ? response : null;
  } catch (e) {
    if (e.name === "AbortError") return null;
    throw e;
  }
}

async function render() {
  const mine = ++ticket;
  if (inFlight) inFlight.abort();
  inFlight = new AbortController();
  $("content").setAttribute("aria-busy", "true");
  try {
    await renderState(mine);
  } finally {
    if (mine === ticket) $("content").removeAttribute("aria-busy");
    if (mine === ticket && document.body.classList.contains("filters-open") && !$("filters").contains(document.activeElement)) $("filters-close").focus();
  }
}

async function renderState(mine) {
  const state = readState();
  // A control of the sidebar that set no key of its own (the year histogram): back to its twin by its label.
  const active = document.activeElement;
  if (focusKey === null && active && active !== document.body && $("filters").contains(active))
    focusKey = active.dataset.focus || active.getAttribute("aria-label") || "";
  $("q").value = state.q;
  $("group").checked = state.group;
  $("sort").value = effectiveSort(state);
  $("expansions").hidden = true;
  $("view-results").setAttribute("aria-pressed", String(state.view === "results"));
  $("view-trend").setAttribute("aria-pressed", String(state.view === "trend"));
  $("view-targets").setAttribute("aria-pressed", String(state.view === "targets"));
  renderChips(state);
  renderFeedLinks(state);
  // The document and trend views rebuild no sidebar: the focus stays where it is, and no later render takes it.
  if (state.doc || state.view === "trend" || state.view === "targets") { focusKey = null; toTop = false; }
  updateFiltersButton(state);
  if (state.doc) return showDocument(state, mine);
  document.title = state.q ? `${state.q} · 政策文件检索` : "政策文件检索";
  $("document").hidden = true;
  if (state.view === "trend") return showTrend(state, mine);
  $("trend").hidden = true;
  if (state.view === "targets") return showTargets(state, mine);
  $("targets").hidden = true;
  $("results").hidden = false;
  $("zero").replaceChildren();
  if (!state.q && !hasFilters(state)) {
    $("summary").textContent = "输入关键词开始检索，或在左侧按发文机关、年份、产业筛选。";
    renderRelaxed(null);
    $("results").replaceChildren();
    $("pages").replaceChildren();
    const answer = await fetchCurrent("api/facets?facetLimit=" + FACET_LIMIT, mine);
    if (!answer) return;
    const facets = await answer.json();
    if (mine !== ticket) return;
    renderFacets(facets, state, {});
    restoreFocus();
    return;
  }
  const response = await fetchCurrent("api/search?" + apiParams(state), mine);
  if (!response) return;
  const body = await response.json();
  if (mine !== ticket) return;
  if (!response.ok) {
    // Nothing of the previous answer stays on screen beside the message: hits, pages and facets all belong to it.
    $("summary").textContent = failure(response, body);
    for (const id of ["results", "pages", "facets", "zero"]) $(id).replaceChildren();
    restoreFocus();
    return;
  }
  $("summary").textContent = `找到 ${body.totalDocuments} 个文件的 ${body.total} 个章节（${body.tookMs} 毫秒）`;
  $("warnings").hidden = !body.warnings.length;
  $("warnings").textContent = body.warnings.join(" ");
  renderChips(state, body.queryFilters || []);
  renderExpansions(body.expansions || [], state);
  renderRelaxed(body.relaxed);
  renderHits(body.hits, state);
  renderPages(body, state);
  renderFacets(body.facets, state, body.facetSizes || {});
  restoreFocus();
  returnToOpenedHit();
  if (body.total === 0) await suggestRemovals(state, body.queryFilters || [], mine);
}

/** The number of results (documents when grouped, else sections) of a state, asked of the server; null on failure. */
async function countFor(state, mine) {
  const p = apiParams({ ...state, page: 1 });
  p.set("size", 1);
  p.set("facetLimit", 1);
  const response = await fetchCurrent("api/search?" + p, mine);
  if (!response || !response.ok) return null;
  const body = await response.json();
  return state.group ? body.totalDocuments : body.total;
}

/**
 * No results: for each active filter, and each word of a query of several words, ask how many results there would
 * be without it, and offer the removals that give some (去掉筛选：X（N 条结果）, 去掉词：Y（N 条结果）).
 */
async function suggestRemovals(state, queryFilters, mine) {
  const options = [];
  for (const f of MULTI) {
    const label = FACETS.find(x => x[0] === f)[1];
    for (const v of state[f]) options.push([`${label}：${v}`, { ...state, [f]: state[f].filter(x => x !== v) }]);
    for (const v of state[f + "_not"]) options.push([`排除${label}：${v}`, { ...state, [f + "_not"]: state[f + "_not"].filter(x => x !== v) }]);
  }
  if (state.year) options.push([`年份：${state.year}`, { ...state, year: "" }]);
  for (const qf of queryFilters) options.push([qf.text, { ...state, q: withoutText(state.q, qf.text) }]);
  const words = queryFilters.reduce((q, qf) => withoutText(q, qf.text), state.q).split(/\s+/).filter(w => w);
  const wordOptions = words.length > 1 ? words.map(w => [w, { ...state, q: withoutText(state.q, w) }]) : [];
  const box = $("zero");
  const line = el("p", "没有结果。", "meta");
  box.replaceChildren(line);
  const counts = await Promise.all([...options, ...wordOptions].slice(0, 12).map(([, s]) => countFor(s, mine)));
  if (mine !== ticket) return;
  const buttons = [];
  [...options, ...wordOptions].slice(0, 12).forEach(([label, s], i) => {
    if (!counts[i]) return;
    const word = i >= options.length;
    const b = el("button", `${word ? "去掉词" : "去掉筛选"}：${label}（${counts[i]} 条结果）`);
    b.type = "button";
    b.addEventListener("click", () => act(null, { ...s, page: 1 }));
    buttons.push(b);
  });
  line.textContent = buttons.length ? "没有结果。可以去掉："
    : options.length || wordOptions.length ? "没有结果；去掉任何一个筛选或词也没有结果。" : "没有结果。请换个词再试。";
  const list = el("ul");
  for (const b of buttons) { const item = el("li"); item.append(b); list.append(item); }
  if (buttons.length) box.append(list);
}

/** The query without one piece of its text (a filter as typed, a word), spaces tidied. */
function withoutText(q, text) {
  const at = q.indexOf(text);
  return (at < 0 ? q : q.slice(0, at) + " " + q.slice(at + text.length)).split(/\s+/).filter(w => w).join(" ");
}

/** Back from a document, the reader is at the hit they opened, its link focused, not at the top of the list. */
let opened = null;
function returnToOpenedHit() {
  const item = opened && [...$("results").children].find(li => li.dataset.doc === opened);
  opened = null;
  if (!item) return;
  item.scrollIntoView({ block: "center" });
  item.querySelector("a.hit-title").focus({ preventScroll: true });
}

/**
 * What synonyms added to the query (也包含：氢燃料电池、燃料电池), with a button that repeats the search for the
 * literal words; with expansion off, a note and the button that turns it back on.
 */
function renderExpansions(expansions, state) {
  const box = $("expansions");
  box.replaceChildren();
  if (state.expand && expansions.length) {
    const listed = expansions.length === 1
      ? expansions[0].alternatives.join("、")
      : expansions.map(e => `${e.alternatives.join("、")}（${e.term}）`).join("；");
    box.append(el("span", "也包含：" + listed + " "), toggle("只搜原词", false));
  } else if (!state.expand && state.q) {
    box.append(el("span", "只匹配原词，未包含同义词。 "), toggle("包含同义词", true));
  }
  box.hidden = !box.childNodes.length;

  function toggle(label, expand) {
    const b = el("button", label, "link");
    b.type = "button";
    b.id = "expand-toggle";
    b.addEventListener("click", () => writeState({ ...readState(), expand, page: 1 }));
    return b;
  }
}

// No section held every word: the engine relaxed the query and says how (text only, never markup).
function renderRelaxed(relaxed) {
  const line = $("relaxed");
  line.hidden = !relaxed;
  if (!relaxed) { line.textContent = ""; return; }
  line.textContent = relaxed.mode === "document"
    ? "没有同时包含全部词语的章节；以下文件的不同章节合起来包含全部词语。"
    : "没有同时包含全部词语的章节；以下结果不要求：" + relaxed.notRequired.join("、");
}

function renderHits(hits, state) {
  const list = $("results");
  list.replaceChildren();
  for (const hit of hits) {
    const item = el("li");
    item.dataset.doc = hit.documentId;
    const title = el("a", hit.title, "hit-title");
    title.href = hit.url;
    title.addEventListener("click", e => { if (plainClick(e)) { e.preventDefault(); openDocument(hit.documentId, hit.sectionId); } });
    item.append(title);
    item.append(el("p", metaLine(hit, ["issuers", "documentNumber", "date", "type"]), "meta"));
    if (hit.headingPath.length) {
      const crumbs = el("div", undefined, "crumbs");
      for (const h of hit.headingPath) crumbs.append(el("span", headingText(h)));
      item.append(crumbs);
    }
    const text = el("p");
    text.append(marked(hit.snippet));
    item.append(text);
    if (hit.otherSections && hit.otherSections.length) {
      const others = el("p", "同一文件中也匹配：", "others");
      hit.otherSections.forEach((s, i) => {
        const link = el("a", headingText(s.headingPath[s.headingPath.length - 1] || "前言"));
        link.href = hit.url.replace(/#s\d+$/, "#s" + s.sectionId);
        link.addEventListener("click", e => { if (plainClick(e)) { e.preventDefault(); openDocument(hit.documentId, s.sectionId); } });
        if (i) others.append("；");
        others.append(link);
      });
      item.append(others);
    }
    if (hit.alternateSources.length) item.append(el("p", "另见：" + hit.alternateSources.map(fileName).join("、"), "others"));
    list.append(item);
  }
}

/**
 * 上一页, a window of page numbers and 下一页; never a page past the end. The numbering of the hits continues across
 * pages (the list starts at the page's first number). A page past the end (an old link) says so and offers the last.
 */
function renderPages(body, state) {
  const nav = $("pages");
  nav.replaceChildren();
  const count = state.group ? body.totalDocuments : body.total;
  const pages = Math.min(100, Math.ceil(count / PAGE_SIZE));
  $("results").start = (state.page - 1) * PAGE_SIZE + 1;
  if (count > 0 && state.page > pages) {
    $("summary").textContent = `共 ${pages} 页，没有第 ${state.page} 页。`;
    nav.append(pageButton(`转到最后一页（第 ${pages} 页）`, pages, "last"));
    return;
  }
  if (pages <= 1) return;
  if (state.page > 1) nav.append(pageButton("上一页", state.page - 1, "previous"));
  for (let p = Math.max(1, state.page - 4); p <= Math.min(pages, state.page + 4); p++) {
    const b = pageButton(p, p, "page" + p);
    if (p === state.page) b.setAttribute("aria-current", "page");
    nav.append(b);
  }
  if (state.page < pages) nav.append(pageButton("下一页", state.page + 1, "next"));

  function pageButton(label, page, key) {
    const b = el("button", label);
    b.type = "button";
    b.dataset.page = page;
    b.addEventListener("click", () => { toTop = true; act(null, { ...state, page }); });
    return b;
  }
}

// Per facet, whether 更多 is open and what its filter box holds: kept across re-renders.
const facetOpen = {};
const facetFind = {};

/**
 * The facets: the top values, 更多 / 收起 for the rest, a filter box over the values when there are many, and
 * beside each value a button that excludes it (排除). A chosen value is always listed (the server lists it with
 * its count or 0), and listed first when the facet is folded.
 */
function renderFacets(facets, state, sizes = {}) {
  const box = $("facets");
  box.replaceChildren();
  for (const [name, label] of FACETS) {
    const values = facets[name] || [];
    if (!values.length) continue;
    const section = el("div", undefined, "facet");
    section.dataset.facet = name;
    const heading = el("h2", label);
    heading.id = "facet-" + name;
    section.append(heading);
    if (name === "year") {
      section.append(yearHistogram(values, state));
    } else {
      const list = el("ul");
      list.setAttribute("aria-labelledby", heading.id);
      const chosen = v => state[name].includes(v.value) || state[name + "_not"].includes(v.value);
      const many = values.length > FACET_SHOWN;
      const find = el("input");
      find.type = "search";
      find.className = "facet-find";
      find.placeholder = `查找${label}`;
      find.setAttribute("aria-label", `在${label}中查找`);
      find.dataset.focus = "find:" + name;
      find.value = facetFind[name] || "";
      const toggle = el("button", undefined, "link more");
      toggle.type = "button";
      toggle.dataset.focus = "more:" + name;
      const note = el("p", "", "meta");
      const fill = () => {
        const text = find.value.trim().toLowerCase();
        const open = facetOpen[name] || !!text;
        const matching = values.filter(v => !text || v.value.toLowerCase().includes(text));
        // Folded: the chosen values, then the top ones up to FACET_SHOWN.
        const shown = open ? matching : [...matching.filter(chosen), ...matching.filter(v => !chosen(v))].slice(0, Math.max(FACET_SHOWN, matching.filter(chosen).length));
        list.replaceChildren(...shown.map(v => facetItem(name, label, v, state)));
        toggle.hidden = !many || !!text;
        toggle.textContent = facetOpen[name] ? "收起" : `更多（共 ${values.length} 个）`;
        toggle.setAttribute("aria-expanded", String(!!facetOpen[name]));
        note.textContent = text && !matching.length ? "没有匹配的值" : (sizes[name] || 0) > values.length ? `共 ${sizes[name]} 个，列出前 ${values.length} 个；可用查找框筛选` : "";
        note.hidden = !note.textContent;
      };
      find.addEventListener("input", () => { facetFind[name] = find.value; fill(); });
      toggle.addEventListener("click", () => { facetOpen[name] = !facetOpen[name]; fill(); });
      if (many) section.append(find);
      fill();
      section.append(list, note, toggle);
    }
    box.append(section);
  }
}

/** One facet value: choose it (again: unchoose), and 排除 beside it (again: stop excluding). */
function facetItem(name, label, v, state) {
  const selected = state[name].includes(v.value);
  const excluded = state[name + "_not"].includes(v.value);
  const b = el("button");
  b.type = "button";
  b.className = "value" + (excluded ? " excluded" : "");
  b.dataset.focus = `v:${name}:${v.value}`;
  b.setAttribute("aria-pressed", String(selected));
  b.append(el("span", v.value), el("span", v.count, "count"));
  if (excluded) b.setAttribute("aria-label", `${v.value}（已排除，点击取消排除）`);
  b.addEventListener("click", () => act(b.dataset.focus, {
    ...state, page: 1,
    [name]: selected ? state[name].filter(x => x !== v.value) : excluded ? state[name] : [...state[name], v.value],
    [name + "_not"]: state[name + "_not"].filter(x => x !== v.value),
  }));
  const x = el("button", "−", "exclude");
  x.type = "button";
  x.dataset.focus = `x:${name}:${v.value}`;
  x.title = excluded ? `取消排除${label}：${v.value}` : `排除${label}：${v.value}`;
  x.setAttribute("aria-label", x.title);
  x.setAttribute("aria-pressed", String(excluded));
  x.addEventListener("click", () => act(x.dataset.focus, {
    ...state, page: 1,
    [name]: state[name].filter(y => y !== v.value),
    [name + "_not"]: excluded ? state[name + "_not"].filter(y => y !== v.value) : [...state[name + "_not"], v.value],
  }));
  const item = el("li");
  item.append(b, x);
  return item;
}


// The year filter is one year (2021) or a range (2021..2024, open-ended 2021.. or ..2024): the form the URL and
// the API take.

/** The year filter as { from, to } (null for an open end), or null when there is none or it cannot be read. */
function yearRange(year) {
  const m = /^(\d{4})?(?:(\.\.)(\d{4})?)?$/.exec(year || "");
  if (!m || (!m[1] && !m[3])) return null;
  if (!m[2]) return { from: +m[1], to: +m[1] };
  let from = m[1] ? +m[1] : null, to = m[3] ? +m[3] : null;
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return { from, to };
}

/** The URL's form of a range: 2021, 2021..2024, 2021.., ..2024; "" for no filter. */
function yearValue(from, to) {
  if (from === null && to === null) return "";
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return from === to ? String(from) : `${from ?? ""}..${to ?? ""}`;
}

/** The range as people write it: 2021–2024, 2021 年起, 2024 年及以前. */
function yearLabel(year) {
  const r = yearRange(year);
  if (!r) return year;
  if (r.from === r.to) return String(r.from);
  if (r.to === null) return `${r.from} 年起`;
  if (r.from === null) return `${r.to} 年及以前`;
  return `${r.from}–${r.to}`;
}

// Which year control changed the filter (a select's id, or "bar:2021") and for which render: the histogram drawn
// for that render's answer gives it the focus back, so the keyboard stays where it was although the facets are
// rebuilt; a later render (the reader went on elsewhere) leaves the focus alone.
let yearFocus = null;
let yearDragEnded = 0;

/**
 * The year facet as a labelled axis: a column per year from the first to the last (a year without documents is an
 * empty column), its count above the bar and the year under it. A range is chosen by clicking a bar (again: no
 * year filter), Shift+click or Shift+Enter to extend the range to it, dragging across bars, or the 从 / 到 selects;
 * the bars are one Tab stop, moved through with the arrow keys. The counts leave out the year filter itself
 * (multi-select facets), so the whole axis stays in view while a range is chosen.
 */
function yearHistogram(values, state) {
  const counts = new Map(values.map(v => [+v.value, v.count]));
  const first = Math.min(...counts.keys()), last = Math.max(...counts.keys());
  const years = [];
  for (let y = first; y <= last; y++) years.push(y);
  const max = Math.max(...counts.values());
  const range = yearRange(state.year);
  const inRange = y => !!range && (range.from === null || y >= range.from) && (range.to === null || y <= range.to);
  const choose = (from, to, focus) => {
    writeState({ ...readState(), year: yearValue(from, to), page: 1 });
    yearFocus = { key: focus, ticket }; // writeState has started the render that answers this choice
  };
  const extendTo = y => range ? choose(Math.min(range.from ?? first, y), Math.max(range.to ?? last, y), "bar:" + y) : choose(y, y, "bar:" + y);

  const box = el("div", undefined, "years");
  const chart = el("div", undefined, "histogram");
  chart.setAttribute("role", "group");
  chart.setAttribute("aria-label", "各年份文件数：点选一年，Shift+点选或拖动选择多年");
  const short = years.length > 6; // two digits under narrow columns; the full year is in each bar's name and the selects
  const bars = [];
  for (const y of years) {
    const count = counts.get(y) || 0;
    const column = el(count ? "button" : "div", undefined, "year");
    column.dataset.year = y;
    column.classList.toggle("chosen", inRange(y));
    const track = el("span", undefined, "track");
    if (count) {
      const bar = el("span", undefined, "bar");
      bar.style.height = `${Math.max(6, 100 * count / max)}%`;
      track.append(bar);
    }
    // The bar's name is its visible year followed by hidden words (2021年：3 个文件), not an aria-label: a name must
    // contain the text seen on the button (WCAG 2.5.3, axe's label-content-name-mismatch). A two-digit label keeps
    // its century as hidden text.
    const label = el("span", short ? String(y).slice(2) : y, "label");
    if (short) label.prepend(el("span", String(y).slice(0, 2), "visually-hidden"));
    const countText = el("span", count || "", "count");
    countText.setAttribute("aria-hidden", "true");
    column.append(countText, track, label);
    if (!count) {
      column.setAttribute("aria-hidden", "true");
    } else {
      column.type = "button";
      column.tabIndex = -1;
      column.append(el("span", `年：${count} 个文件`, "visually-hidden"));
      column.setAttribute("aria-pressed", String(inRange(y)));
      column.addEventListener("click", e => {
        if (performance.now() - yearDragEnded < 300) return; // the end of a drag, already applied
        if (e.shiftKey) extendTo(y);
        else if (range && range.from === y && range.to === y) choose(null, null, "bar:" + y);
        else choose(y, y, "bar:" + y);
      });
      column.addEventListener("keydown", e => {
        if (e.shiftKey && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); extendTo(y); }
      });
      bars.push(column);
    }
    chart.append(column);
  }
  // One Tab stop: the first chosen bar, else the newest year; the arrow keys, Home and End move along the axis.
  const stop = bars.find(b => b.classList.contains("chosen")) || bars[bars.length - 1];
  if (stop) stop.tabIndex = 0;
  chart.addEventListener("keydown", e => {
    const i = bars.indexOf(document.activeElement);
    const moves = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: bars.length - 1 };
    if (i < 0 || !(e.key in moves) || e.shiftKey) return;
    e.preventDefault();
    const target = bars[Math.max(0, Math.min(bars.length - 1, moves[e.key]))];
    for (const b of bars) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  });

  // Dragging across the bars (mouse, pen or finger) previews the range and chooses it when let go.
  let drag = null;
  const yearAt = e => {
    const hit = document.elementFromPoint(e.clientX, e.clientY);
    const column = hit && hit.closest(".year");
    return column && chart.contains(column) ? +column.dataset.year : null;
  };
  const preview = () => {
    const [a, b] = drag ? [Math.min(drag.start, drag.end), Math.max(drag.start, drag.end)] : [0, -1];
    chart.classList.toggle("dragging", !!drag && drag.start !== drag.end);
    for (const c of chart.children) c.classList.toggle("preview", +c.dataset.year >= a && +c.dataset.year <= b);
  };
  chart.addEventListener("pointerdown", e => {
    const y = e.button === 0 ? yearAt(e) : null;
    drag = y === null ? null : { start: y, end: y, pointer: e.pointerId };
  });
  chart.addEventListener("pointermove", e => {
    if (!drag || e.pointerId !== drag.pointer) return;
    const y = yearAt(e);
    if (y === null || y === drag.end) return;
    drag.end = y;
    preview();
  });
  chart.addEventListener("pointerup", e => {
    if (!drag || e.pointerId !== drag.pointer) return;
    const { start, end } = drag;
    drag = null;
    preview();
    if (start === end) return; // a click: the bar's own handler
    yearDragEnded = performance.now();
    choose(Math.min(start, end), Math.max(start, end), "bar:" + end);
  });
  chart.addEventListener("pointercancel", () => { drag = null; preview(); });

  // 从 / 到: every year of the axis (and the filter's own ends, should they lie outside it); 不限 leaves that end open.
  const picker = el("div", undefined, "year-range");
  const listed = [...new Set([...years, range?.from, range?.to].filter(y => y !== null && y !== undefined))].sort((a, b) => a - b);
  const select = (id, label, value) => {
    const wrap = el("label", label + " ");
    const s = el("select");
    s.id = id;
    const any = el("option", "不限");
    any.value = "";
    s.append(any);
    for (const y of listed) {
      const option = el("option", y);
      option.value = y;
      s.append(option);
    }
    s.value = value === null || value === undefined ? "" : String(value);
    wrap.append(s);
    picker.append(wrap);
    return s;
  };
  const from = select("year-from", "从", range?.from);
  const to = select("year-to", "到", range?.to);
  const read = s => s.value ? +s.value : null;
  from.addEventListener("change", () => {
    const a = read(from), b = read(to);
    choose(a, a !== null && b !== null && b < a ? a : b, "year-from");
  });
  to.addEventListener("change", () => {
    const a = read(from), b = read(to);
    choose(a !== null && b !== null && a > b ? b : a, b, "year-to");
  });

  box.append(chart, picker);
  if (yearFocus && yearFocus.ticket === ticket) {
    const wanted = yearFocus.key;
    yearFocus = null;
    queueMicrotask(() => { // once the facets are in the page
      const target = wanted.startsWith("bar:") ? bars.find(b => b.dataset.year === wanted.slice(4)) : picker.querySelector("#" + wanted);
      if (!target || !box.isConnected) return;
      if (target.classList.contains("year")) for (const b of bars) b.tabIndex = b === target ? 0 : -1;
      target.focus({ preventScroll: true });
    });
  }
  return box;
}

/**
 * A chip per active filter: chosen values, excluded ones (排除), the year, and filters typed in the query (removing
 * one removes its text from the query); 清除全部 removes them all at once.
 */
function renderChips(state, queryFilters = []) {
  const box = $("chips");
  box.replaceChildren();
  const labelOf = f => FACETS.find(x => x[0] === f)[1];
  const chips = [];
  for (const f of MULTI) {
    for (const v of state[f]) chips.push([`${labelOf(f)}：${v}`, { ...state, [f]: state[f].filter(x => x !== v) }, `v:${f}:${v}`, ""]);
    for (const v of state[f + "_not"]) chips.push([`排除 ${labelOf(f)}：${v}`, { ...state, [f + "_not"]: state[f + "_not"].filter(x => x !== v) }, `v:${f}:${v}`, "excluded"]);
  }
  if (state.year) chips.push([`${labelOf("year")}：${yearLabel(state.year)}`, { ...state, year: "" }, null, ""]);
  for (const qf of queryFilters)
    chips.push([`${qf.excluded ? "排除 " : ""}${labelOf(qf.facet)}：${qf.value}（查询中）`, { ...state, q: withoutText(state.q, qf.text) }, null, "typed"]);
  for (const [text, next, key, kind] of chips) {
    const chip = el("span", text, "chip" + (kind ? " " + kind : ""));
    const remove = el("button", "×");
    remove.type = "button";
    remove.setAttribute("aria-label", `移除筛选 ${text}`);
    remove.addEventListener("click", () => act(key, { ...next, page: 1 }));
    chip.append(remove);
    box.append(chip);
  }
  if (chips.length) {
    const all = el("button", "清除全部", "link clear-all");
    all.type = "button";
    const cleared = { ...state, year: "", page: 1, q: queryFilters.reduce((q, qf) => withoutText(q, qf.text), state.q) };
    for (const f of MULTI) { cleared[f] = []; cleared[f + "_not"] = []; }
    all.addEventListener("click", () => act(null, cleared));
    box.append(all);
  }
}

/** A click that opens in place; Ctrl, Shift, Cmd or a middle click opens the link in a new tab or window as usual. */
function plainClick(e) {
  return e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
}

function openDocument(id, sectionId) {
  opened = id;
  history.pushState(null, "", "?" + new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(location.search)), doc: id }) + "#s" + sectionId);
  render();
}

// The document view asks for the text of one page of sections at a time (the server's cost and the response
// grow with the page, not the document): the outline lists every section, further pages load as the reader
// scrolls or presses 更多 / 前文, and a #s{id} anchor outside the loaded pages loads the page that holds it.
const PAGE = 50;
let shown = null; // the document on screen: { doc, q, lo, hi, total, body, toc, more, earlier, loading }

function documentUrl(state, params) {
  const p = new URLSearchParams(params);
  if (state.q) p.set("q", state.q);
  if (state.q && !state.expand) p.set("expand", "false");
  p.set("count", PAGE);
  return `api/documents/${encodeURIComponent(state.doc)}?` + p;
}

function sectionFromHash() {
  const m = /^#s(\d+)$/.exec(location.hash);
  return m ? +m[1] : null;
}

async function showDocument(state, mine) {
  const wanted = sectionFromHash();
  const view = $("document");
  if (shown && shown.doc === state.doc && shown.q === state.q && shown.expand === state.expand && !view.hidden && wanted !== null) {
    return goToSection(wanted); // a table-of-contents link or a changed anchor: same document, maybe another page
  }
  const response = await fetchCurrent(documentUrl(state, wanted !== null ? { section: wanted } : { from: 0 }), mine);
  if (!response) return;
  const d = await response.json();
  if (mine !== ticket) return;
  $("results").hidden = true; $("pages").replaceChildren(); $("trend").hidden = true; $("targets").hidden = true;
  view.hidden = false;
  view.replaceChildren();
  shown = null;
  if (!response.ok) { view.append(el("p", d.detail || "无法打开文件")); return; }
  const back = el("button", "← 返回结果");
  back.type = "button";
  back.addEventListener("click", () => writeState({ ...state, doc: null }));
  document.title = `${d.title} · 政策文件检索`;
  view.append(back, el("h2", d.title));
  if (d.noticeTitle) view.append(el("p", d.noticeTitle, "meta"));
  view.append(infoTable(d));
  if (d.targets?.length) view.append(documentTargets(d.targets));
  const toc = el("ol", undefined, "toc");
  toc.setAttribute("aria-label", "目录");
  const tocItems = new Map();
  for (const s of d.outline || []) {
    if (!s.heading) continue;
    const item = el("li");
    item.style.marginLeft = `${s.depth}em`;
    const link = el("a", headingText(s.heading));
    link.href = "#s" + s.id;
    item.append(link);
    toc.append(item);
    tocItems.set(s.id, item);
  }
  // A long table of contents is folded, so the text (and the matched section) is not pushed a screen down.
  const tocBox = el("details", undefined, "toc-box");
  tocBox.append(el("summary", `目录（${tocItems.size} 节）`), toc);
  tocBox.open = tocItems.size <= 15;
  const matches = el("div", undefined, "matches");
  matches.hidden = true;
  const earlier = el("button", "前文", "more");
  earlier.type = "button";
  const more = el("button", "更多", "more");
  more.type = "button";
  const body = el("div");
  view.append(tocBox, matches, earlier, body, more);
  shown = { doc: state.doc, q: state.q, expand: state.expand, lo: d.from, hi: d.from, total: d.total, outline: d.outline || [], body, tocItems, more, earlier, matches, pending: null, observer: null };
  const current = shown;
  earlier.addEventListener("click", () => loadPage(current, Math.max(0, current.lo - PAGE), "before"));
  more.addEventListener("click", () => loadPage(current, current.hi, "after"));
  appendSections(current, d, "after");
  // Reading on loads the next page before the reader reaches the end.
  if ("IntersectionObserver" in window) {
    current.observer = new IntersectionObserver(entries => {
      if (entries.some(e => e.isIntersecting) && shown === current && !more.hidden && current.hi < current.total) loadPage(current, current.hi, "after");
    }, { rootMargin: "400px" });
    current.observer.observe(more);
  }
  scrollToSection(wanted);
}

/**
 * The document's 信息表, as government sites print one: issuer, number, dates, type, region, and the original file
 * (downloaded, never shown inside this page). A value the engine inferred rather than read says so.
 */
function infoTable(d) {
  const m = d.metadata || {};
  const inferred = new Set(d.inferred || []);
  const table = el("dl", undefined, "info");
  const row = (label, value, isInferred) => {
    if (!value) return;
    table.append(el("dt", label), el("dd", isInferred ? value + "（推断）" : value));
  };
  row("发文机关", d.issuers.join("、"), inferred.has("issuers"));
  row("发文字号", d.documentNumber, inferred.has("documentNumber"));
  row("成文日期", m.signingDate?.value || d.date || (d.year && `${d.year} 年`), !m.signingDate && !d.date && inferred.has("year"));
  row("发布日期", m.publicationDate?.value);
  row("文种", d.type);
  row("地区", d.region, inferred.has("region"));
  const file = el("a", fileName(d.source));
  file.href = `api/documents/${encodeURIComponent(d.id)}/file`;
  file.setAttribute("download", "");
  const source = el("dd");
  source.append(file);
  table.append(el("dt", "原文"), source);
  return table;
}

/** Loads the page starting at from; "before"/"after" extend the loaded range, "replace" starts a new one. */
function loadPage(current, from, where, section) {
  if (current.pending) return current.pending;
  current.pending = fetchPage(current, from, where, section).finally(() => { current.pending = null; });
  return current.pending;
}

async function fetchPage(current, from, where, section) {
  const state = readState();
  const params = section !== undefined ? { section } : { from };
  params.outline = "false"; // the view has the outline from its first request
  const response = await fetch(documentUrl(state, params));
  if (!response.ok || shown !== current) return false;
  const d = await response.json();
  if (where === "before") {
    // A page before the first loaded ends where that one starts, however the grid falls.
    d.sections = d.sections.filter(s => current.outline.findIndex(o => o.id === s.id) < current.lo);
  }
  if (where === "replace") {
    current.body.replaceChildren();
    current.lo = current.hi = d.from;
  }
  appendSections(current, d, where);
  // Observed again, the button reports whether it is still in view: a short page loads the next one too.
  if (current.observer) { current.observer.unobserve(current.more); current.observer.observe(current.more); }
  return true;
}

function appendSections(current, d, where) {
  const nodes = [];
  for (const s of d.sections) {
    const matched = s.highlighted && s.highlighted.includes("<mark>");
    const section = el("section", undefined, matched ? "matched" : "");
    section.id = "s" + s.id;
    if (s.heading) section.append(el(s.depth === 0 ? "h3" : "h4", headingText(s.heading)));
    if (matched && current.tocItems.has(s.id)) current.tocItems.get(s.id).classList.add("matched");
    const text = el("div", undefined, "text");
    appendParagraphs(text, s);
    section.append(text);
    if (s.textFrom + s.text.length < s.textLength) section.append(restOfSection(current, s, text));
    if (s.units.length) section.append(el("p", "责任单位：" + s.units.map(u => u.isLead ? u.name + "（牵头）" : u.name).join("、"), "meta"));
    nodes.push(section);
  }
  if (where === "before") {
    current.body.prepend(...nodes);
    current.lo -= nodes.length;
  } else {
    current.body.append(...nodes);
    current.hi = Math.max(current.hi, d.from + nodes.length);
  }
  current.earlier.hidden = current.lo <= 0;
  current.more.hidden = current.hi >= current.total;
  updateMatches(current);
}

/**
 * How many of the loaded sections match, and 上一处 / 下一处 to step through them (from the section in view), so a
 * reader of a long plan need not scroll in search of the marks.
 */
function updateMatches(current) {
  const sections = [...current.body.querySelectorAll("section.matched")];
  const bar = current.matches;
  bar.hidden = !sections.length;
  if (!sections.length) return;
  const step = direction => {
    const all = [...current.body.querySelectorAll("section.matched")];
    const top = window.scrollY + 80;
    const target = direction > 0
      ? all.find(x => x.getBoundingClientRect().top + window.scrollY > top + 1) || all[0]
      : all.reverse().find(x => x.getBoundingClientRect().top + window.scrollY < top - 1) || all[0];
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  };
  const previous = el("button", "上一处");
  previous.type = "button";
  previous.addEventListener("click", () => step(-1));
  const next = el("button", "下一处");
  next.type = "button";
  next.addEventListener("click", () => step(1));
  bar.replaceChildren(el("span", `已载入的章节中 ${sections.length} 节匹配`), previous, next);
}

/**
 * A section's text as printed: one <p> per line of the stored text (a 专栏 of nine items reads as nine paragraphs,
 * not one block). A mark never spans a line break (a term has none), so the highlighted text splits the same way.
 */
function appendParagraphs(container, s) {
  const lines = (s.highlighted ?? s.text).split("\n");
  for (const line of lines) {
    if (!line.trim()) continue;
    const p = el("p");
    if (s.highlighted) p.append(marked(line)); else p.textContent = typeset(line);
    container.append(p);
  }
}

/**
 * A very long section comes in windows of text (the server bounds what one response holds): this button asks for
 * the next window of the section from where the shown text ends, and appends it.
 */
function restOfSection(current, s, p) { // p: the section's text container
  let next = s.textFrom + s.text.length;
  const button = el("button", `显示本节其余 ${s.textLength - next} 字`, "more");
  button.type = "button";
  button.addEventListener("click", async () => {
    button.disabled = true;
    const response = await fetch(documentUrl(readState(), { section: s.id, at: next, outline: "false" }));
    if (!response.ok || shown !== current) { button.disabled = false; return; }
    const part = (await response.json()).sections[0];
    appendParagraphs(p, part);
    next = part.textFrom + part.text.length;
    button.textContent = `显示本节其余 ${s.textLength - next} 字`;
    button.disabled = false;
    button.hidden = next >= s.textLength || part.text.length === 0;
  });
  return button;
}

/** Scrolls to a loaded section; else loads the page that holds it (next to the loaded ones, or instead of them). */
async function goToSection(id) {
  const current = shown;
  while (current.pending) await current.pending; // a page loading as the reader scrolled may hold the section
  if (shown !== current) return;
  if (!document.getElementById("s" + id)) {
    const index = current.outline.findIndex(o => o.id === id);
    if (index < 0) return;
    const from = Math.floor(index / PAGE) * PAGE;
    const where = from === current.hi ? "after" : from + PAGE === current.lo ? "before" : "replace";
    await loadPage(current, from, where, where === "replace" ? id : undefined);
  }
  scrollToSection(id);
}

/** Scrolls to the section and moves the focus there, so the next Tab goes on from it rather than from the top. */
function scrollToSection(id) {
  const target = (id !== null && document.getElementById("s" + id)) || $("document").querySelector("h2");
  if (!target) return;
  target.setAttribute("tabindex", "-1");
  target.scrollIntoView();
  target.focus({ preventScroll: true });
}

/** A view beside the results (对比, 目标): the results and the other view hidden, its own box emptied and shown. */
function sideView(id) {
  $("results").hidden = true; $("pages").replaceChildren();
  for (const other of ["trend", "targets"]) $(other).hidden = other !== id;
  $("warnings").hidden = true; renderRelaxed(null);
  const box = $(id);
  box.replaceChildren();
  return box;
}

/**
 * A side view's answer, with the facets of the same search rendered beside it; null when a newer render began or
 * the request failed (the summary then says why).
 */
async function answerWithFacets(url, state, mine) {
  const [answer, facetAnswer] = await Promise.all([fetchCurrent(url, mine), fetchCurrent("api/facets?" + filterParams(state), mine)]);
  if (!answer || !facetAnswer) return null;
  const [body, facets] = await Promise.all([answer.json(), facetAnswer.json()]);
  if (mine !== ticket) return null;
  if (!answer.ok) { $("summary").textContent = failure(answer, body); return null; }
  if (facetAnswer.ok) renderFacets(facets, state, {});
  return body;
}

/** A table's head: the corner's label over the row headers, then a column header per label. */
function tableHead(corner, labels) {
  const head = el("tr");
  for (const label of [corner, ...labels]) {
    const th = el("th", label);
    th.scope = "col";
    head.append(th);
  }
  const thead = el("thead");
  thead.append(head);
  return thead;
}

/** A row headed by its label (a th scoped to the row). */
function labelledRow(label) {
  const row = el("tr");
  const name = el("th", label);
  name.scope = "row";
  row.append(name);
  return row;
}

/**
 * 对比: the documents the search on screen finds (its words and every active filter, exclusions too) by issuer (rows) and year
 * (columns: every year from the first to the last, so a year without documents is an empty column). Each count is a
 * link to those documents: the same search with that issuer and that year as filters. With issuers chosen, only their
 * rows are shown (another issuer's row would count the chosen ones' joint documents under its name). Documents
 * without a year are not in the table. The facets beside it count the same documents.
 */
async function showTrend(state, mine) {
  const box = sideView("trend");
  if (!state.q) { $("summary").textContent = "输入一个词，比较各发文机关逐年发文情况。"; return; }
  const cells = await answerWithFacets("api/trend?" + filterParams(state), state, mine);
  if (!cells) return;
  const chosen = new Set(state.issuer);
  const shown = chosen.size ? cells.filter(c => chosen.has(c.issuer)) : cells;
  if (!shown.length) { $("summary").textContent = `“${state.q}”：没有符合条件、标明年份的文件。`; return; }
  const first = Math.min(...shown.map(c => c.year)), last = Math.max(...shown.map(c => c.year));
  const years = [];
  for (let y = first; y <= last; y++) years.push(y);
  const issuers = [...new Set(shown.map(c => c.issuer))];
  const documents = new Map(shown.map(c => [`${c.issuer}\n${c.year}`, c.documents]));
  const span = first === last ? `${first} 年` : `${first}–${last} 年`;
  $("summary").textContent = `“${state.q}”：${issuers.length} 个发文机关，${span}`;

  const table = el("table");
  // exclusions (排除) filter the counts as much as chosen values do: the trend is asked with both
  table.append(el("caption", `各发文机关逐年文件数${hasFilters(state) ? "（按所选条件筛选）" : ""}`));
  const thead = tableHead("发文机关", years);
  const tbody = el("tbody");
  const max = Math.max(1, ...shown.map(c => c.documents));
  for (const issuer of issuers) {
    const row = labelledRow(issuer);
    for (const y of years) {
      const n = documents.get(`${issuer}\n${y}`) || 0;
      const td = el("td");
      if (n) {
        const target = { ...state, issuer: [issuer], year: String(y), view: "results", page: 1, doc: null };
        const link = el("a", n);
        link.href = stateUrl(target);
        link.append(el("span", ` 个文件：${issuer}，${y} 年`, "visually-hidden"));
        link.addEventListener("click", e => { if (plainClick(e)) { e.preventDefault(); writeState(target); } });
        td.append(link);
        td.style.background = `rgba(139, 26, 26, ${(0.08 + 0.42 * n / max).toFixed(3)})`; // dark text stays above 4.5:1
      } else {
        td.className = "none";
        td.append(el("span", "0", "visually-hidden"));
      }
      row.append(td);
    }
    tbody.append(row);
  }
  table.append(thead, tbody);
  box.append(table);
  // the table as CSV: the same words and filters; with issuers chosen the server keeps only their rows, as here
  const download = el("a", "导出 CSV");
  download.href = "api/trend.csv?" + filterParams(state);
  download.type = "text/csv";
  download.download = "";
  download.append(el("span", "：各发文机关逐年文件数", "visually-hidden"));
  const line = el("p", undefined, "exports");
  line.append(download);
  box.append(line);
}

/** A target's value as a reader says it: 增长 ≥12%, 约5万人, 60–65%, 翻一番 as 2 倍. */
function targetValue(t) {
  const number = t.comparison === "range" ? `${t.value}–${t.valueMax}${t.unit}` : `${t.value}${t.unit}`;
  const bound = { atLeast: "≥", atMost: "≤", about: "约" }[t.comparison] || "";
  const kind = { increase: "增长 ", decrease: "下降 " }[t.kind] || "";
  return kind + bound + number;
}

/** The baseline when printed: 基数 2.2%（2020 年）. */
function targetBaseline(t) {
  if (t.baselineValue === undefined || t.baselineValue === null) return "";
  return `${t.baselineValue}${t.unit}` + (t.baselineYear ? `（${t.baselineYear} 年）` : "");
}

/** A target's sentence with its value in <strong>, as text nodes (the sentence is never parsed as markup). */
function targetSentence(t) {
  const out = document.createDocumentFragment();
  const s = t.sentence;
  out.append(document.createTextNode(typeset(s.slice(0, t.valueStart))), el("strong", s.slice(t.valueStart, t.valueEnd)),
    document.createTextNode(typeset(s.slice(t.valueEnd))));
  return out;
}

/** The document view's 规划目标: every goal the document sets, each linked to its section. */
function documentTargets(targets) {
  const box = el("details", undefined, "targets-box");
  box.open = targets.length <= 30;
  box.append(el("summary", `规划目标（${targets.length} 项）`));
  const table = el("table", undefined, "targets-table");
  const thead = tableHead("指标", ["目标", "目标年", "基数", "原文"]);
  const tbody = el("tbody");
  for (const t of targets) {
    const row = labelledRow(t.indicator);
    const where = el("td");
    const link = el("a", t.headingPath.length ? headingText(t.headingPath[t.headingPath.length - 1]) : "前言");
    link.href = "#s" + t.section;
    where.append(link, el("br"), targetSentence(t));
    row.append(el("td", targetValue(t)), el("td", t.targetYear || ""), el("td", targetBaseline(t)), where);
    tbody.append(row);
  }
  table.append(thead, tbody);
  box.append(table);
  return box;
}

/**
 * 目标: the plan targets of the search on screen (its words matched in the indicator, every active filter applied),
 * compared by issuer (rows) and target year (columns), each value a link to its section; then every target with its
 * sentence. Without words, the targets of the filtered documents, newest documents first.
 */
async function showTargets(state, mine) {
  const box = sideView("targets");
  if (!state.q && !hasFilters(state)) { $("summary").textContent = "输入一个指标（如 研发经费、高新技术企业），查看各地规划设定的目标。"; return; }
  const found = await answerWithFacets("api/targets?size=500&" + filterParams(state), state, mine);
  if (!found) return;
  const label = state.q ? `“${state.q}”` : "所选文件";
  if (!found.targets.length) { $("summary").textContent = `${label}：没有找到设定数量目标的句子。`; return; }
  $("summary").textContent = `${label}：${found.total} 项目标，来自 ${found.documents} 个文件` +
    (found.truncated ? `（只读了最相关的 ${found.sectionsRead} 节）` : "") + (found.total > found.targets.length ? `，列出前 ${found.targets.length} 项` : "");

  // The comparison: issuers by target year; a target whose text states no year has a column of its own.
  const yearOf = t => t.targetYear || 0;
  const years = [...new Set(found.targets.map(yearOf))].sort((a, b) => a - b);
  const issuers = [...new Set(found.targets.flatMap(t => t.issuers.length ? t.issuers : ["（未知）"]))];
  const table = el("table", undefined, "targets-compare");
  table.append(el("caption", `各发文机关的目标，按目标年${hasFilters(state) ? "（按所选条件筛选）" : ""}`));
  const thead = tableHead("发文机关", years.map(y => y ? `${y} 年` : "未标目标年"));
  const tbody = el("tbody");
  for (const issuer of issuers) {
    const row = labelledRow(issuer);
    for (const y of years) {
      const td = el("td");
      const here = found.targets.filter(t => yearOf(t) === y && (t.issuers.length ? t.issuers.includes(issuer) : issuer === "（未知）"));
      for (const t of here) {
        const target = { ...state, doc: t.documentId, view: "results", page: 1 };
        const link = el("a", `${t.indicator}：${targetValue(t)}`);
        link.href = stateUrl(target) + "#s" + t.section;
        link.title = t.title;
        link.addEventListener("click", e => { if (plainClick(e)) { e.preventDefault(); openDocument(t.documentId, t.section); } });
        td.append(link);
      }
      if (!here.length) { td.className = "none"; td.append(el("span", "无", "visually-hidden")); }
      row.append(td);
    }
    tbody.append(row);
  }
  table.append(thead, tbody);

  const list = el("ol", undefined, "targets-list");
  for (const t of found.targets) {
    const item = el("li");
    const title = el("a", t.title);
    title.href = stateUrl({ ...state, doc: t.documentId, view: "results", page: 1 }) + "#s" + t.section;
    title.addEventListener("click", e => { if (plainClick(e)) { e.preventDefault(); openDocument(t.documentId, t.section); } });
    const line = el("p", undefined, "target-line");
    line.append(el("strong", t.indicatorHighlighted ? "" : t.indicator));
    if (t.indicatorHighlighted) line.firstChild.append(marked(t.indicatorHighlighted));
    line.append(document.createTextNode(`　${targetValue(t)}` + (t.targetYear ? `（${t.targetYear} 年）` : "") + (targetBaseline(t) ? `，基数 ${targetBaseline(t)}` : "")));
    item.append(title, el("p", metaLine(t, ["issuers", "documentNumber", "date"]), "meta"), line, el("p", undefined, "snippet"));
    item.lastChild.append(targetSentence(t));
    list.append(item);
  }
  box.append(table, list);
}

// Phone width: the facets are a drawer opened by 筛选, a modal dialog (the rest of the page inert; Escape or 关闭
// closes it and gives the focus back to 筛选). On a wider screen they are the side column and none of this applies.
const phone = window.matchMedia("(max-width: 760px)");
function openFilters() {
  if (!phone.matches) return;
  const aside = $("filters");
  document.body.classList.add("filters-open");
  aside.setAttribute("role", "dialog");
  aside.setAttribute("aria-modal", "true");
  aside.setAttribute("aria-labelledby", "filters-title");
  for (const part of [document.querySelector("header.chrome"), $("content"), document.querySelector(".skip")]) part.inert = true;
  $("filters-open").setAttribute("aria-expanded", "true");
  $("filters-close").focus();
}
function closeFilters(returnFocus = true) {
  if (!document.body.classList.contains("filters-open")) return;
  const aside = $("filters");
  document.body.classList.remove("filters-open");
  for (const a of ["aria-modal", "aria-labelledby"]) aside.removeAttribute(a);
  aside.setAttribute("role", "complementary");
  for (const part of [document.querySelector("header.chrome"), $("content"), document.querySelector(".skip")]) part.inert = false;
  $("filters-open").setAttribute("aria-expanded", "false");
  if (returnFocus) $("filters-open").focus();
}
/** 筛选 says how many filters are on; a choice in the open drawer that rebuilt the focused control keeps the focus inside. */
function updateFiltersButton(state) {
  const n = MULTI.reduce((sum, f) => sum + state[f].length, 0) + (state.year ? 1 : 0);
  $("filters-open").textContent = n ? `筛选（${n}）` : "筛选";
}
$("filters-open").addEventListener("click", openFilters);
// A click on the dimmed page beside the drawer closes it (the path as dispatched: a chip removed by its own click
// is no longer inside the drawer when the click reaches the document).
document.addEventListener("click", e => {
  const path = e.composedPath();
  if (document.body.classList.contains("filters-open") && !path.includes($("filters")) && !path.includes($("filters-open"))) closeFilters();
});
$("filters-close").addEventListener("click", () => closeFilters());
$("filters").addEventListener("keydown", e => {
  if (e.key === "Escape" && document.body.classList.contains("filters-open")) { e.preventDefault(); closeFilters(); }
});
phone.addEventListener("change", () => { if (!phone.matches) closeFilters(false); });

// Suggestions: a listbox under the search box, by mouse or arrow keys. Pinyin being composed in an input method is
// not a query: nothing is asked until the composition ends. Answers to older keystrokes are dropped.
let suggestTimer;
let suggestTicket = 0;
function closeSuggestions() {
  clearTimeout(suggestTimer);
  suggestTicket++; // an answer still on its way must not reopen the list
  $("suggestions").hidden = true;
  $("q").setAttribute("aria-expanded", "false");
  $("q").removeAttribute("aria-activedescendant");
}
function suggestSoon() {
  clearTimeout(suggestTimer);
  const mine = ++suggestTicket;
  suggestTimer = setTimeout(async () => {
    const value = $("q").value.trim();
    const list = $("suggestions");
    if (!value) { closeSuggestions(); return; }
    const response = await fetch("api/suggest?" + new URLSearchParams({ q: value.split(/\s+/).pop() }));
    const items = response.ok ? await response.json() : [];
    if (mine !== suggestTicket || document.activeElement !== $("q")) return;
    list.replaceChildren();
    $("q").removeAttribute("aria-activedescendant");
    items.slice(0, 8).forEach((s, i) => {
      const option = el("li");
      option.id = "suggestion-" + i;
      option.setAttribute("role", "option");
      option.append(el("span", s.text, "text"), el("span", suggestionNote(s), "note"));
      option.addEventListener("mousedown", e => { e.preventDefault(); choose(s); });
      list.append(option);
    });
    suggestions = items.slice(0, 8);
    list.hidden = !list.children.length;
    $("q").setAttribute("aria-expanded", String(!list.hidden));
  }, 150);
}
$("q").addEventListener("input", e => { if (!e.isComposing) suggestSoon(); });
$("q").addEventListener("compositionend", suggestSoon);
$("q").addEventListener("blur", closeSuggestions); // Tab away or a click elsewhere
$("q").addEventListener("keydown", e => {
  if (e.isComposing) return; // the input method's own keys
  if (e.key === "Escape") {
    // Closes the list (and any list still on its way); the words typed stay: a search box that empties itself on
    // Escape loses a long query to a reflex.
    e.preventDefault();
    closeSuggestions();
    return;
  }
  const options = [...$("suggestions").children];
  if (!options.length || $("suggestions").hidden) return;
  let i = options.findIndex(o => o.getAttribute("aria-selected") === "true");
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    i = e.key === "ArrowDown" ? (i + 1) % options.length : (i - 1 + options.length) % options.length;
    options.forEach((o, j) => o.setAttribute("aria-selected", String(j === i)));
    $("q").setAttribute("aria-activedescendant", options[i].id);
  } else if (e.key === "Enter" && i >= 0) {
    e.preventDefault();
    choose(suggestions[i]);
  }
});
let suggestions = []; // the completions on show, in order, with their kinds

/** What a completion is, and how much it has: 词 · 12 节, 发文机关 · 3 件, 文件标题. */
function suggestionNote(s) {
  if (s.kind === "issuer") return `发文机关 · ${s.sections} 件`;
  if (s.kind === "title") return "文件标题";
  return `${s.sections} 节`;
}

/**
 * A term completes the word being typed; an issuer becomes a filter (the words typed before it stay the query); a
 * title is searched as the title it is.
 */
function choose(s) {
  const words = $("q").value.trim().split(/\s+/);
  closeSuggestions();
  if (s.kind === "issuer") {
    words.pop();
    const state = readState();
    writeState({ ...state, q: words.join(" "), issuer: [...new Set([...state.issuer, s.text])], page: 1, doc: null });
    return;
  }
  words[words.length - 1] = s.kind === "title" ? `title:"${s.text}"` : s.text;
  $("q").value = words.join(" ");
  $("search").requestSubmit();
}

$("search").addEventListener("submit", e => {
  e.preventDefault();
  closeSuggestions();
  writeState({ ...readState(), q: $("q").value.trim(), page: 1, doc: null });
});
$("group").addEventListener("change", () => writeState({ ...readState(), group: $("group").checked, page: 1 }));
$("sort").addEventListener("change", () => writeState({ ...readState(), sort: $("sort").value, page: 1 }));
$("view-results").addEventListener("click", () => writeState({ ...readState(), view: "results", doc: null }));
$("view-trend").addEventListener("click", () => writeState({ ...readState(), view: "trend", doc: null }));
$("view-targets").addEventListener("click", () => writeState({ ...readState(), view: "targets", doc: null }));
window.addEventListener("popstate", render);
if (new URLSearchParams(location.search).get("embed") === "1") document.body.classList.add("embed");
render();
watchBuild();

/**
 * While the server builds its first index, results may be incomplete: a notice says how far the build is, from
 * /health, every few seconds until it ends. Numbers only go in, with textContent.
 */
async function watchBuild() {
  let health;
  try {
    const response = await fetch("health");
    if (!response.ok) return;
    health = await response.json();
  } catch {
    return; // the notice is a courtesy: a failed check shows nothing
  }
  const notice = $("building");
  const build = health.build;
  if (health.status !== "building" || !build) {
    notice.hidden = true;
    notice.textContent = "";
    return;
  }
  const total = build.filesTotal ?? "?";
  notice.textContent = `索引正在建立：已读 ${build.filesRead} / ${total} 个文件，结果可能不全`;
  notice.hidden = false;
  setTimeout(watchBuild, 5000);
}
