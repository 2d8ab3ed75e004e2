// Question rendering: one question as a form (the same HTML sitegen/guide.py writes for the
// first one), reading the reader's answer back, and an answer as words for the path summary.
import { el } from "./guide-text.mjs";

// The question's words in the reader's voice: "you", or "the person" for a reader asking for
// someone else or for a client (the first question, asking_for).
export function voiced(t, voice) {
  return (obj, key) => t((voice !== "self" && obj[`${key}_someone_else`]) || obj[key]);
}

export function renderQuestion(q, facts, { t, ui }, voice = "self") {
  const v = voiced(t, voice);
  const form = el("form", { class: "pd-question", "data-question": q.id, method: "dialog", novalidate: true });
  const fs = el("fieldset");
  fs.append(el("legend", {}, el("h2", { class: "pd-question__text", tabindex: "-1", text: v(q, "text") })));
  if (q.help) fs.append(el("p", { class: "pd-help", text: v(q, "help") }));
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
          el("label", { for: id, text: v(item, "label") }),
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
        el("input", { type: "checkbox", id: `pd-${q.id}-unknown`, name: "__unknown", value: "unknown", checked: allNull }),
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
          el("label", { for: id, text: v(a, "label") }),
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

// The facts a submitted form gives, or the error to show under it.
export function readAnswer(form, q, { ui }) {
  if (q.kind === "multi") {
    const unknown = form.querySelector('input[name="__unknown"]').checked;
    const none = form.querySelector('input[name="__none"]').checked;
    const checked = q.facts.filter((f) => form.querySelector(`input[name="${f}"]`).checked);
    if (unknown && (none || checked.length)) return { error: ui("error_multi_mixed") };
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

export function answerText(q, facts, { t }, voice = "self") {
  const v = voiced(t, voice);
  if (q.kind === "multi") {
    if (q.facts.every((f) => facts[f] === null)) return t(q.unknown_label);
    const yes = q.items.filter((it) => facts[it.fact] === true).map((it) => v(it, "label"));
    return yes.length ? yes.join("; ") : t(q.none_label);
  }
  const value = facts[q.facts[0]];
  const a = q.answers.find((x) => x.value === value);
  return a ? v(a, "label") : t(q.unknown_label);
}

// Ticking "none" or "not sure" clears the other boxes, and the reverse.
export function exclusiveBoxes(event) {
  const input = event.target;
  if (input.type !== "checkbox" || !input.checked) return;
  const special = input.name === "__none" || input.name === "__unknown";
  for (const other of input.form.querySelectorAll('input[type="checkbox"]')) {
    if (other === input) continue;
    if (special || other.name === "__none" || other.name === "__unknown") other.checked = false;
  }
}
