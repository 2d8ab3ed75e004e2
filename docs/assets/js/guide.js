// The guide's page script. It walks the compiled question graph itself (the
// same condition grammar as pdlogic/conditions.py), so no question ever waits
// for Python; pdlogic, in a Web Worker, computes every result. Answers live in
// this page's memory only: never in the URL, never in storage.

const root = document.getElementById("pd-guide");

if (root) {
  const DATA = JSON.parse(document.getElementById("pd-data").textContent);
  const QUESTIONS = DATA.questions;
  const BY_ID = Object.fromEntries(QUESTIONS.map((q) => [q.id, q]));

  // ---- the condition grammar (three-valued, like pdlogic.conditions) ----
  function evaluate(cond, facts, policy) {
    if (cond === null || cond === undefined) return true;
    if ("all" in cond || "any" in cond) {
      const isAll = "all" in cond;
      let unknown = false;
      for (const part of cond[isAll ? "all" : "any"]) {
        const v = evaluate(part, facts, policy);
        if (v === !isAll) return !isAll;
        if (v === null) unknown = true;
      }
      return unknown ? null : isAll;
    }
    if ("not" in cond) {
      const v = evaluate(cond.not, facts, policy);
      return v === null ? null : !v;
    }
    if ("policy" in cond) return cond.policy.includes(policy);
    if ("priority" in cond) return false; // questions never depend on a result
    const value = Object.prototype.hasOwnProperty.call(facts, cond.fact) ? facts[cond.fact] : null;
    if ("unknown" in cond) return (value === null) === Boolean(cond.unknown);
    if (value === null) return null;
    if ("is" in cond) return value === cond.is;
    if ("in" in cond) return cond.in.includes(value);
    if ("at_least" in cond) return value >= cond.at_least;
    return null;
  }
  const holds = (cond, facts, policy) => evaluate(cond, facts, policy) === true;

  function nextQuestion(facts, policy) {
    for (const q of QUESTIONS) {
      if (q.facts.some((f) => !(f in facts)) && holds(q.when, facts, policy)) return q.id;
    }
    return null;
  }

  function prune(facts, policy) {
    const kept = {};
    for (const q of QUESTIONS) {
      if (holds(q.when, kept, policy)) for (const f of q.facts) if (f in facts) kept[f] = facts[f];
    }
    return kept;
  }

  // ---- state: in memory only ----
  let facts = {};
  let policy = DATA.default_policy;
  let steps = []; // question ids in the order they were shown
  let current = QUESTIONS[0].id;
  let engine = "loading";
  let pending = null; // facts waiting for the engine
  let requestId = 0;

  const stepBox = root.querySelector(".pd-step");
  const statusLine = root.querySelector(".pd-status");
  const resultBox = root.querySelector(".pd-result");
  const pathWrap = root.querySelector(".pd-path-wrap");
  const pathList = root.querySelector(".pd-path");
  const fallback = root.querySelector(".pd-fallback");

  const t = (text) => (text && typeof text === "object" ? text.en : text || "");
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  // ---- the engine, in a worker ----
  function setEngine(state, reason) {
    engine = state;
    root.dataset.engine = state;
    if (state === "failed") {
      fallback.hidden = false;
      if (reason) fallback.dataset.reason = reason;
      statusLine.textContent = "";
    }
    if (state === "ready" && pending) {
      const f = pending;
      pending = null;
      askEngine(f);
    }
  }

  let worker = null;
  try {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") throw new Error("no WebAssembly");
    worker = new Worker(new URL("engine-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.type === "ready") setEngine("ready");
      else if (msg.type === "failed") setEngine("failed", msg.reason);
      else if (msg.type === "result" && msg.id === requestId) showResult(msg);
    };
    worker.onerror = () => setEngine("failed", "worker error");
    worker.postMessage({ type: "start", wheel: root.dataset.wheel });
  } catch (err) {
    setEngine("failed", String(err));
  }

  function askEngine(f) {
    if (engine === "failed") return;
    if (engine !== "ready") {
      pending = f;
      statusLine.textContent = "Preparing your result on this device…";
      return;
    }
    requestId += 1;
    worker.postMessage({ type: "evaluate", id: requestId, facts: f, policy });
  }

  // ---- questions ----
  function renderQuestion(q) {
    const form = el("form", { class: "pd-question", "data-question": q.id, novalidate: true });
    const fs = el("fieldset");
    fs.append(el("legend", {}, el("h2", { class: "pd-question__text", tabindex: "-1", text: t(q.text) })));
    if (q.help) fs.append(el("p", { class: "pd-help", text: t(q.help) }));
    fs.append(el("details", { class: "pd-why" }, el("summary", { text: "Why we ask" }), el("p", { text: t(q.why) })));
    const box = el("div", { class: q.kind === "multi" ? "pd-choices pd-choices--multi" : "pd-choices" });
    if (q.kind === "multi") {
      for (const item of q.items) {
        const id = `pd-${q.id}-${item.fact}`;
        box.append(el("div", { class: "pd-choice" },
          el("input", { type: "checkbox", id, name: item.fact, value: "true", checked: facts[item.fact] === true }),
          el("label", { for: id, text: t(item.label) }),
          item.help ? el("p", { class: "pd-help", text: t(item.help) }) : null));
      }
      const answered = q.facts.every((f) => f in facts);
      const allFalse = answered && q.facts.every((f) => facts[f] === false);
      const allNull = answered && q.facts.every((f) => facts[f] === null);
      box.append(el("div", { class: "pd-choice pd-choice--none" },
        el("input", { type: "checkbox", id: `pd-${q.id}-none`, name: "__none", value: "none", checked: allFalse }),
        el("label", { for: `pd-${q.id}-none`, text: t(q.none_label) })));
      box.append(el("div", { class: "pd-choice pd-choice--unknown" },
        el("input", { type: "checkbox", id: `pd-${q.id}-unknown`, name: "__unknown", value: "unknown", checked: allNull }),
        el("label", { for: `pd-${q.id}-unknown`, text: t(q.unknown_label) })));
    } else {
      const fact = q.facts[0];
      const answers = [...q.answers, { value: null, label: q.unknown_label }];
      answers.forEach((a, i) => {
        const id = `pd-${q.id}-${i}`;
        box.append(el("div", { class: "pd-choice" },
          el("input", { type: "radio", id, name: fact, value: JSON.stringify(a.value),
            checked: fact in facts && facts[fact] === a.value }),
          el("label", { for: id, text: t(a.label) }),
          a.help ? el("p", { class: "pd-help", text: t(a.help) }) : null));
      });
    }
    fs.append(box);
    fs.append(el("p", { class: "pd-error", role: "alert", hidden: true }));
    form.append(fs, el("button", { type: "submit", class: "md-button md-button--primary pd-next", text: "Continue" }));
    return form;
  }

  function readAnswer(form, q) {
    if (q.kind === "multi") {
      const unknown = form.querySelector('input[name="__unknown"]').checked;
      const none = form.querySelector('input[name="__none"]').checked;
      const checked = q.facts.filter((f) => form.querySelector(`input[name="${f}"]`).checked);
      if (unknown && (none || checked.length)) return { error: "Choose some of these, or “none”, or “not sure”: not more than one kind." };
      if (none && checked.length) return { error: "You chose “none” and also some of the items. Please check your choices." };
      if (!unknown && !none && !checked.length) return { error: "Choose what applies, or “none”, or “not sure”." };
      const out = {};
      for (const f of q.facts) out[f] = unknown ? null : checked.includes(f);
      return { facts: out };
    }
    const picked = form.querySelector(`input[name="${q.facts[0]}"]:checked`);
    if (!picked) return { error: "Choose an answer. “I don’t know” is a fine answer." };
    return { facts: { [q.facts[0]]: JSON.parse(picked.value) } };
  }

  function answerText(q) {
    if (q.kind === "multi") {
      const vals = q.facts.map((f) => facts[f]);
      if (vals.every((v) => v === null)) return t(q.unknown_label);
      const yes = q.items.filter((it) => facts[it.fact] === true).map((it) => t(it.label));
      return yes.length ? yes.join("; ") : t(q.none_label);
    }
    const v = facts[q.facts[0]];
    const a = q.answers.find((x) => x.value === v);
    return a ? t(a.label) : t(q.unknown_label);
  }

  function renderPath() {
    pathList.replaceChildren();
    const shown = steps.filter((id) => BY_ID[id].facts.every((f) => f in facts));
    pathWrap.hidden = shown.length === 0;
    for (const id of shown) {
      const q = BY_ID[id];
      const change = el("button", { type: "button", class: "pd-change", "data-question": id,
        "aria-label": `Change your answer: ${t(q.summary_label)}`, text: "Change" });
      pathList.append(el("li", {}, el("span", { class: "pd-path__label", text: `${t(q.summary_label)}: ` }),
        el("span", { class: "pd-path__answer", text: answerText(q) }), " ", change));
    }
  }

  function show(qid, { focus = true } = {}) {
    current = qid;
    resultBox.hidden = true;
    stepBox.hidden = false;
    statusLine.textContent = "";
    stepBox.replaceChildren(renderQuestion(BY_ID[qid]));
    renderPath();
    if (focus) stepBox.querySelector("h2").focus();
  }

  function advance(pushHistory = true) {
    facts = prune(facts, policy);
    const next = nextQuestion(facts, policy);
    if (next) {
      if (!steps.includes(next)) steps.push(next);
      steps = steps.filter((id) => BY_ID[id].facts.some((f) => f in facts) || id === next);
      if (pushHistory) history.pushState({ pdStep: steps.indexOf(next) }, "", location.pathname);
      show(next);
    } else {
      if (pushHistory) history.pushState({ pdStep: "result" }, "", location.pathname);
      stepBox.hidden = true;
      renderPath();
      resultBox.hidden = false;
      resultBox.replaceChildren();
      askEngine({ ...facts });
    }
  }

  stepBox.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const q = BY_ID[form.dataset.question];
    const answer = readAnswer(form, q);
    const err = form.querySelector(".pd-error");
    if (answer.error) {
      err.textContent = answer.error;
      err.hidden = false;
      return;
    }
    Object.assign(facts, answer.facts);
    if (!steps.includes(q.id)) steps.push(q.id);
    advance();
  });

  // Ticking "none" or "not sure" clears the other boxes, and the reverse.
  stepBox.addEventListener("change", (event) => {
    const input = event.target;
    if (input.type !== "checkbox" || !input.checked) return;
    const form = input.form;
    const special = input.name === "__none" || input.name === "__unknown";
    for (const other of form.querySelectorAll('input[type="checkbox"]')) {
      if (other === input) continue;
      const otherSpecial = other.name === "__none" || other.name === "__unknown";
      if (special || otherSpecial) other.checked = false;
    }
  });

  pathList.addEventListener("click", (event) => {
    const btn = event.target.closest(".pd-change");
    if (!btn) return;
    history.pushState({ pdStep: steps.indexOf(btn.dataset.question) }, "", location.pathname);
    show(btn.dataset.question);
  });

  root.querySelector(".pd-restart").addEventListener("click", () => {
    facts = {};
    steps = [];
    policy = DATA.default_policy;
    history.pushState({ pdStep: 0 }, "", location.pathname);
    show(QUESTIONS[0].id);
  });

  window.addEventListener("popstate", (event) => {
    const step = event.state && "pdStep" in event.state ? event.state.pdStep : 0;
    if (step === "result") advance(false);
    else show(steps[step] || QUESTIONS[0].id);
  });
  history.replaceState({ pdStep: 0 }, "", location.pathname);
  steps = [QUESTIONS[0].id];

  // ---- the result ----
  const siteRoot = root.dataset.siteRoot || "../";
  const STAGE_PAGES = { before_nta: "before-nta", in_proceedings: "in-proceedings", final_order: "final-order", court_of_appeals: "court-of-appeals" };

  function parseDate(s) {
    if (s === "undated") return new Date(-8e15);
    const p = s.split("-").map(Number);
    return new Date(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1));
  }
  const MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
  function humanDate(s) {
    if (s === "undated") return "undated";
    const p = s.split("-");
    if (p.length === 1) return p[0];
    if (p.length === 2) return `${MONTHS[Number(p[1]) - 1]} ${p[0]}`;
    return `${MONTHS[Number(p[1]) - 1]} ${Number(p[2])}, ${p[0]}`;
  }
  const STATE_WORDS = { in_force: "in force", reinstated: "reinstated", rescinded: "rescinded", superseded: "superseded",
    enjoined: "blocked by a court", vacated: "vacated by a court", not_applied: "not applied", reversed: "reversed",
    proposed: "proposed only", withdrawn: "withdrawn", published: "historical record", pending: "pending" };
  function statusToday(doc) {
    const now = new Date();
    if (now > new Date(parseDate(doc.verified_through).getTime() + 86400000)) return `status unknown after ${humanDate(doc.verified_through)}`;
    let change = null;
    for (const c of doc.status) if (parseDate(c.since) <= now) change = c;
    if (!change) return "not yet issued";
    return STATE_WORDS[change.state] + (change.confirmed ? "" : " (unconfirmed)");
  }
  function cite(sid) {
    const doc = DATA.sources[sid];
    return el("a", { href: `${siteRoot}library/${sid}/`, class: "pd-cite" },
      `${doc.title} (${humanDate(doc.date)}) — ${statusToday(doc)}`);
  }
  function citeList(ids) {
    const span = el("span", { class: "pd-cites" });
    ids.forEach((sid, i) => { if (i) span.append("; "); span.append(cite(sid)); });
    return span;
  }
  function warningBox(wid) {
    const w = DATA.warnings[wid];
    const box = el("div", { class: `admonition warning pd-warning`, "data-warning": wid },
      el("p", { class: "admonition-title", text: t(w.title) }), el("p", { text: t(w.text) }));
    if (w.sources && w.sources.length) box.append(el("p", { class: "pd-sources" }, "Sources: ", citeList(w.sources)));
    return box;
  }
  function section(id, title, ...children) {
    return el("section", { class: "pd-result__section", "data-section": id }, el("h3", { text: title }), ...children);
  }

  function showResult(msg) {
    statusLine.textContent = "";
    resultBox.replaceChildren();
    if (!msg.ok) {
      resultBox.append(el("p", { class: "pd-error", role: "alert",
        text: msg.key ? `This answer could not be used (${msg.key}): ${msg.message}` : msg.message }));
      return;
    }
    const r = msg.result;
    const pol = DATA.policies[r.policy];
    const heading = el("h2", { tabindex: "-1", text: "What may fit your case" });
    resultBox.append(heading);

    // Before anything else: the warnings a reader must see before acting.
    const first = r.warnings.filter((w) => w === "reveals_to_dhs");
    for (const w of first) resultBox.append(warningBox(w));

    // Which rules.
    const select = el("select", { id: "pd-policy", class: "pd-policy__select" });
    for (const pid of DATA.policy_order) {
      select.append(el("option", { value: pid, selected: pid === r.policy,
        text: t(DATA.policies[pid].short) + (pid === DATA.default_policy ? " (in force today)" : "") }));
    }
    select.addEventListener("change", () => {
      policy = select.value;
      advance();
    });
    const rules = section("policy", "Which rules",
      el("p", {}, el("label", { for: "pd-policy", text: "Rules: " }), select),
      el("p", {}, el("strong", { text: t(pol.title) }), ". ", t(pol.summary)),
      el("p", { class: "pd-sources" }, "Sources: ", citeList(pol.sources)));
    for (const w of r.warnings.filter((x) => x !== "reveals_to_dhs" && x !== "stage_unknown")) rules.append(warningBox(w));
    resultBox.append(rules);

    // 1. Where the case stands.
    const stand = section("priority", "Where the case stands under these rules");
    if (r.priority === null) stand.append(el("p", { text: "These rules have no priority groups that this guide can apply." }));
    else if (r.priority === "unknown") stand.append(el("p", { text: "We cannot tell yet: some answers that decide it are unknown (see “What we don’t know”)." }));
    else if (r.priority === "not_a_priority") stand.append(el("p", { text: "Not in any of the priority groups, going by your answers." }));
    else {
      const cat = (pol.categories || []).find((c) => c.id === r.priority);
      stand.append(el("p", { text: cat ? t(cat.label) : r.priority }));
    }
    if (r.exception_authority.length) {
      stand.append(el("p", { text: "Who could decide you are nevertheless not a priority: " +
        r.exception_authority.map((a) => t(DATA.authorities[a].label)).join(", ") + "." }));
    }
    resultBox.append(stand);

    // 2. Options.
    const opts = section("options", "Options at this stage");
    if (r.warnings.includes("stage_unknown")) opts.append(warningBox("stage_unknown"));
    const list = el("ul", { class: "pd-options" });
    for (const o of r.options) {
      const spec = DATA.options[o.id];
      const li = el("li", { class: o.recommended ? "pd-option pd-option--recommended" : "pd-option", "data-option": o.id,
        "data-recommended": String(o.recommended) });
      li.append(el("h4", {}, el("a", { href: `${siteRoot}options/${STAGE_PAGES[r.stage]}/#${o.id}`, text: t(spec.title) })));
      if (o.recommended) li.append(el("p", { class: "pd-fit", text: "May fit your case. Ask a lawyer or accredited representative." }));
      li.append(el("p", { text: t(spec.summary) }));
      li.append(el("p", {}, el("strong", { text: "Who decides: " }), o.decided_by.map((d) => t(DATA.deciders[d].label)).join(", ")));
      li.append(el("p", {}, el("strong", { text: "How people ask: " }), t(spec.how_to_ask)));
      li.append(el("p", {}, el("strong", { text: "What it does not give: " }), t(spec.does_not_give)));
      for (const ex of o.explain) {
        const rule = spec.rules.find((x) => x.id === ex.rule);
        li.append(el("p", { class: "pd-why-rule" }, el("strong", { text: "Why: " }), t(rule.explain), " ", citeList(ex.sources)));
      }
      for (const w of o.warnings) li.append(warningBox(w));
      li.append(el("p", { class: "pd-sources" }, "Guidance: ", citeList(o.sources)));
      list.append(li);
    }
    opts.append(list);
    resultBox.append(opts);

    // 3. The request packet and custody.
    if (r.checklist.length) {
      resultBox.append(section("checklist", "What to put in a request",
        el("ul", {}, ...r.checklist.map((c) => el("li", { "data-item": c }, el("strong", { text: t(DATA.checklist[c].title) + ". " }), t(DATA.checklist[c].summary))))));
    }
    if (r.detention.length) {
      resultBox.append(section("detention", "If the person is detained",
        el("ul", {}, ...r.detention.map((c) => el("li", { "data-item": c }, el("strong", { text: t(DATA.detention[c].title) + ". " }), t(DATA.detention[c].summary), " ", citeList(DATA.detention[c].sources))))));
    }

    // 4. If the answer is no.
    const esc = section("escalation", "If the answer is no");
    if (r.escalation.length) {
      esc.append(el("p", { text: "There is no formal appeal. Under these rules, the steps were, in order:" }));
      esc.append(el("ol", {}, ...r.escalation.map((s) => el("li", { "data-item": s }, el("strong", { text: t(DATA.escalation_steps[s].title) + ". " }), t(DATA.escalation_steps[s].summary), " ", citeList(DATA.escalation_steps[s].sources)))));
    } else {
      esc.append(el("p", { text: "We could not confirm any review steps under these rules. A lawyer may know how local offices act now." }));
    }
    resultBox.append(esc);

    // 5. Beyond the request.
    if (r.tactics.length) {
      resultBox.append(section("tactics", "Beyond the request",
        el("ul", {}, ...r.tactics.map((s) => el("li", { "data-item": s }, el("strong", { text: t(DATA.tactics[s].title) + ". " }), t(DATA.tactics[s].summary),
          DATA.tactics[s].risks ? el("span", { class: "pd-risk", text: ` Risk: ${t(DATA.tactics[s].risks)}` }) : null)))));
    }

    // 6. What we don't know.
    if (r.needs.length) {
      const ul = el("ul");
      for (const f of r.needs) {
        const q = QUESTIONS.find((x) => x.facts.includes(f));
        const btn = el("button", { type: "button", class: "pd-need", "data-fact": f, text: t(DATA.facts[f].label) });
        btn.addEventListener("click", () => {
          if (facts[f] === null) delete facts[f];
          if (q && !steps.includes(q.id)) steps.push(q.id);
          if (q) { history.pushState({ pdStep: steps.indexOf(q.id) }, "", location.pathname); show(q.id); }
        });
        ul.append(el("li", {}, btn));
      }
      resultBox.append(section("needs", "What we don’t know", el("p", { text: "These answers could change the result:" }), ul));
    }
    resultBox.append(el("p", { class: "pd-reviewed", text: `Built on ${humanDate(DATA.built)}. Information, not legal advice.` }));
    heading.focus();
  }
}
