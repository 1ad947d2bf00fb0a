// 文件管理: staff upload and delete documents without curl. The key is kept in sessionStorage (this tab only) and
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

  /** What the upload became, for the uploader to check: the metadata read from it, inferred values marked. */
  function describe(result, status) {
    const box = el("div", undefined, "upload-card");
    const inferred = new Set(result.inferred || []);
    const mark = f => inferred.has(f) ? "（推断）" : "";
    box.append(el("p", status === 201 ? (result.replaced ? `已替换 ${result.replaced.split("/").pop()}，并已索引。` : "已索引，可以检索。")
      : "同名同内容的文件已在索引中，未重复索引。", "meta"));
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
    box.append(view);
    return box;
  }

  $("upload").addEventListener("submit", async e => {
    e.preventDefault();
    const out = $("upload-result");
    const file = $("file").files[0];
    if (!file) return;
    out.replaceChildren(el("p", `正在上传并索引 ${file.name} …`, "meta"));
    const form = new FormData();
    form.append("file", file);
    const response = await fetch("api/documents", { method: "POST", headers: headers(), body: form });
    if (!response.ok) { out.replaceChildren(el("p", await refusal(response), "warning")); return; }
    out.replaceChildren(describe(await response.json(), response.status));
  });

  $("delete").addEventListener("submit", async e => {
    e.preventDefault();
    const id = $("delete-id").value.trim();
    const out = $("delete-result");
    if (!id || !confirm(`删除文件 ${id}？`)) return;
    const response = await fetch("api/documents/" + encodeURIComponent(id), { method: "DELETE", headers: headers() });
    out.replaceChildren(el("p", response.ok ? `已删除 ${id}。` : await refusal(response), response.ok ? "meta" : "warning"));
  });
})();
