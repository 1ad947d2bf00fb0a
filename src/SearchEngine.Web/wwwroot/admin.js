// 文件管理: staff upload, replace (替换: a corrected version in place of a document) and delete documents without curl. The key is kept in sessionStorage (this tab only) and
// sent as X-Api-Key; every server text is inserted with textContent.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  };
  $("key").value = sessionStorage.getItem("apiKey") || "";
  $("key").addEventListener("input", () => sessionStorage.setItem("apiKey", $("key").value));
  const headers = () => ({ "X-Api-Key": $("key").value });

  /** The server's sentence for a refusal, in the page's words where it is about the key. */
  async function refusal(response) {
    if (response.status === 401) return "密钥不对或没有填写。";
    if (response.status === 429) return `请求过于频繁，请 ${response.headers.get("Retry-After") || 60} 秒后再试。`;
    try {
      const problem = await response.json();
      return `${problem.title || "失败"}：${problem.detail || response.status}`;
    } catch {
      return `失败（${response.status}）`;
    }
  }

  /** The replaced document as staff know it: its id, and its file's name when it was a file (uploads/… or a source). */
  const replacedName = result => `${result.replacedId || ""}（${result.replaced.split("/").pop()}）`;

  /** What the upload became, for the uploader to check: the metadata read from it, inferred values marked, and 替换. */
  function describe(result, status, out) {
    const box = el("div", undefined, "upload-card");
    const inferred = new Set(result.inferred || []);
    const mark = f => inferred.has(f) ? "（推断）" : "";
    box.append(el("p", status === 201 ? (result.replaced ? `已替换 ${replacedName(result)}，并已索引。` : "已索引，可以检索。")
      : "同名同内容的文件已在索引中，未重复索引。" + (result.replaced ? `已删除被替换的 ${replacedName(result)}。` : ""), "meta"));
    const table = el("dl", undefined, "info");
    const row = (label, value) => { if (value) table.append(el("dt", label), el("dd", value)); };
    row("标题", result.title);
    row("发文机关", result.issuers.length ? result.issuers.join("、") + mark("issuers") : "（未识别）");
    row("发文字号", result.documentNumber ? result.documentNumber + mark("documentNumber") : "（未识别）");
    row("成文日期", result.date || (result.year ? `${result.year} 年${mark("year")}` : "（未识别）"));
    row("文种", result.type);
    row("章节", `${result.sections} 节`);
    row("编号", result.id);
    box.append(table);
    const view = el("a", "打开文件");
    view.href = "./?doc=" + encodeURIComponent(result.id);
    box.append(view, " ", replaceAction(result.id, out));
    return box;
  }

  /** 替换 for a listed document: pick its corrected version, which is uploaded in its place; the result shows in out. */
  function replaceAction(id, out) {
    const picker = el("input");
    picker.type = "file";
    picker.hidden = true;
    picker.accept = $("file").accept;
    const button = el("button", "替换", "replace");
    button.type = "button";
    button.setAttribute("aria-label", `替换 ${id}：选择修订后的文件`);
    button.addEventListener("click", () => picker.click());
    picker.addEventListener("change", () => { if (picker.files[0]) upload(picker.files[0], out, id); });
    const action = el("span");
    action.append(button, picker);
    return action;
  }

  /** Uploads a file (in place of the document replaces names, when given) and shows what it became in out. */
  async function upload(file, out, replaces) {
    out.replaceChildren(el("p", replaces ? `正在用 ${file.name} 替换 ${replaces} …` : `正在上传并索引 ${file.name} …`, "meta"));
    const form = new FormData();
    form.append("file", file);
    const url = "api/documents" + (replaces ? "?replaces=" + encodeURIComponent(replaces) : "");
    const response = await fetch(url, { method: "POST", headers: headers(), body: form });
    if (!response.ok) { out.replaceChildren(el("p", await refusal(response), "warning")); return; }
    out.replaceChildren(describe(await response.json(), response.status, out));
  }

  $("upload").addEventListener("submit", async e => {
    e.preventDefault();
    const file = $("file").files[0];
    if (file) await upload(file, $("upload-result"));
  });

  $("replace").addEventListener("submit", async e => {
    e.preventDefault();
    const id = $("replace-id").value.trim();
    const file = $("replace-file").files[0];
    if (id && file) await upload(file, $("replace-result"), id);
  });

  $("delete").addEventListener("submit", async e => {
    e.preventDefault();
    const id = $("delete-id").value.trim();
    const out = $("delete-result");
    if (!id || !confirm(`删除文件 ${id}？`)) return;
    const response = await fetch("api/documents/" + encodeURIComponent(id), { method: "DELETE", headers: headers() });
    out.replaceChildren(el("p", response.ok ? `已删除 ${id}。` : await refusal(response), response.ok ? "meta" : "warning"));
  });

  // 订阅: saved searches with a webhook. The secret is shown once, when saved; the list shows each one's deliveries.
  const OUTCOMES = { delivered: "已送达", retrying: "将重试", failed: "已放弃" };
  async function listAlerts() {
    const list = $("alerts");
    const response = await fetch("api/saved-searches", { headers: headers() });
    if (!response.ok) { list.replaceChildren(el("li", await refusal(response))); return; }
    const saved = await response.json();
    list.replaceChildren(...(saved.length ? [] : [el("li", "还没有订阅。")]));
    for (const s of saved) {
      const item = el("li", undefined, "upload-card");
      let search = s.search;
      try { search = decodeURIComponent(search.replace(/\+/g, " ")); } catch { /* shown as saved */ }
      item.append(el("p", s.name), el("p", `检索：${search}　→　${s.url}`, "meta"),
        el("p", `待发送 ${s.pending} · 已放弃 ${s.failed}` + (s.recent.length ? ` · 最近：${s.recent.slice(0, 3).map(r => `${OUTCOMES[r.outcome] || r.outcome}（${r.status}）`).join("，")}` : ""), "meta"));
      const remove = el("button", "删除订阅");
      remove.type = "button";
      remove.addEventListener("click", async () => {
        const r = await fetch(`api/saved-searches/${encodeURIComponent(s.id)}`, { method: "DELETE", headers: headers() });
        if (r.ok) listAlerts(); else item.append(el("p", await refusal(r), "warning"));
      });
      item.append(remove);
      list.append(item);
    }
  }
  $("alerts-refresh").addEventListener("click", listAlerts);
  $("alert").addEventListener("submit", async e => {
    e.preventDefault();
    const out = $("alert-result");
    out.replaceChildren(el("p", "保存中…", "meta"));
    const response = await fetch("api/saved-searches", {
      method: "POST",
      headers: { ...headers(), "Content-Type": "application/json" },
      body: JSON.stringify({ name: $("alert-name").value, search: $("alert-search").value.replace(/^.*\?/, ""), url: $("alert-url").value }),
    });
    if (!response.ok) { out.replaceChildren(el("p", await refusal(response), "warning")); return; }
    const saved = await response.json();
    out.replaceChildren(el("p", `已保存订阅“${saved.name}”。签名密钥（只显示这一次，请交给接收方用于校验 X-SearchEngine-Signature）：`, "meta"), el("code", saved.secret));
    listAlerts();
  });
})();
