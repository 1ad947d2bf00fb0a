// 高级检索: a form for the query language, for readers who do not write it. It composes the same query string
// and filters the search box and the facets would, so the result page, its URL and its chips are the ordinary ones.
// Uses readState/writeState from app.js (loaded first).
"use strict";

(() => {
  const form = document.getElementById("advanced-form");
  if (!form) return;

  /** Words as typed, split on spaces (full-width too); quotes and brackets removed, they are the form's job. */
  const words = value => value.replace(/["“”()（）|｜]/g, " ").split(/[\s\u3000]+/).filter(Boolean);

  /** The query the fields mean: all words, any of some, none of others, an exact phrase; optionally titles only. */
  function compose(data) {
    const field = data.get("where") === "title" ? "title:" : "";
    const parts = words(data.get("all")).map(w => field + w);
    const any = words(data.get("any"));
    if (any.length === 1) parts.push(field + any[0]);
    else if (any.length > 1) parts.push("(" + any.map(w => field + w).join(" | ") + ")");
    const phrase = data.get("phrase").replace(/["“”]/g, "").trim();
    if (phrase) parts.push(`${field}"${phrase}"`);
    const number = data.get("number").replace(/\s+/g, "");
    if (number) parts.push(number);
    if (parts.length) parts.push(...words(data.get("none")).map(w => "-" + w)); // an exclusion needs something to exclude from
    return parts.join(" ");
  }

  /** 2021..2024, 2021.., ..2024, or "" when neither year is given. */
  function years(data) {
    const from = data.get("from").trim(), to = data.get("to").trim();
    if (!from && !to) return "";
    return from === to ? from : `${from}..${to}`;
  }

  form.addEventListener("submit", e => {
    e.preventDefault();
    const data = new FormData(form);
    const state = readState();
    const add = (list, value) => value.trim() ? [...new Set([...list, value.trim()])] : list;
    writeState({
      ...state,
      q: compose(data),
      issuer: add(state.issuer, data.get("issuer")),
      region: add(state.region, data.get("region")),
      type: add(state.type, data.get("type")),
      year: years(data) || state.year,
      page: 1,
      doc: null,
      view: "results",
    });
    document.getElementById("advanced").open = false;
    document.getElementById("q").focus();
  });
})();
