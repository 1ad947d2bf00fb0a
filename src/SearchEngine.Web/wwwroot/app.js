// The search page. Document text is never parsed as HTML: values go in with textContent, and snippets (which
// the server escapes, adding only <mark>) are rebuilt from their text and <mark> elements alone.
"use strict";

const FACET_LABELS = { industry: "产业", year: "年份", issuer: "发文机关", region: "地区", type: "文种" };

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function snippet(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") out.append(el("mark", node.textContent));
    else out.append(document.createTextNode(node.textContent));
  }
  return out;
}

async function search(query) {
  const response = await fetch("api/search?" + new URLSearchParams({ q: query }));
  const body = await response.json();
  const results = document.getElementById("results");
  const summary = document.getElementById("summary");
  results.replaceChildren();
  document.getElementById("document").replaceChildren();
  if (!response.ok) { summary.textContent = body.detail || "搜索失败"; return; }
  summary.textContent = `${body.totalDocuments} 个文件，${body.total} 个章节（${body.tookMs} ms）` + (body.warnings.length ? " · " + body.warnings.join(" ") : "");
  for (const hit of body.hits) {
    const item = el("li");
    const title = el("a", hit.title);
    title.href = "#";
    title.addEventListener("click", e => { e.preventDefault(); showDocument(hit.documentId); });
    item.append(title);
    item.append(el("div", [hit.issuers.join("、"), hit.documentNumber, hit.year].filter(Boolean).join(" · "), "meta"));
    if (hit.headingPath.length) item.append(el("div", hit.headingPath.join(" › "), "path"));
    const text = el("div");
    text.append(snippet(hit.snippet));
    item.append(text);
    results.append(item);
  }
  const facets = document.getElementById("facets");
  facets.replaceChildren();
  for (const [name, values] of Object.entries(body.facets)) {
    if (!values.length) continue;
    const box = el("div", undefined, "facet");
    box.append(el("h3", FACET_LABELS[name] || name));
    const list = el("ul");
    for (const v of values.slice(0, 12)) list.append(el("li", `${v.value}（${v.count}）`));
    box.append(list);
    facets.append(box);
  }
}

async function showDocument(id) {
  const response = await fetch("api/documents/" + encodeURIComponent(id));
  const d = await response.json();
  const target = document.getElementById("document");
  target.replaceChildren(el("h2", d.title), el("div", [d.issuers.join("、"), d.documentNumber, d.year].filter(Boolean).join(" · "), "meta"));
  for (const s of d.sections) {
    if (s.headingPath.length) target.append(el("h3", s.headingPath[s.headingPath.length - 1]));
    target.append(el("p", s.body));
  }
  target.scrollIntoView();
}

document.getElementById("search").addEventListener("submit", e => {
  e.preventDefault();
  const q = document.getElementById("q").value;
  history.replaceState(null, "", "?q=" + encodeURIComponent(q));
  search(q);
});

const initial = new URLSearchParams(location.search).get("q");
if (initial) { document.getElementById("q").value = initial; search(initial); }
