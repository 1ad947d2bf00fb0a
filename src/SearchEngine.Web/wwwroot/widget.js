// Embeddable search widget. On any intranet page:
//   <script src="https://search.example/widget.js" defer></script>
//   <div data-policy-search data-region="怀化市" data-year="2021..2025" data-industry="氢能" data-size="5" data-sort="date_desc"></div>
// Each such div gets a search box and results from the server the script came from, drawn in a shadow root so
// the host page's styles and the widget's never meet. It needs nothing from the host page's scripts. Document
// text is inserted as text; snippets are rebuilt from their text and <mark> elements only.
(function () {
  "use strict";
  const script = document.currentScript;
  // The folder the script is served from: the server may live under a sub-path (https://intranet/policy-search/).
  const server = new URL(".", script ? script.src : location.href);

  const STYLE = `
    :host { all: initial; display: block; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; line-height: 1.7; }
    form { display: flex; gap: .4rem; margin-bottom: .6rem; }
    select { font: inherit; border: 1px solid #d0d7de; border-radius: 4px; }
    input { flex: 1; font: inherit; padding: .35rem .6rem; border: 1px solid #d0d7de; border-radius: 4px; }
    button { font: inherit; padding: .3rem .8rem; border: 1px solid #d0d7de; border-radius: 4px; background: #8b1a1a; color: #fff; cursor: pointer; }
    ol { margin: 0; padding-left: 1.3rem; } li { margin-bottom: .7rem; }
    a { color: #0a3069; font-weight: bold; } .meta { color: #57606a; font-size: .85rem; margin: 0; }
    mark { background: #fff1a8; } .preset { font-size: .8rem; color: #57606a; }`;

  // el and marked mirror app.js on purpose: the widget runs on other sites and must stand alone in one file.
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function marked(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    const out = document.createDocumentFragment();
    for (const node of template.content.childNodes) {
      if (node.nodeType === 1 && node.tagName === "MARK") out.append(el("mark", node.textContent));
      else out.append(document.createTextNode(node.textContent));
    }
    return out;
  }

  function mount(host) {
    if (host.shadowRoot) return;
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    const preset = {};
    for (const key of ["issuer", "industry", "region", "type", "year"]) if (host.dataset[key]) preset[key] = host.dataset[key];
    const size = Math.min(20, Math.max(1, parseInt(host.dataset.size || "5", 10) || 5));
    const form = el("form");
    form.setAttribute("role", "search");
    const input = el("input");
    input.type = "search";
    input.placeholder = host.dataset.placeholder || "搜索政策文件";
    input.setAttribute("aria-label", input.placeholder);
    input.value = host.dataset.q || "";
    // The order: data-sort, else relevance for words and newest first for presets alone, until the reader picks one.
    const sorts = [["relevance", "相关度"], ["date_desc", "最新"], ["date_asc", "最早"]];
    const order = el("select");
    order.setAttribute("aria-label", "排序");
    for (const [value, label] of sorts) {
      const option = el("option", label);
      option.value = value;
      order.append(option);
    }
    let chosen = sorts.some(([v]) => v === host.dataset.sort) ? host.dataset.sort : "";
    order.addEventListener("change", () => { chosen = order.value; search(); });
    const button = el("button", "搜索");
    form.append(input, order, button);
    const note = el("p", Object.keys(preset).length ? "范围：" + Object.values(preset).join(" · ") : "", "preset");
    const status = el("p", "", "meta");
    status.setAttribute("aria-live", "polite");
    const list = el("ol");
    root.append(style, form, note, status, list);

    async function search() {
      const q = input.value.trim();
      if (!q && !Object.keys(preset).length) return;
      order.value = chosen || (q ? "relevance" : "date_desc");
      const params = new URLSearchParams({ q, size: String(size) });
      if (order.value !== "relevance") params.set("sort", order.value);
      for (const [k, v] of Object.entries(preset)) params.append(k, v);
      list.replaceChildren();
      status.textContent = "检索中…";
      try {
        const response = await fetch(new URL(`api/search?${params}`, server));
        const body = await response.json();
        if (!response.ok) { status.textContent = body.detail || "检索失败"; return; }
        status.textContent = `${body.totalDocuments} 个文件`;
        for (const hit of body.hits) {
          const item = el("li");
          const link = el("a", hit.title);
          link.href = new URL(hit.url, server).href; // the hit in the full page, with its query
          link.target = "_blank";
          link.rel = "noopener";
          const inferred = new Set(hit.inferred || []);
          const mark = f => inferred.has(f) ? "（推断）" : "";
          item.append(link, el("p", [hit.issuers.length ? hit.issuers.join("、") + mark("issuers") : "", hit.date ? hit.date + mark("date") : hit.year ? hit.year + mark("year") : "",
            hit.headingPath.join(" › ")].filter(Boolean).join(" · "), "meta"));
          const text = el("p");
          text.append(marked(hit.snippet));
          item.append(text);
          list.append(item);
        }
      } catch (e) {
        status.textContent = "无法连接检索服务";
      }
    }
    form.addEventListener("submit", e => { e.preventDefault(); search(); });
    if (input.value) search();
  }

  function mountAll() { document.querySelectorAll("[data-policy-search]").forEach(mount); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll); else mountAll();
})();
