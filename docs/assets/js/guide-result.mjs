// Result rendering: the engine's result as a phone reader needs it (issue 14, GOV.UK's outcome
// pages are the bar): (1) the answer and the one next step, (2) what matters most now, by
// urgency, at most five, (3) the options one line each with their detail behind a disclosure,
// each caveat shared by several options said once above them, (4) then what happens after a
// "no", other steps, what we don't know, the rules menu. The copied text follows the same order.
// Every text comes from the data or from sitegen/guide_text.yaml.
import { el, todayISO } from "./guide-text.mjs";

export const STAGE_PAGES = {
  before_nta: "before-nta",
  in_proceedings: "in-proceedings",
  final_order: "final-order",
  court_of_appeals: "court-of-appeals",
};
const NOW_MAX = 5;
// Warnings that belong to the rules menu or the options list, not to "what matters now".
const RULES_WARNINGS = ["policy_not_in_force_today", "policy_status_unverified"];
// Options that answer "get the person out of custody": first in the list for a detained person.
const CUSTODY_OPTIONS = ["release", "release_for_daca", "supervised_release"];

// The words of one result, for the screen and for the copied text alike.
export function resultPlan(r, facts, DATA, words) {
  const { ui } = words;
  const voice = ["someone_else", "professional"].includes(facts.asking_for) ? facts.asking_for : "self";
  // A text in the reader's voice: `key_someone_else` / `key_professional` where the data has one.
  const vui = (key, vars = {}) => (words.has(`${key}_${voice}`) ? ui(`${key}_${voice}`, vars) : ui(key, vars));
  const today = r.policy === DATA.default_policy;
  const rules = words.t(DATA.policies[r.policy].short);
  const fits = r.options.filter((o) => o.recommended).length;
  const detained = facts.detained === true;

  // (1) The answer, then the one next step.
  let answer;
  if (!today) answer = vui(fits ? "answer_past_fits" : "answer_past_none", { n: fits, rules });
  else if (fits) answer = vui(fits === 1 ? "answer_fits_one" : "answer_fits", { n: fits, total: r.options.length });
  else answer = vui(r.options.length ? "answer_none_today" : "answer_no_options");
  let next;
  if (detained) next = "next_detained";
  else if (r.warnings.includes("reveals_to_dhs")) next = "next_before_contact";
  else if (voice === "professional") next = "next_professional";
  else if (facts.has_attorney === true) next = "next_with_lawyer";
  else next = "next_legal_help";
  const stagePage = r.stage ? `options/${STAGE_PAGES[r.stage]}/` : "options/";
  const nextPage = detained ? "help/detained-family-member/" : next === "next_professional" ? stagePage : "help/finding-legal-help/";

  // (2) What matters most now: the result's warnings and deadlines by urgency (the engine's
  // order among equals), "asking tells DHS" always first; for a detained person, finding them.
  const optionWarnings = new Set(r.options.flatMap((o) => o.warnings));
  const items = [];
  if (detained) items.push({ kind: "find", urgency: 1 });
  for (const w of r.warnings)
    if (!RULES_WARNINGS.includes(w) && w !== "stage_unknown") items.push({ kind: "warning", id: w, urgency: DATA.warnings[w].urgency ?? 3 });
  for (const d of r.deadlines || []) items.push({ kind: "deadline", id: d, urgency: DATA.deadlines[d].urgency ?? 3 });
  const rank = (x) => (x.id === "reveals_to_dhs" ? -1 : x.urgency);
  items.sort((a, b) => rank(a) - rank(b)); // stable: equals keep the engine's order
  const now = items.slice(0, NOW_MAX);
  const later = items.slice(NOW_MAX);

  // (3) The options; a warning on two or more options is said once above the list.
  const counts = {};
  for (const o of r.options) for (const w of o.warnings) counts[w] = (counts[w] || 0) + 1;
  const shared = Object.keys(counts).filter((w) => counts[w] >= 2 && !r.warnings.includes(w));
  const order = r.options.map((o, i) => [o, i]);
  if (detained)
    order.sort(([a, i], [b, j]) => Number(b.recommended) - Number(a.recommended) || custody(b) - custody(a) || i - j);
  const options = order.map(([o]) => o);
  const status = (o) =>
    o.recommended
      ? vui(today ? "option_status_fits" : "option_status_would_have_fit", { rules })
      : ui(o.warnings.includes("guidance_not_current") ? "option_status_no_guidance" : "option_status_not_pointed");
  // Every option with the same standing (none may fit today, say): said once, not on each line.
  const uniform = options.length > 1 && new Set(options.map(status)).size === 1;
  return { uniform, counts, voice, vui, today, rules, fits, answer, next, nextPage, now, later, shared, options, status, optionWarnings };
}
const custody = (o) => Number(CUSTODY_OPTIONS.includes(o.id));

