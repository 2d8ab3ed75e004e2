// The guide's words and dates: texts from the data and from sitegen/guide_text.yaml (one
// language per page), dates as the reader reads them, and a document's status today. Every
// text is inserted as a text node, never as HTML.

export function el(tag, attrs = {}, ...children) {
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

export function say(node, text) {
  node.textContent = text;
  node.hidden = !text;
}

// "Today" in the reader's browser is the device's own date, read here only: the status
// words on the page and the engine's result (it gets this date with every question) agree.
export function todayISO() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseDate(s) {
  if (s === "undated") return new Date(-8e15);
  const p = s.split("-").map(Number);
  return new Date(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1));
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

// The texts of one page: everything below reads DATA (the page data) and nothing else.
export function texts(DATA) {
  // A text from the data: each carries only this page's language.
  const t = (text) => (text && typeof text === "object" ? text[DATA.lang] : text || "");
  // A text of the page itself, with its {name} placeholders filled. A missing key or value
  // is a build error: throw.
  function ui(key, vars = {}) {
    const text = DATA.ui ? DATA.ui[key] : undefined;
    if (typeof text !== "string") throw new Error(`guide: no text "${key}" in DATA.ui`);
    return text.replace(/\{(\w+)\}/g, (_, name) => {
      if (!(name in vars)) throw new Error(`guide: text "${key}" needs a value for {${name}}`);
      return String(vars[name]);
    });
  }
  const has = (key) => Boolean(DATA.ui && typeof DATA.ui[key] === "string");
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
  // The last known state of a document on the reader's day, or null where it could have
  // changed since the last check (then the status is unknown, never assumed to continue).
  function lastState(doc) {
    const now = parseDate(todayISO());
    let change = null;
    for (const c of doc.status) if (parseDate(c.since) <= now) change = c;
    if (!change) return { kind: "not_yet" };
    if (doc.status[doc.status.length - 1].state === "published") return { kind: "published" };
    if (!DATA.final_states.includes(change.state) && now > parseDate(doc.verified_through))
      return { kind: "unknown", checked: doc.verified_through };
    return { kind: DATA.final_states.includes(change.state) ? "final" : "holding", change };
  }
  // The same words as the site's badges (sitegen/text.py, decision 0008): the last known state
  // with its date; "status unknown" only where that state could still have changed since.
  function statusToday(doc) {
    const s = lastState(doc);
    if (s.kind === "not_yet") return ui("state_not_yet");
    if (s.kind === "published") return ui("state_published");
    if (s.kind === "unknown") return ui("status_unknown_after", { date: humanDate(s.checked) });
    const state = STATE_KEYS[s.change.state] ? ui(STATE_KEYS[s.change.state]) : s.change.state;
    const date = humanDate(s.change.since);
    const words = ui(s.kind === "final" ? "badge_state_on" : "badge_state_since", { state, date });
    return s.change.confirmed ? words : words + ui("unconfirmed_suffix");
  }
  const citeText = (sid) => {
    const doc = DATA.sources[sid];
    return `${t(doc.title)} (${humanDate(doc.date)}; ${statusToday(doc)})`;
  };
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
  return { t, ui, has, humanDate, lastState, statusToday, citeText, policyDates };
}
