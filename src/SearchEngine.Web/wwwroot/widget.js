// Embeddable search widget. On any intranet page:
//   <script src="https://search.example/widget.js" defer></script>
//   <div data-policy-search data-region="怀化市" data-year="2021..2025" data-industry="氢能" data-size="5" data-sort="date_desc"></div>
// Presets: data-issuer, data-industry, data-region, data-type, data-unit, data-year, and exclusions (排除)
// data-issuer-not, data-industry-not, data-region-not, data-type-not, data-unit-not, one value each.
// Each such div gets a search box and results from the server the script came from, drawn in a shadow root so
// the host page's styles and the widget's never meet; 上一页 / 下一页 page through the results inside the widget, and
// a link opens the full search page with the same query, presets and order, another its Atom feed (订阅). It needs nothing from the host page's scripts. Document
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
    mark { background: #fff1a8; } .preset { font-size: .8rem; color: #57606a; }
    nav { display: flex; gap: .5rem; align-items: center; margin: .2rem 0 .4rem; } nav[hidden] { display: none; }
    button[aria-disabled=true] { background: #eaeef2; color: #57606a; cursor: default; }
    .full { font-size: .9rem; margin: 0; } .full[hidden] { display: none; }`;

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
    // Keyed by the API's parameter: data-issuer-not (dataset.issuerNot) is sent as issuer_not, as the page reads it.
    const preset = {};
    for (const key of ["issuer", "industry", "region", "type", "unit", "year"]) if (host.dataset[key]) preset[key] = host.dataset[key];
    for (const key of ["issuer", "industry", "region", "type", "unit"]) if (host.dataset[key + "Not"]) preset[key + "_not"] = host.dataset[key + "Not"];
    const size = Math.min(20, Math.max(1, parseInt(host.dataset.size || "5", 10) || 5));
    const form = el("form");
    form.setAttribute("role", "search");
    // named, so that a host page with its own search landmark (or the page in an iframe) keeps landmarks apart
    form.setAttribute("aria-label", "政策文件检索组件");
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
    order.addEventListener("change", () => { chosen = order.value; search(); }); // a new order starts at page 1
    const button = el("button", "搜索");
    form.append(input, order, button);
    // 2021..2025 reads 2021–2025; an excluded value reads 排除 …
    const shown = Object.entries(preset).map(([k, v]) => k === "year" ? v.replace("..", "–") : k.endsWith("_not") ? "排除 " + v : v);
    const note = el("p", shown.length ? "范围：" + shown.join(" · ") : "", "preset");
    const status = el("p", "", "meta");
    status.setAttribute("aria-live", "polite");
    const list = el("ol");
    const pager = el("nav");
    pager.setAttribute("aria-label", "分页");
    pager.hidden = true;
    const previous = el("button", "上一页");
    previous.type = "button";
    const position = el("span", "", "meta");
    const next = el("button", "下一页");
    next.type = "button";
    pager.append(previous, position, next);
    const fullLine = el("p", "", "full");
    fullLine.hidden = true;
    const full = el("a");
    full.target = "_blank";
    full.rel = "noopener";
    // 订阅: the Atom feed of the widget's search, newest documents first
    const feed = el("a", "订阅");
    feed.type = "application/atom+xml";
    feed.title = "以 Atom 订阅这次检索";
    feed.target = "_blank";
    feed.rel = "noopener";
    fullLine.append(full, " · ", feed);
    root.append(style, form, note, status, list, pager, fullLine);

    // The search page with this widget's query, presets and chosen order (the server's folder, as hit.url is).
    function fullPage(q) {
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      for (const [k, v] of Object.entries(preset)) params.append(k, v);
      if (chosen) params.set("sort", chosen);
      return new URL(`./?${params}`, server).href;
    }

    /** The feed of the same query and presets (a feed is always newest first). */
    function feedOf(q) {
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      for (const [k, v] of Object.entries(preset)) params.append(k, v);
      return new URL(`api/search.atom?${params}`, server).href;
    }

    let page = 1;
    let pages = 1;
    let asked = 0; // an answer to an older request (another page, another query) is dropped
    // Buttons at an end stay focusable (aria-disabled), so the focus never falls out of the widget while paging.
    const usable = b => b.getAttribute("aria-disabled") !== "true";
    previous.addEventListener("click", () => { if (usable(previous)) search(page - 1); });
    next.addEventListener("click", () => { if (usable(next)) search(page + 1); });

    async function search(wanted = 1) {
      const q = input.value.trim();
      if (!q && !Object.keys(preset).length) return;
      const mine = ++asked;
      order.value = chosen || (q ? "relevance" : "date_desc");
      const params = new URLSearchParams({ q, size: String(size), page: String(wanted) });
      if (order.value !== "relevance") params.set("sort", order.value);
      for (const [k, v] of Object.entries(preset)) params.append(k, v);
      list.replaceChildren();
      status.textContent = "检索中…";
      try {
        const response = await fetch(new URL(`api/search?${params}`, server));
        const body = await response.json();
        if (mine !== asked) return;
        if (!response.ok) { status.textContent = body.detail || "检索失败"; pager.hidden = fullLine.hidden = true; return; }
        page = wanted;
        pages = Math.max(1, Math.min(1000, Math.ceil(body.totalDocuments / size)));
        status.textContent = pages > 1 ? `${body.totalDocuments} 个文件，第 ${page}/${pages} 页` : `${body.totalDocuments} 个文件`;
        pager.hidden = pages <= 1;
        position.textContent = `${page} / ${pages}`;
        previous.setAttribute("aria-disabled", String(page <= 1));
        next.setAttribute("aria-disabled", String(page >= pages));
        fullLine.hidden = !body.totalDocuments;
        full.textContent = `在检索页查看全部 ${body.totalDocuments} 条`;
        full.href = fullPage(q);
        feed.href = feedOf(q);
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
        if (mine === asked) status.textContent = "无法连接检索服务";
      }
    }
    form.addEventListener("submit", e => { e.preventDefault(); search(); });
    if (input.value) search();
  }

  function mountAll() { document.querySelectorAll("[data-policy-search]").forEach(mount); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll); else mountAll();
})();