// "For 8 of the options below: …", or "For all the options below: …".
const sharedLead = (ui, plan, w, title) =>
  plan.counts[w] === plan.options.length ? ui("shared_warning_lead_all", { title }) : ui("shared_warning_lead", { n: plan.counts[w], title });

export function renderResult(box, r, facts, ctx) {
  const { DATA, words, siteRoot, onPolicy } = ctx;
  const { t, ui, citeText, policyDates } = words;
  const plan = resultPlan(r, facts, DATA, words);
  const { vui } = plan;
  const cite = (sid) => el("a", { href: `${siteRoot}library/${sid}/`, class: "pd-cite", "data-source": sid }, citeText(sid));
  function citeList(ids) {
    const span = el("span", { class: "pd-cites" });
    ids.forEach((sid, i) => {
      if (i) span.append("; ");
      span.append(cite(sid));
    });
    return span;
  }
  const sources = (ids) => (ids && ids.length ? el("p", { class: "pd-sources" }, `${ui("label_sources")} `, citeList(ids)) : null);
  const section = (id, title, ...children) =>
    el("section", { class: "pd-result__section", "data-section": id }, el("h3", { text: title }), ...children);
  const more = (path, text) => el("p", { class: "pd-more" }, el("a", { href: siteRoot + path, text }));

  // A warning as one sentence that opens onto its detail.
  function warningItem(w, attr = "data-warning") {
    const spec = DATA.warnings[w];
    return el(
      "details",
      { class: "pd-item pd-warning", [attr]: w, "data-urgency": String(spec.urgency ?? 3) },
      el("summary", { text: t(spec.title) }),
      el("p", { text: t(spec.text) }),
      sources(spec.sources),
    );
  }
  function deadlineItem(d) {
    const spec = DATA.deadlines[d];
    return el(
      "details",
      { class: "pd-item pd-deadline", "data-deadline": d, "data-urgency": String(spec.urgency) },
      el("summary", { text: t(spec.title) }),
      el("p", {}, el("span", { class: "pd-deadline__clock", text: ui("deadline_clock", { days: spec.days, starts: t(spec.starts) }) }), " ", t(spec.text)),
      sources(spec.sources),
    );
  }
  function nowItem(x) {
    if (x.kind === "find")
      return el(
        "div",
        { class: "pd-item pd-find", "data-now": "find" },
        el("p", {}, vui("now_find_detained"), " ", el("a", { href: `${siteRoot}help/detained-family-member/`, text: ui("now_find_detained_link") })),
      );
    return x.kind === "warning" ? warningItem(x.id) : deadlineItem(x.id);
  }

  // (1) The answer.
  box.append(
    el(
      "section",
      { class: "pd-answer", "data-section": "answer" },
      el("p", { class: "pd-answer__text", text: plan.answer }),
      el("p", { class: "pd-answer__next" }, el("strong", { text: vui(plan.next) }), " ", el("a", { href: siteRoot + plan.nextPage, text: ui(`${plan.next}_link`) })),
    ),
  );
  // (2) What matters most now.
  if (plan.now.length) box.append(section("now", ui("section_now"), el("div", { class: "pd-now" }, ...plan.now.map(nowItem))));
  // Deadlines are also a section of their own name for those who look for them.
  // (3) Options.
  const opts = section("options", vui("section_options"));
  if (r.warnings.includes("stage_unknown")) opts.append(warningItem("stage_unknown"));
  for (const w of plan.shared)
    opts.append(
      el(
        "div",
        { class: "pd-shared", "data-shared-warning": w },
        el("p", {}, el("strong", { text: `${sharedLead(ui, plan, w, t(DATA.warnings[w].title))} ` }), t(DATA.warnings[w].text)),
        sources(DATA.warnings[w].sources),
      ),
    );
  if (plan.uniform && !(plan.shared.includes("guidance_not_current") && !plan.options[0].recommended))
    opts.append(el("p", { class: "pd-fit-all", text: ui("options_all_status", { status: plan.status(plan.options[0]) }) }));
  const list = el("ul", { class: "pd-options" });
  for (const o of plan.options) {
    const spec = DATA.options[o.id];
    const deciders = o.decided_by.map((d) => t(DATA.deciders[d].label)).join(ui("list_separator_offices"));
    const who = o.decided_by.map((d) => t(DATA.deciders[d].short || DATA.deciders[d].label)).join(ui("list_separator_offices"));
    const page = r.stage ? `${siteRoot}options/${STAGE_PAGES[r.stage]}/#${o.id}` : `${siteRoot}options/`;
    const detail = el("details", { class: "pd-option__detail" });
    detail.append(
      el(
        "summary",
        {},
        el("span", { class: "pd-option__name", text: t(spec.title) }),
        // A status every option shares is said once, above the list.
        plan.uniform ? null : ": ",
        plan.uniform ? null : el("span", { class: "pd-fit", text: plan.status(o) }),
        ". ",
        el("span", { class: "pd-option__who", text: ui("option_who_decides", { deciders: who }) }),
      ),
      el("p", { text: t(spec.summary) }),
      el("p", {}, el("strong", { text: `${ui("label_who_decides")} ` }), deciders),
    );
    for (const w of o.warnings)
      detail.append(
        plan.shared.includes(w)
          ? el("p", { class: "pd-warning-ref", "data-warning": w, text: ui("shared_warning_ref", { title: t(DATA.warnings[w].title) }) })
          : warningItem(w),
      );
    detail.append(
      el("p", {}, el("strong", { text: `${ui("label_how_to_ask")} ` }), t(spec.how_to_ask)),
      el("p", {}, el("strong", { text: `${ui("label_does_not_give")} ` }), t(spec.does_not_give)),
    );
    for (const ex of o.explain || []) {
      const rule = (spec.rules || []).find((x) => x.id === ex.rule);
      if (rule) detail.append(el("p", { class: "pd-why-rule" }, el("strong", { text: `${ui("label_why")} ` }), t(rule.explain), " ", citeList(ex.sources)));
    }
    detail.append(
      el("p", { class: "pd-sources pd-guidance" }, `${ui("label_guidance")} `, citeList(o.sources)),
      el("p", { class: "pd-more" }, el("a", { href: page, text: ui("option_more", { option: t(spec.title) }) })),
    );
    list.append(
      el("li", { class: o.recommended ? "pd-option pd-option--recommended" : "pd-option", "data-option": o.id, "data-recommended": String(o.recommended) }, detail),
    );
  }
  opts.append(list, more(r.stage ? `options/${STAGE_PAGES[r.stage]}/` : "options/", r.stage ? ui("more_options_stage") : ui("more_options_all")));
  box.append(opts);

  // (4) Then: other things to know, the request, custody, after a "no", other steps.
  if (plan.later.length) box.append(section("later", ui("section_later"), el("div", { class: "pd-now" }, ...plan.later.map(nowItem))));
  const fold = (id, title, intro, items, link) => {
    const d = el("details", { class: "pd-fold" }, el("summary", { text: title }));
    if (intro) d.append(el("p", { text: intro }));
    d.append(el(id === "escalation" ? "ol" : "ul", {}, ...items));
    if (link) d.append(more(...link));
    return el("section", { class: "pd-result__section", "data-section": id }, d);
  };
  const item = (id, spec, ...extra) =>
    el("li", { "data-item": id }, el("strong", { text: `${t(spec.title)}. ` }), t(spec.summary), ...extra, " ", citeList(spec.sources || []));
  if (r.detention.length)
    box.append(fold("detention", vui("section_detention"), null, r.detention.map((c) => item(c, DATA.detention[c])), null));
  if (r.checklist.length)
    box.append(
      fold(
        "checklist",
        vui("section_checklist"),
        r.warnings.includes("reveals_to_dhs") ? ui("checklist_after_lawyer") : null,
        r.checklist.map((c) => el("li", { "data-item": c }, el("strong", { text: `${t(DATA.checklist[c].title)}. ` }), t(DATA.checklist[c].summary))),
        ["checklists/request-packet/", ui("more_checklist")],
      ),
    );
  box.append(
    r.escalation.length
      ? fold("escalation", ui("section_escalation"), ui("escalation_intro"), r.escalation.map((s) => item(s, DATA.escalation_steps[s])), [
          "asking/when-the-answer-is-no/",
          ui("more_escalation"),
        ])
      : fold("escalation", ui("section_escalation"), ui("escalation_none"), [], ["asking/when-the-answer-is-no/", ui("more_escalation")]),
  );
  if (r.tactics.length)
    box.append(
      fold(
        "tactics",
        ui("section_tactics"),
        null,
        r.tactics.map((s) =>
          item(
            s,
            DATA.tactics[s],
            DATA.tactics[s].risks ? el("span", { class: "pd-risk", text: ` ${ui("tactic_risk", { risk: t(DATA.tactics[s].risks) })}` }) : null,
            ...((r.tactic_warnings || {})[s] || []).map((w) => warningItem(w, "data-tactic-warning")),
          ),
        ),
        ["asking/beyond-the-request/", ui("more_tactics")],
      ),
    );

  // What we don't know: each a way back to its question.
  const questionOf = ctx.questionOf;
  const unknownAsked = r.needs.filter((f) => f in facts && questionOf[f]);
  if (unknownAsked.length) {
    const ul = el("ul", { class: "pd-needs" });
    const seen = new Set();
    for (const f of unknownAsked) {
      const q = ctx.byId[questionOf[f]];
      if (seen.has(q.id)) continue;
      seen.add(q.id);
      const labels = q.facts.filter((x) => unknownAsked.includes(x)).map((x) => t(DATA.facts[x].label));
      ul.append(
        el(
          "li",
          {},
          el("span", { text: `${labels.join("; ")}. ` }),
          el("button", {
            type: "button",
            class: "pd-need",
            "data-question": q.id,
            "aria-label": ui("needs_again_aria", { question: t(q.summary_label) }),
            text: ui("needs_again_button"),
          }),
        ),
      );
    }
    box.append(
      el(
        "section",
        { class: "pd-result__section", "data-section": "needs" },
        el("details", { class: "pd-fold" }, el("summary", { text: ui("section_needs_count", { n: ul.children.length }) }), el("p", { text: ui("needs_intro") }), ul),
      ),
    );
  }

  // The rules menu: today's rules unless the reader chooses older ones (history, never today).
  const pol = DATA.policies[r.policy];
  const select = el("select", { id: "pd-policy", class: "pd-policy__select" });
  for (const pid of DATA.policy_order) {
    const short = t(DATA.policies[pid].short);
    select.append(el("option", { value: pid, selected: pid === r.policy, text: pid === DATA.default_policy ? ui("policy_option_in_force_today", { rules: short }) : short }));
  }
  select.addEventListener("change", () => onPolicy(select.value));
  const rulesBox = section(
    "policy",
    ui("section_which_rules"),
    el("p", { class: "pd-policy__choose" }, el("label", { for: "pd-policy", text: ui("policy_judge_under") }), " ", select),
    el("p", { class: "pd-policy__print", text: ui("policy_rules_used", { rules: t(pol.short) }) }),
  );
  if (!plan.today) rulesBox.append(el("p", { class: "pd-note", text: ui("policy_older_note") }));
  const about = el("details", { class: "pd-fold" }, el("summary", { text: ui("policy_about", { rules: t(pol.short) }) }));
  about.append(el("p", {}, el("strong", { text: t(pol.title) }), ". ", t(pol.summary)), el("p", { class: "pd-policy__dates", text: policyDates(r.policy) }), sources(pol.sources));
  if (r.priority !== null) about.append(priorityLine(r, pol, words, DATA, citeList));
  rulesBox.append(about);
  for (const w of r.warnings) if (RULES_WARNINGS.includes(w)) rulesBox.append(warningItem(w));
  box.append(rulesBox);
  box.append(ctx.actions(), el("p", { class: "pd-reviewed", text: ui("result_footer", { date: words.humanDate(DATA.built) }) }));
  return plan;
}

