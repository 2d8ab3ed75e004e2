// The guide's page script: state and walking. It walks the compiled question graph itself
// (walker.mjs: the same condition grammar as pdlogic/conditions.py), so no question ever waits
// for Python; pdlogic, in a Web Worker (guide-engine.mjs), computes every result. Questions
// are drawn by guide-questions.mjs, the result by guide-result.mjs, words and dates come from
// guide-text.mjs. Answers live in this page's memory only: never in the URL (unless the reader
// asks for a link), never in storage, never sent. Every text from data or from a link is
// inserted as a text node, never as HTML.
import { decodeLink, encodeLink, holds, nextQuestion, prune } from "./walker.mjs";
import { el, say, texts, todayISO } from "./guide-text.mjs";
import { EngineClient } from "./guide-engine.mjs";
import { answerText, exclusiveBoxes, readAnswer, renderQuestion } from "./guide-questions.mjs";
import { STAGE_PAGES, printOpensDetails, renderResult, resultText } from "./guide-result.mjs";

const root = document.getElementById("pd-guide");
const RESULT = "result";

if (root) {
  const DATA = JSON.parse(document.getElementById("pd-data").textContent);
  const words = texts(DATA);
  const { t, ui } = words;
  const QUESTIONS = DATA.questions;
  const BY_ID = Object.fromEntries(QUESTIONS.map((q) => [q.id, q]));
  const QUESTION_OF_FACT = {};
  for (const q of QUESTIONS) for (const f of q.facts) QUESTION_OF_FACT[f] = q.id;

  // ---- state: in memory only ----
  let facts = {};
  let policy = DATA.default_policy;
  let screens = [QUESTIONS[0].id]; // what each history step number shows
  let current = QUESTIONS[0].id;
  let pending = false; // a result is waiting for the engine
  let lastResult = null;

  const $ = (sel) => root.querySelector(sel);
  const stepBox = $(".pd-step");
  const statusLine = $(".pd-status");
  const announce = $(".pd-announce");
  const notice = $(".pd-notice");
  const resultBox = $(".pd-result");
  const pathWrap = $(".pd-path-wrap");
  const pathList = $(".pd-path");
  const fallback = $(".pd-fallback");
  const chart = $(".pd-chart");
  const siteRoot = root.dataset.siteRoot || "../";
  printOpensDetails(resultBox);

  // ---- the engine, in a worker ----
  const engine = new EngineClient({
    onState(state, reason) {
      root.dataset.engine = state;
      if (state === "failed") {
        fallback.hidden = false;
        if (reason) fallback.dataset.reason = String(reason).slice(0, 200);
        statusLine.textContent = "";
        if (current === RESULT) showFallbackResult();
      }
      if (state === "ready" && pending) {
        pending = false;
        askEngine();
      }
    },
    onResult(msg) {
      if (current === RESULT) showResult(msg);
    },
  });
  engine.start();

  function askEngine() {
    if (engine.state === "failed") return showFallbackResult();
    if (engine.state !== "ready") {
      pending = true;
      statusLine.textContent = ui("status_preparing");
      return;
    }
    engine.evaluate({ ...facts }, policy, todayISO());
  }

  // The voice of the questions and the result (the first answer); it never changes the result.
  const voice = () => (["someone_else", "professional"].includes(facts.asking_for) ? facts.asking_for : "self");
  const answerWords = (q) => answerText(q, facts, words, voice());

  // The questions answered, in the order they are asked (answers made irrelevant are pruned away).
  const answered = () => QUESTIONS.filter((q) => q.facts.every((f) => f in facts));

  // Answers about a person's own acts or immigration violations (facts marked `sensitive` in
  // decision_tree/facts.yaml): a printed, copied or linked result leaves them out unless the
  // reader ticks "include everything" (a written list of such answers is a statement).
  // "I don't know" says nothing about anyone: only given answers are left out.
  const sensitiveAnswer = (f) => Boolean(DATA.facts[f] && DATA.facts[f].sensitive) && facts[f] !== null && facts[f] !== undefined;
  const isSensitive = (q) => q.facts.some(sensitiveAnswer);
  let includeSensitive = false;
  function shareableFacts() {
    if (includeSensitive) return { ...facts };
    return Object.fromEntries(Object.entries(facts).filter(([f]) => !sensitiveAnswer(f)));
  }

  function renderPath() {
    pathList.replaceChildren();
    const shown = answered();
    pathWrap.hidden = shown.length === 0;
    for (const q of shown) {
      const change = el("button", {
        type: "button",
        class: "pd-change",
        "data-question": q.id,
        "aria-label": ui("path_change_aria", { question: t(q.summary_label) }),
        text: ui("path_change_button"),
      });
      pathList.append(
        el(
          "li",
          isSensitive(q) ? { "data-question": q.id, "data-sensitive": "" } : { "data-question": q.id },
          el("span", { class: "pd-path__label", text: `${t(q.summary_label)}: ` }),
          el("span", { class: "pd-path__answer", text: answerWords(q) }),
          " ",
          change,
        ),
      );
    }
    highlightChart();
  }

  // On the result screen the list folds away (a phone shows the result first); it can be opened.
  const pathToggle = $(".pd-path-toggle");
  function foldPath(fold) {
    pathList.hidden = fold;
    pathToggle.hidden = current !== RESULT;
    pathToggle.setAttribute("aria-expanded", String(!fold));
    pathToggle.textContent = fold ? ui("path_show_answers", { count: answered().length }) : ui("page_hide_answers");
  }
  pathToggle.addEventListener("click", () => foldPath(!pathList.hidden));

  function show(qid, { focus = true } = {}) {
    current = qid;
    engine.forget();
    foldPath(false);
    resultBox.hidden = true;
    resultBox.replaceChildren();
    stepBox.hidden = false;
    statusLine.textContent = "";
    announce.textContent = "";
    stepBox.replaceChildren(renderQuestion(BY_ID[qid], facts, words, voice()));
    renderPath();
    if (focus) stepBox.querySelector("h2").focus();
  }

  const resultTitle = () => el("h2", { id: "pd-result-title", class: "pd-result__title", tabindex: "-1", text: ui("result_title") });

  function showResultScreen() {
    current = RESULT;
    stepBox.hidden = true;
    stepBox.replaceChildren();
    renderPath();
    foldPath(window.matchMedia("(max-width: 44.9375em)").matches);
    resultBox.hidden = false;
    resultBox.replaceChildren(resultTitle());
    resultBox.querySelector("h2").focus();
    lastResult = null;
    askEngine();
  }

  // Each step adds a history entry holding only its step number.
  function go(screen, push = true) {
    if (push) {
      screens.push(screen);
      history.pushState({ pdStep: screens.length - 1 }, "", location.pathname);
    }
    if (screen === RESULT) showResultScreen();
    else show(screen);
  }

  function advance(push = true) {
    facts = prune(QUESTIONS, facts, policy);
    go(nextQuestion(QUESTIONS, facts, policy) ?? RESULT, push);
  }

  function startAgain() {
    facts = {};
    policy = DATA.default_policy;
    lastResult = null;
    say(notice, "");
    go(QUESTIONS[0].id);
  }

  stepBox.addEventListener("submit", (event) => {
    event.preventDefault();
    submitted(event.target);
  });
  function submitted(form) {
    const q = BY_ID[form.dataset.question];
    const answer = readAnswer(form, q, words);
    const err = form.querySelector(".pd-error");
    if (answer.error) {
      say(err, answer.error);
      return;
    }
    Object.assign(facts, answer.facts);
    advance();
  }
  stepBox.addEventListener("change", exclusiveBoxes);

  pathList.addEventListener("click", (event) => {
    const btn = event.target.closest(".pd-change");
    if (btn) go(btn.dataset.question);
  });
  $(".pd-restart").addEventListener("click", startAgain);

  window.addEventListener("popstate", (event) => {
    const step = event.state && Number.isInteger(event.state.pdStep) ? event.state.pdStep : 0;
    const screen = screens[step];
    // Back to a question the current answers still lead to: show it, answers kept.
    // Otherwise (the result, or a question an answer change made irrelevant): where the answers lead.
    if (screen && screen !== RESULT && holds(BY_ID[screen].when, prune(QUESTIONS, facts, policy), policy))
      return show(screen);
    return advance(false);
  });

  // ---- the result ----
  function showFallbackResult() {
    if (current !== RESULT) return;
    statusLine.textContent = "";
    const stage = facts.stage;
    const links = el("ul", { class: "pd-fallback__links" });
    for (const [sid, slug] of Object.entries(STAGE_PAGES)) {
      const label = t(DATA.stages[sid].label);
      links.append(
        el("li", {}, el("a", { href: `${siteRoot}options/${slug}/`, text: sid === stage ? ui("fallback_your_answer", { stage: label }) : label })),
      );
    }
    resultBox.replaceChildren(resultTitle(), el("p", { text: ui("fallback_result") }), links);
  }

  const resultContext = {
    DATA,
    words,
    siteRoot,
    questionOf: QUESTION_OF_FACT,
    byId: BY_ID,
    onPolicy(pid) {
      policy = pid;
      advance();
    },
    actions: () => actions(),
  };

  function showResult(msg) {
    statusLine.textContent = "";
    const title = resultTitle();
    resultBox.replaceChildren(title);
    if (!msg.ok) {
      resultBox.append(
        el("p", {
          class: "pd-error",
          role: "alert",
          text: ui("result_error", { problem: msg.message || ui("result_error_unknown_problem") }),
        }),
      );
      announce.textContent = ui("announce_problem");
      return;
    }
    const r = msg.result;
    lastResult = r;
    const plan = renderResult(resultBox, r, facts, resultContext);
    announce.textContent = `${ui("announce_ready_lead")} ${plan.answer}`;
    title.focus();
  }

  resultBox.addEventListener("click", (event) => {
    const btn = event.target.closest(".pd-need");
    if (btn) go(btn.dataset.question);
  });

  // ---- take it away: print, copy as text, link ----
  function actions() {
    const box = el("section", { class: "pd-actions", "data-section": "actions", "aria-label": ui("actions_aria") });
    const print = el("button", { type: "button", class: "md-button pd-print", text: ui("action_print") });
    print.addEventListener("click", () => window.print());
    const copy = el("button", { type: "button", class: "md-button pd-copy", text: ui("action_copy") });
    const link = el("button", { type: "button", class: "md-button pd-link", text: ui("action_link") });
    const out = el("div", { class: "pd-takeaway", hidden: true });
    copy.addEventListener("click", () => {
      const area = el("textarea", {
        class: "pd-copy-text",
        readonly: true,
        rows: "12",
        "aria-label": ui("copy_text_aria"),
      });
      area.value = copiedText();
      out.replaceChildren(el("p", { class: "pd-copy-status", role: "status" }), area);
      out.hidden = false;
      area.select();
      const status = out.querySelector(".pd-copy-status");
      status.textContent = ui("copy_status_below");
      if (navigator.clipboard)
        navigator.clipboard.writeText(area.value).then(
          () => (status.textContent = ui("copy_status_copied")),
          () => {},
        );
    });
    link.addEventListener("click", () => {
      const url = `${location.origin}${location.pathname}#${encodeLink(shareableFacts(), policy)}`;
      const input = el("input", { type: "text", class: "pd-link-url", readonly: true, "aria-label": ui("link_url_aria") });
      input.value = url;
      out.replaceChildren(el("p", { class: "pd-link-warning", text: ui("link_warning") }), input);
      out.hidden = false;
      input.select();
    });
    const sensitive = answered().filter(isSensitive).length;
    if (sensitive) {
      const tick = el("input", { type: "checkbox", class: "pd-include-sensitive" });
      tick.checked = includeSensitive;
      tick.addEventListener("change", () => {
        includeSensitive = tick.checked;
        root.classList.toggle("pd-print-sensitive", includeSensitive);
        out.hidden = true; // a text or link made before the change no longer matches it
        out.replaceChildren();
      });
      box.append(
        el("p", { class: "pd-sensitive-note", text: ui("sensitive_left_out", { n: sensitive }) }),
        el("label", { class: "pd-include-sensitive-label" }, tick, " ", ui("include_sensitive")),
      );
    }
    box.append(el("div", { class: "pd-actions__buttons" }, print, copy, link), out);
    return box;
  }

  function copiedText() {
    const lines = answered()
      .filter((q) => includeSensitive || !isSensitive(q))
      .map((q) => `- ${t(q.summary_label)}: ${answerWords(q)}`);
    const left = includeSensitive ? 0 : answered().filter(isSensitive).length;
    return resultText(lastResult, facts, resultContext, lines, left);
  }

  // ---- the flowchart picture (fetched from this site only when opened) ----
  let chartLoaded = false;
  function highlightChart() {
    const svg = chart && chart.querySelector("svg");
    if (!svg) return;
    for (const n of svg.querySelectorAll(".pd-on-path, .pd-here")) n.classList.remove("pd-on-path", "pd-here");
    const path = answered().map((q) => q.id);
    const nodes = [...path, current === RESULT ? "result" : current];
    nodes.forEach((id, i) => {
      const node = svg.getElementById(`q_${id}`);
      if (node) node.classList.add(i === nodes.length - 1 ? "pd-here" : "pd-on-path");
      if (i > 0) {
        const edge = svg.getElementById(`e_${nodes[i - 1]}__${id === "result" ? RESULT : id}`);
        if (edge) edge.classList.add("pd-on-path");
      }
    });
  }
  if (chart) {
    chart.addEventListener("toggle", async () => {
      if (!chart.open || chartLoaded) return;
      chartLoaded = true;
      const box = chart.querySelector(".pd-chart__picture");
      try {
        const res = await fetch(`${siteRoot}guide/questions.svg`);
        if (!res.ok) throw new Error(String(res.status));
        const doc = new DOMParser().parseFromString(await res.text(), "image/svg+xml");
        const svg = doc.documentElement;
        if (svg.nodeName !== "svg" || doc.querySelector("parsererror")) throw new Error("not an SVG");
        for (const bad of svg.querySelectorAll("script, foreignObject")) bad.remove();
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", ui("chart_aria"));
        box.replaceChildren(document.importNode(svg, true));
        highlightChart();
      } catch {
        box.replaceChildren(el("p", { text: ui("chart_failed") }));
      }
    });
    if (window.matchMedia("(min-width: 60em)").matches) chart.open = true;
  }

  // ---- the language selector keeps the reader's path (issue 8, decision 0007) ----
  // The answers ride in window.name, which lasts only through this tab's next same-site page
  // load: never sent, never in the address bar, history or storage. The next page clears it.
  const CARRY = "pd-guide:";
  for (const a of document.querySelectorAll("a.md-select__link[hreflang], a.pd-language")) {
    a.addEventListener("click", () => {
      if (Object.keys(facts).length) window.name = CARRY + encodeLink(facts, policy);
    });
  }
  function carried() {
    if (!window.name.startsWith(CARRY)) return "";
    const frag = window.name.slice(CARRY.length);
    window.name = "";
    return frag;
  }

  // ---- start: another language's page, a link with answers, a reload, or a fresh visit ----
  function restore() {
    const nav = performance.getEntriesByType("navigation")[0];
    const kept = carried();
    if (kept) {
      const d = decodeLink(kept, DATA.facts, DATA.policy_order);
      if (d.link && !d.tooLong) {
        policy = d.policy || DATA.default_policy;
        facts = prune(QUESTIONS, d.facts, policy);
        say(notice, ui("notice_language_kept"));
        screens = [nextQuestion(QUESTIONS, facts, policy) ?? RESULT];
        go(screens[0], false);
        return true;
      }
    }
    const frag = location.hash.slice(1);
    if (frag) {
      const d = decodeLink(frag, DATA.facts, DATA.policy_order);
      if (d.link || !document.getElementById(frag)) {
        history.replaceState({ pdStep: 0 }, "", location.pathname); // the answers leave the address bar
        if (!d.link) {
          say(notice, ui("notice_link_no_answers"));
          return false;
        }
        if (d.tooLong) {
          say(notice, ui("notice_link_too_long"));
          return false;
        }
        policy = d.policy || DATA.default_policy;
        facts = prune(QUESTIONS, d.facts, policy);
        const ignored = d.rejected + Object.keys(d.facts).length - Object.keys(facts).length;
        say(
          notice,
          ignored
            ? ui("notice_link_some_ignored", { count: ignored })
            : ui("notice_link_answers_shown"),
        );
        screens = [nextQuestion(QUESTIONS, facts, policy) ?? RESULT];
        go(screens[0], false);
        return true;
      }
    }
    const hadSteps = history.state && Number.isInteger(history.state.pdStep) && history.state.pdStep > 0;
    if ((nav && nav.type === "reload") || hadSteps)
      say(notice, ui("notice_restarted"));
    history.replaceState({ pdStep: 0 }, "", location.pathname);
    return false;
  }
  // The first question was rendered at build time and may have been answered before this
  // script ran (the page's inline script kept the "Continue"): take that answer now.
  const restored = restore();
  root.dataset.ready = "true";
  const early = stepBox.querySelector("form[data-early]");
  if (early && !restored) submitted(early);
}
