// The guide's page script. It walks the compiled question graph itself (walker.mjs:
// the same condition grammar as pdlogic/conditions.py), so no question ever waits
// for Python; pdlogic, in a Web Worker, computes every result. Answers live in this
// page's memory only: never in the URL (unless the reader asks for a link), never
// in storage, never sent. Every text from data or from a link is inserted as a text
// node, never as HTML.
import { decodeLink, encodeLink, holds, nextQuestion, prune } from "./walker.mjs";

const root = document.getElementById("pd-guide");

// How long Pyodide may take to start before the guide gives up and shows the
// static pages instead (a slow phone takes ~10 s; a failed file fails at once).
const ENGINE_TIMEOUT_MS = 60_000;
const RESULT = "result";

if (root) {
  const DATA = JSON.parse(document.getElementById("pd-data").textContent);
  const QUESTIONS = DATA.questions;
  const BY_ID = Object.fromEntries(QUESTIONS.map((q) => [q.id, q]));
  const QUESTION_OF_FACT = {};
  for (const q of QUESTIONS) for (const f of q.facts) QUESTION_OF_FACT[f] = q.id;

  // ---- state: in memory only ----
  let facts = {};
  let policy = DATA.default_policy;
  let screens = [QUESTIONS[0].id]; // what each history step number shows
  let current = QUESTIONS[0].id;
  let engine = "loading";
  let pending = false; // a result is waiting for the engine
  let requestId = 0;
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

  // A text from the data: each carries only this page's language.
  const t = (text) => (text && typeof text === "object" ? text[DATA.lang] : text || "");
  // A text of the page itself (sitegen/guide_text.yaml), already in this page's language,
  // with its {name} placeholders filled. A missing key or value is a build error: throw.
  function ui(key, vars = {}) {
    const text = DATA.ui ? DATA.ui[key] : undefined;
    if (typeof text !== "string") throw new Error(`guide: no text "${key}" in DATA.ui`);
    return text.replace(/\{(\w+)\}/g, (_, name) => {
      if (!(name in vars)) throw new Error(`guide: text "${key}" needs a value for {${name}}`);
      return String(vars[name]);
    });
  }
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
    return node;
  }
  function say(node, text) {
    node.textContent = text;
    node.hidden = !text;
  }

  // ---- the engine, in a worker ----
  let worker = null;
  let watchdog = null;
  function setEngine(state, reason) {
    if (engine === "failed") return;
    engine = state;
    root.dataset.engine = state;
    clearTimeout(watchdog);
    if (state === "failed") {
      if (worker) worker.terminate();
      worker = null;
      fallback.hidden = false;
      if (reason) fallback.dataset.reason = String(reason).slice(0, 200);
      statusLine.textContent = "";
      if (current === RESULT) showFallbackResult();
    }
    if (state === "ready" && pending) {
      pending = false;
      askEngine();
    }
  }
  try {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") throw new Error("no WebAssembly");
    worker = new Worker(new URL("engine-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (event) => {
      const msg = event.data || {};
      if (msg.type === "ready") setEngine("ready");
      else if (msg.type === "failed" && engine !== "ready") setEngine("failed", msg.reason);
      else if (msg.type === "result" && msg.id === requestId && current === RESULT) showResult(msg);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      setEngine("failed", "the engine's script did not load");
    };
    watchdog = setTimeout(() => setEngine("failed", "the engine took too long to start"), ENGINE_TIMEOUT_MS);
    worker.postMessage({ type: "start" });
  } catch (err) {
    setEngine("failed", String(err));
  }

  function askEngine() {
    if (engine === "failed") return showFallbackResult();
    if (engine !== "ready") {
      pending = true;
      statusLine.textContent = ui("status_preparing");
      return;
    }
    requestId += 1;
    worker.postMessage({ type: "evaluate", id: requestId, facts: { ...facts }, policy, today: todayISO() });
  }

  // ---- questions ----
  function renderQuestion(q) {
    const form = el("form", { class: "pd-question", "data-question": q.id, method: "dialog", novalidate: true });
    const fs = el("fieldset");
    fs.append(el("legend", {}, el("h2", { class: "pd-question__text", tabindex: "-1", text: t(q.text) })));
    if (q.help) fs.append(el("p", { class: "pd-help", text: t(q.help) }));
    fs.append(el("details", { class: "pd-why" }, el("summary", { text: ui("page_why_we_ask") }), el("p", { text: t(q.why) })));
    const box = el("div", { class: q.kind === "multi" ? "pd-choices pd-choices--multi" : "pd-choices" });
    if (q.kind === "multi") {
      for (const item of q.items) {
        const id = `pd-${q.id}-${item.fact}`;
        box.append(
          el(
            "div",
            { class: "pd-choice" },
            el("input", { type: "checkbox", id, name: item.fact, value: "true", checked: facts[item.fact] === true }),
            el("label", { for: id, text: t(item.label) }),
            item.help ? el("p", { class: "pd-help", text: t(item.help) }) : null,
          ),
        );
      }
      const answered = q.facts.every((f) => f in facts);
      const allFalse = answered && q.facts.every((f) => facts[f] === false);
      const allNull = answered && q.facts.every((f) => facts[f] === null);
      box.append(
        el(
          "div",
          { class: "pd-choice pd-choice--none" },
          el("input", { type: "checkbox", id: `pd-${q.id}-none`, name: "__none", value: "none", checked: allFalse }),
          el("label", { for: `pd-${q.id}-none`, text: t(q.none_label) }),
        ),
        el(
          "div",
          { class: "pd-choice pd-choice--unknown" },
          el("input", {
            type: "checkbox",
            id: `pd-${q.id}-unknown`,
            name: "__unknown",
            value: "unknown",
            checked: allNull,
          }),
          el("label", { for: `pd-${q.id}-unknown`, text: t(q.unknown_label) }),
        ),
      );
    } else {
      const fact = q.facts[0];
      const answers = [...q.answers, { value: null, label: q.unknown_label }];
      answers.forEach((a, i) => {
        const id = `pd-${q.id}-${i}`;
        box.append(
          el(
            "div",
            { class: "pd-choice" },
            el("input", {
              type: "radio",
              id,
              name: fact,
              value: JSON.stringify(a.value),
              checked: fact in facts && facts[fact] === a.value,
            }),
            el("label", { for: id, text: t(a.label) }),
            a.help ? el("p", { class: "pd-help", text: t(a.help) }) : null,
          ),
        );
      });
    }
    fs.append(box);
    fs.append(el("p", { class: "pd-error", role: "alert", hidden: true }));
    form.append(fs, el("button", { type: "submit", class: "md-button md-button--primary pd-next", text: ui("page_continue") }));
    return form;
  }

  function readAnswer(form, q) {
    if (q.kind === "multi") {
      const unknown = form.querySelector('input[name="__unknown"]').checked;
      const none = form.querySelector('input[name="__none"]').checked;
      const checked = q.facts.filter((f) => form.querySelector(`input[name="${f}"]`).checked);
      if (unknown && (none || checked.length))
        return { error: ui("error_multi_mixed") };
      if (none && checked.length) return { error: ui("error_multi_none_and_items") };
      if (!unknown && !none && !checked.length) return { error: ui("error_multi_nothing") };
      const out = {};
      for (const f of q.facts) out[f] = unknown ? null : checked.includes(f);
      return { facts: out };
    }
    const picked = form.querySelector(`input[name="${q.facts[0]}"]:checked`);
    if (!picked) return { error: ui("error_single_nothing") };
    return { facts: { [q.facts[0]]: JSON.parse(picked.value) } };
  }

  function answerText(q) {
    if (q.kind === "multi") {
      if (q.facts.every((f) => facts[f] === null)) return t(q.unknown_label);
      const yes = q.items.filter((it) => facts[it.fact] === true).map((it) => t(it.label));
      return yes.length ? yes.join("; ") : t(q.none_label);
    }
    const v = facts[q.facts[0]];
    const a = q.answers.find((x) => x.value === v);
    return a ? t(a.label) : t(q.unknown_label);
  }

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
          el("span", { class: "pd-path__answer", text: answerText(q) }),
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
    foldPath(false);
    resultBox.hidden = true;
    resultBox.replaceChildren();
    stepBox.hidden = false;
    statusLine.textContent = "";
    announce.textContent = "";
    stepBox.replaceChildren(renderQuestion(BY_ID[qid]));
    renderPath();
    if (focus) stepBox.querySelector("h2").focus();
  }

  function showResultScreen() {
    current = RESULT;
    stepBox.hidden = true;
    stepBox.replaceChildren();
    renderPath();
    foldPath(window.matchMedia("(max-width: 44.9375em)").matches);
    resultBox.hidden = false;
    resultBox.replaceChildren(el("h2", { id: "pd-result-title", class: "pd-result__title", tabindex: "-1", text: ui("result_title") }));
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
    const answer = readAnswer(form, q);
    const err = form.querySelector(".pd-error");
    if (answer.error) {
      say(err, answer.error);
      return;
    }
    Object.assign(facts, answer.facts);
    advance();
  }

  // Ticking "none" or "not sure" clears the other boxes, and the reverse.
  stepBox.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type !== "checkbox" || !input.checked) return;
    const special = input.name === "__none" || input.name === "__unknown";
    for (const other of input.form.querySelectorAll('input[type="checkbox"]')) {
      if (other === input) continue;
      if (special || other.name === "__none" || other.name === "__unknown") other.checked = false;
    }
  });

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
  const STAGE_PAGES = {
    before_nta: "before-nta",
    in_proceedings: "in-proceedings",
    final_order: "final-order",
    court_of_appeals: "court-of-appeals",
  };
  // "Today" in the reader's browser is the device's own date, read here only: the status
  // words on the page and the engine's result (it gets this date with every question) agree.
  function todayISO() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  function parseDate(s) {
    if (s === "undated") return new Date(-8e15);
    const p = s.split("-").map(Number);
    return new Date(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1));
  }
  function month(n) {
    const months = DATA.ui ? DATA.ui.months : undefined;
    if (!Array.isArray(months) || months.length !== 12) throw new Error('guide: no list of 12 "months" in DATA.ui');
    return months[n - 1];
  }
  function humanDate(s) {
    if (!s || s === "undated") return ui("undated");
    const p = s.split("-");
    if (p.length === 1) return p[0];
    if (p.length === 2) return ui("date_month_year", { month: month(Number(p[1])), year: p[0] });
    return ui("date_day_month_year", { month: month(Number(p[1])), day: Number(p[2]), year: p[0] });
  }
  const STATE_KEYS = {
    in_force: "state_in_force",
    reinstated: "state_reinstated",
    rescinded: "state_rescinded",
    superseded: "state_superseded",
    enjoined: "state_enjoined",
    vacated: "state_vacated",
    not_applied: "state_not_applied",
    reversed: "state_reversed",
    proposed: "state_proposed",
    withdrawn: "state_withdrawn",
    published: "state_published",
    pending: "state_pending",
  };
  // The same words as the site's badges (sitegen/text.py, decision 0008): the last known state
  // with its date; "status unknown" only where that state could still have changed since.
  function statusToday(doc) {
    const now = parseDate(todayISO());
    let change = null;
    for (const c of doc.status) if (parseDate(c.since) <= now) change = c;
    if (!change) return ui("state_not_yet");
    if (doc.status[doc.status.length - 1].state === "published") return ui("state_published");
    const state = STATE_KEYS[change.state] ? ui(STATE_KEYS[change.state]) : change.state;
    const date = humanDate(change.since);
    let words;
    if (DATA.final_states.includes(change.state)) words = ui("badge_state_on", { state, date });
    else if (now > parseDate(doc.verified_through))
      return ui("status_unknown_after", { date: humanDate(doc.verified_through) });
    else words = ui("badge_state_since", { state, date });
    return change.confirmed ? words : words + ui("unconfirmed_suffix");
  }
  const citeText = (sid) => {
    const doc = DATA.sources[sid];
    return `${t(doc.title)} (${humanDate(doc.date)}; ${statusToday(doc)})`;
  };
  const cite = (sid) =>
    el("a", { href: `${siteRoot}library/${sid}/`, class: "pd-cite", "data-source": sid }, citeText(sid));
  function citeList(ids) {
    const span = el("span", { class: "pd-cites" });
    ids.forEach((sid, i) => {
      if (i) span.append("; ");
      span.append(cite(sid));
    });
    return span;
  }
  function policyDates(pid) {
    const spans = DATA.policy_dates[pid] || [];
    if (!spans.length) return ui("policy_no_periods");
    const checked = DATA.sources[DATA.policies[pid].source].verified_through;
    const periods = spans
      .map(([a, b]) =>
        b
          ? ui("policy_period_between", { start: humanDate(a), end: humanDate(b) })
          : ui("policy_period_since", { start: humanDate(a) }),
      )
      .join(ui("policy_period_separator"));
    return ui("policy_in_force", { periods, checked: humanDate(checked) });
  }
  function warningBox(wid) {
    const w = DATA.warnings[wid];
    const box = el(
      "div",
      { class: "admonition warning pd-warning", "data-warning": wid },
      el("p", { class: "admonition-title", text: ui("warning_title", { title: t(w.title) }) }),
      el("p", { text: t(w.text) }),
    );
    if (w.sources && w.sources.length) box.append(el("p", { class: "pd-sources" }, `${ui("label_sources")} `, citeList(w.sources)));
    return box;
  }
  function section(id, title, more, ...children) {
    const s = el("section", { class: "pd-result__section", "data-section": id }, el("h3", { text: title }), ...children);
    if (more) s.append(el("p", { class: "pd-more" }, el("a", { href: siteRoot + more[0], text: more[1] })));
    return s;
  }
  // ---- issue 13: deadlines, most urgent first (the engine orders them) ----
  function deadlineSection(r) {
    if (!r.deadlines || !r.deadlines.length) return null;
    const items = r.deadlines.map((d) => {
      const spec = DATA.deadlines[d];
      return el(
        "li",
        { "data-deadline": d, "data-urgency": String(spec.urgency) },
        el("strong", { text: `${t(spec.title)}. ` }),
        t(spec.text),
        " ",
        el("span", { class: "pd-deadline__clock", text: ui("deadline_clock", { days: spec.days, starts: t(spec.starts) }) }),
        " ",
        citeList(spec.sources),
      );
    });
    return section("deadlines", ui("section_deadlines"), null, el("p", { text: ui("deadlines_intro") }), el("ul", { class: "pd-deadlines" }, ...items));
  }
  function tacticWarningBox(wid) {
    // The same box, marked as the tactic's own so it is not read as one of the result's warnings.
    const box = warningBox(wid);
    box.removeAttribute("data-warning");
    box.setAttribute("data-tactic-warning", wid);
    return box;
  }
  // ---- end issue 13 ----
  const POLICY_WARNINGS = (pid) => new Set((DATA.policies[pid].warnings || []).map((w) => w.id));

  function policyBox(r) {
    const pol = DATA.policies[r.policy];
    const select = el("select", { id: "pd-policy", class: "pd-policy__select" });
    for (const pid of DATA.policy_order) {
      const short = t(DATA.policies[pid].short);
      const label = pid === DATA.default_policy ? ui("policy_option_in_force_today", { rules: short }) : short;
      select.append(el("option", { value: pid, selected: pid === r.policy, text: label }));
    }
    select.addEventListener("change", () => {
      policy = select.value;
      advance();
    });
    const box = section(
      "policy",
      ui("section_which_rules"),
      null,
      el("p", { class: "pd-policy__choose" }, el("label", { for: "pd-policy", text: `${ui("policy_judge_under")} ` }), select),
      el("p", { class: "pd-policy__print", text: ui("policy_rules_used", { rules: t(pol.short) }) }),
      el("p", {}, el("strong", { text: t(pol.title) }), ". ", t(pol.summary)),
      el("p", { class: "pd-policy__dates", text: policyDates(r.policy) }),
      el("p", { class: "pd-sources" }, `${ui("label_sources")} `, citeList(pol.sources)),
    );
    if (r.policy !== DATA.default_policy)
      box.append(
        el("p", {
          class: "pd-note",
          text: ui("policy_older_note"),
        }),
      );
    const own = POLICY_WARNINGS(r.policy);
    const aboutPolicy = ["policy_not_in_force_today", "policy_status_unverified"];
    for (const w of r.warnings) if (own.has(w) || aboutPolicy.includes(w)) box.append(warningBox(w));
    return box;
  }

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
    resultBox.replaceChildren(
      el("h2", { id: "pd-result-title", class: "pd-result__title", tabindex: "-1", text: ui("result_title") }),
      el("p", {
        text: ui("fallback_result"),
      }),
      links,
    );
  }

  function showResult(msg) {
    statusLine.textContent = "";
    const title = el("h2", { id: "pd-result-title", class: "pd-result__title", tabindex: "-1", text: ui("result_title") });
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
    const pol = DATA.policies[r.policy];
    const shown = new Set();

    // Before anything else: the warning a reader must see before acting.
    if (r.warnings.includes("reveals_to_dhs")) {
      resultBox.append(warningBox("reveals_to_dhs"));
      shown.add("reveals_to_dhs");
    }
    // Which rules: above the result, never hidden below it.
    const rules = policyBox(r);
    for (const w of rules.querySelectorAll("[data-warning]")) shown.add(w.dataset.warning);
    resultBox.append(rules);
    const rest = r.warnings.filter((w) => !shown.has(w) && w !== "stage_unknown");
    for (const w of rest) resultBox.append(warningBox(w));
    // Deadlines (issue 13), right after the warnings; issue 14 owns the full result layout.
    const due = deadlineSection(r);
    if (due) resultBox.append(due);

    // 1. Where the case stands.
    const stand = section("priority", ui("section_priority"), [
      `library/${pol.source}/`,
      ui("more_about_rules", { rules: t(pol.short) }),
    ]);
    if (r.priority === null) stand.append(el("p", { text: ui("priority_no_groups") }));
    else if (r.priority === "unknown")
      stand.append(el("p", { text: ui("priority_unknown") }));
    else if (r.priority === "not_a_priority")
      stand.append(el("p", { text: ui("priority_not_a_priority") }));
    else {
      const cat = (pol.categories || []).find((c) => c.id === r.priority);
      stand.append(
        el("p", { "data-priority": r.priority }, el("strong", { text: cat ? t(cat.label) : r.priority }), " ", cat ? citeList(cat.sources) : null),
      );
    }
    if (r.exception_authority.length)
      stand.append(
        el("p", {
          text: ui("priority_exception_authority", {
            deciders: r.exception_authority.map((a) => t(DATA.authorities[a].label)).join(ui("list_separator_offices")),
          }),
        }),
      );
    resultBox.append(stand);

    // 2. Options.
    const opts = section(
      "options",
      ui("section_options"),
      r.stage ? [`options/${STAGE_PAGES[r.stage]}/`, ui("more_options_stage")] : ["options/", ui("more_options_all")],
    );
    if (r.warnings.includes("stage_unknown")) opts.append(warningBox("stage_unknown"));
    // Under older rules a match is history ("would have fit"), never "may fit your case" today.
    const past = r.policy !== DATA.default_policy;
    const pastRules = { rules: t(DATA.policies[r.policy].short) };
    if (r.options.some((o) => o.recommended))
      opts.append(el("p", { text: past ? ui("options_fit_first_past", pastRules) : ui("options_fit_first") }));
    const list = el("ul", { class: "pd-options" });
    for (const o of r.options) {
      const spec = DATA.options[o.id];
      const li = el("li", {
        class: o.recommended ? "pd-option pd-option--recommended" : "pd-option",
        "data-option": o.id,
        "data-recommended": String(o.recommended),
      });
      const page = r.stage ? `${siteRoot}options/${STAGE_PAGES[r.stage]}/#${o.id}` : `${siteRoot}options/`;
      li.append(el("h4", {}, el("a", { href: page, text: t(spec.title) })));
      if (o.recommended)
        li.append(el("p", { class: "pd-fit", text: past ? ui("option_fit_past", pastRules) : ui("option_fit") }));
      li.append(el("p", { text: t(spec.summary) }));
      for (const w of o.warnings) li.append(warningBox(w));
      li.append(
        el(
          "p",
          {},
          el("strong", { text: `${ui("label_who_decides")} ` }),
          o.decided_by.map((d) => t(DATA.deciders[d].label)).join(ui("list_separator_offices")),
        ),
      );
      li.append(el("p", {}, el("strong", { text: `${ui("label_how_to_ask")} ` }), t(spec.how_to_ask)));
      li.append(el("p", {}, el("strong", { text: `${ui("label_does_not_give")} ` }), t(spec.does_not_give)));
      for (const ex of o.explain || []) {
        const rule = (spec.rules || []).find((x) => x.id === ex.rule);
        if (rule)
          li.append(
            el(
              "p",
              { class: "pd-why-rule" },
              el("strong", { text: `${ui("label_why")} ` }),
              t(rule.explain),
              " ",
              citeList(ex.sources),
            ),
          );
      }
      li.append(el("p", { class: "pd-sources pd-guidance" }, `${ui("label_guidance")} `, citeList(o.sources)));
      list.append(li);
    }
    opts.append(list);
    resultBox.append(opts);

    // 3. The request packet and custody.
    if (r.checklist.length)
      resultBox.append(
        section(
          "checklist",
          ui("section_checklist"),
          ["checklists/request-packet/", ui("more_checklist")],
          el(
            "ul",
            {},
            ...r.checklist.map((c) =>
              el("li", { "data-item": c }, el("strong", { text: `${t(DATA.checklist[c].title)}. ` }), t(DATA.checklist[c].summary)),
            ),
          ),
        ),
      );
    if (r.detention.length)
      resultBox.append(
        section(
          "detention",
          ui("section_detention"),
          null,
          el(
            "ul",
            {},
            ...r.detention.map((c) =>
              el(
                "li",
                { "data-item": c },
                el("strong", { text: `${t(DATA.detention[c].title)}. ` }),
                t(DATA.detention[c].summary),
                " ",
                citeList(DATA.detention[c].sources),
              ),
            ),
          ),
        ),
      );

    // 4. If the answer is no.
    const esc = section("escalation", ui("section_escalation"), [
      "asking/when-the-answer-is-no/",
      ui("more_escalation"),
    ]);
    if (r.escalation.length) {
      esc.append(el("p", { text: ui("escalation_intro") }));
      esc.append(
        el(
          "ol",
          {},
          ...r.escalation.map((s) =>
            el(
              "li",
              { "data-item": s },
              el("strong", { text: `${t(DATA.escalation_steps[s].title)}. ` }),
              t(DATA.escalation_steps[s].summary),
              " ",
              citeList(DATA.escalation_steps[s].sources),
            ),
          ),
        ),
      );
    } else
      esc.append(el("p", { text: ui("escalation_none") }));
    resultBox.append(esc);

    // 5. Beyond the request.
    if (r.tactics.length)
      resultBox.append(
        section(
          "tactics",
          ui("section_tactics"),
          ["asking/beyond-the-request/", ui("more_tactics")],
          el(
            "ul",
            {},
            ...r.tactics.map((s) =>
              el(
                "li",
                { "data-item": s },
                el("strong", { text: `${t(DATA.tactics[s].title)}. ` }),
                t(DATA.tactics[s].summary),
                DATA.tactics[s].risks
                  ? el("span", { class: "pd-risk", text: ` ${ui("tactic_risk", { risk: t(DATA.tactics[s].risks) })}` })
                  : null,
                // issue 13: a tactic's own warnings (congressional contact tells DHS about the person)
                ...((r.tactic_warnings || {})[s] || []).map((w) => tacticWarningBox(w)),
                " ",
                citeList(DATA.tactics[s].sources || []),
              ),
            ),
          ),
        ),
      );

    // 6. What we don't know: each a way back to its question.
    const unknownAsked = r.needs.filter((f) => f in facts && QUESTION_OF_FACT[f]);
    if (unknownAsked.length) {
      const ul = el("ul", { class: "pd-needs" });
      const seenQ = new Set();
      for (const f of unknownAsked) {
        const qid = QUESTION_OF_FACT[f];
        if (seenQ.has(qid)) continue;
        seenQ.add(qid);
        const labels = BY_ID[qid].facts.filter((x) => unknownAsked.includes(x)).map((x) => t(DATA.facts[x].label));
        ul.append(
          el(
            "li",
            {},
            el("span", { text: `${labels.join("; ")}. ` }),
            el("button", {
              type: "button",
              class: "pd-need",
              "data-question": qid,
              "aria-label": ui("needs_again_aria", { question: t(BY_ID[qid].summary_label) }),
              text: ui("needs_again_button"),
            }),
          ),
        );
      }
      resultBox.append(
        section(
          "needs",
          ui("section_needs"),
          null,
          el("p", { text: ui("needs_intro") }),
          ul,
        ),
      );
    }
    for (const more of resultBox.querySelectorAll(".pd-more")) more.parentNode.append(more);
    resultBox.append(actions());
    resultBox.append(
      el("p", { class: "pd-reviewed", text: ui("result_footer", { date: humanDate(DATA.built) }) }),
    );
    const fits = r.options.filter((o) => o.recommended).length;
    announce.textContent = ui("announce_ready", { options: r.options.length, fits });
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
      area.value = resultText();
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
      out.replaceChildren(
        el("p", {
          class: "pd-link-warning",
          text: ui("link_warning"),
        }),
        input,
      );
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

  function resultText() {
    const r = lastResult;
    const pol = DATA.policies[r.policy];
    const lines = [
      ui("text_heading"),
      ui("text_from", { address: `${location.origin}${location.pathname}`, date: todayISO() }),
      "",
      ui("text_rules", { rules: t(pol.title), dates: policyDates(r.policy) }),
      "",
      ui("text_my_answers"),
      ...answered()
        .filter((q) => includeSensitive || !isSensitive(q))
        .map((q) => `- ${t(q.summary_label)}: ${answerText(q)}`),
    ];
    const left = answered().filter(isSensitive).length;
    if (left && !includeSensitive) lines.push(ui("text_left_out", { n: left }));
    lines.push("");
    if (r.warnings.length) {
      lines.push(ui("text_warnings"));
      for (const w of r.warnings) lines.push(`- ${t(DATA.warnings[w].title)}: ${t(DATA.warnings[w].text)}`);
      lines.push("");
    }
    if (r.deadlines && r.deadlines.length) {
      // issue 13: deadlines in the copied text too
      lines.push(ui("text_deadlines"));
      for (const d of r.deadlines) {
        const spec = DATA.deadlines[d];
        lines.push(`- ${t(spec.title)}: ${ui("deadline_clock", { days: spec.days, starts: t(spec.starts) })}`);
      }
      lines.push("");
    }
    lines.push(ui("text_options"));
    for (const o of r.options) {
      const spec = DATA.options[o.id];
      const fitKey = r.policy === DATA.default_policy ? "text_option_may_fit" : "text_option_would_have_fit";
      const rules = t(DATA.policies[r.policy].short);
      lines.push(`- ${o.recommended ? ui(fitKey, { option: t(spec.title), rules }) : t(spec.title)}`);
      const deciders = o.decided_by.map((d) => t(DATA.deciders[d].label)).join(ui("list_separator_offices"));
      lines.push(`  ${ui("label_who_decides")} ${deciders}`);
      for (const w of o.warnings) lines.push(`  ${ui("warning_title", { title: t(DATA.warnings[w].title) })}`);
      lines.push(`  ${ui("label_guidance")} ${o.sources.map(citeText).join("; ")}`);
    }
    if (r.checklist.length) lines.push("", ui("text_for_request"), ...r.checklist.map((c) => `- ${t(DATA.checklist[c].title)}`));
    if (r.detention.length) lines.push("", ui("text_custody"), ...r.detention.map((c) => `- ${t(DATA.detention[c].title)}`));
    if (r.escalation.length)
      lines.push("", ui("text_if_no"), ...r.escalation.map((s, i) => `${i + 1}. ${t(DATA.escalation_steps[s].title)}`));
    if (r.tactics.length) lines.push("", ui("text_beyond"), ...r.tactics.map((s) => `- ${t(DATA.tactics[s].title)}`));
    const unknown = r.needs.filter((f) => f in facts);
    if (unknown.length) lines.push("", ui("text_not_known"), ...unknown.map((f) => `- ${t(DATA.facts[f].label)}`));
    lines.push("", ui("label_sources"), ...r.sources.filter((s) => DATA.sources[s]).map((s) => `- ${citeText(s)}`));
    return lines.join("\n");
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