function priorityLine(r, pol, { t, ui }, DATA, citeList) {
  const p = el("p", { class: "pd-priority" });
  if (r.priority === "unknown") p.textContent = ui("priority_unknown");
  else if (r.priority === "not_a_priority") p.textContent = ui("priority_not_a_priority");
  else {
    const cat = (pol.categories || []).find((c) => c.id === r.priority);
    p.dataset.priority = r.priority;
    p.append(el("strong", { text: cat ? t(cat.label) : r.priority }), " ", cat ? citeList(cat.sources) : "");
  }
  if (r.exception_authority.length)
    p.append(
      " ",
      ui("priority_exception_authority", {
        deciders: r.exception_authority.map((a) => t(DATA.authorities[a].label)).join(ui("list_separator_offices")),
      }),
    );
  return p;
}

// The result as text, in the screen's order. `answers` are the "My answers" lines already
// filtered for what the reader chose to include; `leftOut` how many were left out.
export function resultText(r, facts, ctx, answers, leftOut) {
  const { DATA, words } = ctx;
  const { t, ui, citeText, policyDates } = words;
  const plan = resultPlan(r, facts, DATA, words);
  const lines = [ui("text_heading"), ui("text_from", { address: `${location.origin}${location.pathname}`, date: todayISO() }), ""];
  lines.push(plan.answer, `${plan.vui(plan.next)} ${new URL(ctx.siteRoot + plan.nextPage, location.href).href}`, "");
  const itemLine = (x) => {
    if (x.kind === "find") return `- ${plan.vui("now_find_detained")}`;
    if (x.kind === "warning") return `- ${t(DATA.warnings[x.id].title)}: ${t(DATA.warnings[x.id].text)}`;
    const spec = DATA.deadlines[x.id];
    return `- ${t(spec.title)}: ${ui("deadline_clock", { days: spec.days, starts: t(spec.starts) })}`;
  };
  if (plan.now.length) lines.push(ui("text_now"), ...plan.now.map(itemLine), "");
  lines.push(plan.vui("text_options"));
  if (plan.uniform) lines.push(ui("options_all_status", { status: plan.status(plan.options[0]) }));
  for (const w of plan.shared) lines.push(`${sharedLead(ui, plan, w, t(DATA.warnings[w].title))} ${t(DATA.warnings[w].text)}`);
  for (const o of plan.options) {
    const spec = DATA.options[o.id];
    const deciders = o.decided_by.map((d) => t(DATA.deciders[d].label)).join(ui("list_separator_offices"));
    lines.push(`- ${t(spec.title)}${plan.uniform ? "" : `: ${plan.status(o)}`}. ${ui("option_who_decides", { deciders })}`);
    for (const w of o.warnings) if (!plan.shared.includes(w)) lines.push(`  ${ui("warning_title", { title: t(DATA.warnings[w].title) })}`);
    lines.push(`  ${ui("label_guidance")} ${o.sources.map(citeText).join("; ")}`);
  }
  if (plan.later.length) lines.push("", ui("text_later"), ...plan.later.map(itemLine));
  if (r.detention.length) lines.push("", ui("text_custody"), ...r.detention.map((c) => `- ${t(DATA.detention[c].title)}`));
  if (r.checklist.length) lines.push("", ui("text_for_request"), ...r.checklist.map((c) => `- ${t(DATA.checklist[c].title)}`));
  if (r.escalation.length) lines.push("", ui("text_if_no"), ...r.escalation.map((s, i) => `${i + 1}. ${t(DATA.escalation_steps[s].title)}`));
  if (r.tactics.length) lines.push("", ui("text_beyond"), ...r.tactics.map((s) => `- ${t(DATA.tactics[s].title)}`));
  const unknown = r.needs.filter((f) => f in facts);
  if (unknown.length) lines.push("", ui("text_not_known"), ...unknown.map((f) => `- ${t(DATA.facts[f].label)}`));
  lines.push("", ui("text_rules", { rules: t(DATA.policies[r.policy].title), dates: policyDates(r.policy) }));
  lines.push("", ui("text_my_answers"), ...answers);
  if (leftOut) lines.push(ui("text_left_out", { n: leftOut }));
  lines.push("", ui("label_sources"), ...r.sources.filter((s) => DATA.sources[s]).map((s) => `- ${citeText(s)}`));
  return lines.join("\n");
}

// Printing opens every disclosure of the result, so paper has the detail in the screen's order.
export function printOpensDetails(box) {
  let opened = [];
  addEventListener("beforeprint", () => {
    opened = [...box.querySelectorAll("details:not([open])")];
    for (const d of opened) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}
