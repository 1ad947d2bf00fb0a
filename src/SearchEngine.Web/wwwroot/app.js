// Every value from the server is inserted with textContent: document text is never parsed as HTML.
"use strict";

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function loadList() {
  const response = await fetch("api/documents");
  const documents = await response.json();
  const list = document.getElementById("documents");
  for (const d of documents) {
    const button = el("button");
    button.append(el("strong", d.title || d.source), el("div", [d.issuers.join("、"), d.year, d.type].filter(Boolean).join(" · "), "meta"));
    button.addEventListener("click", () => showDocument(d.id));
    const item = el("li");
    item.append(button);
    list.append(item);
  }
}

async function showDocument(id) {
  const response = await fetch("api/documents/" + encodeURIComponent(id));
  const d = await response.json();
  const target = document.getElementById("document");
  target.replaceChildren();
  const m = d.metadata;
  target.append(el("h3", m.title ? m.title.value : d.source));
  const facts = [
    ["发文机关", (m.issuers || []).map(i => i.value).join("、")],
    ["发文字号", m.documentNumber && `${m.documentNumber.value.prefix}〔${m.documentNumber.value.year}〕${m.documentNumber.value.serial}号`],
    ["成文日期", m.signingDate && m.signingDate.value],
    ["地区", m.region && m.region.value.name],
    ["文种", m.documentType && m.documentType.value],
    ["产业", d.industries.join("、")],
  ];
  for (const [label, value] of facts) if (value) target.append(el("div", `${label}：${value}`, "meta"));
  for (const s of d.sections) {
    if (s.level === "Preamble") continue;
    const row = el("div", undefined, "section");
    row.style.marginLeft = `${s.depth * 1.2}rem`;
    row.append(el("span", s.heading));
    if (s.units.length) row.append(el("div", "责任单位：" + s.units.map(u => u.isLead ? u.name + "（牵头）" : u.name).join("、"), "units"));
    target.append(row);
  }
}

loadList();
