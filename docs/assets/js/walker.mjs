// The guide's pure functions, shared by the page script (guide.js) and the
// tests (run in Node against `python -m pdlogic parity`): the question walker,
// with the same three-valued condition grammar as pdlogic/conditions.py, and
// the "Link to this result" encoder and decoder. No DOM, no state, no I/O.

const own = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

// ---- the condition grammar (Kleene logic, like pdlogic.conditions.evaluate) ----
export function evaluate(cond, facts, policy) {
  if (cond === null || cond === undefined) return true;
  if (own(cond, "all") || own(cond, "any")) {
    const isAll = own(cond, "all");
    let unknown = false;
    for (const part of isAll ? cond.all : cond.any) {
      const v = evaluate(part, facts, policy);
      if (v === !isAll) return !isAll;
      if (v === null) unknown = true;
    }
    return unknown ? null : isAll;
  }
  if (own(cond, "not")) {
    const v = evaluate(cond.not, facts, policy);
    return v === null ? null : !v;
  }
  if (own(cond, "policy")) return cond.policy.includes(policy);
  if (own(cond, "priority")) return false; // as in next_question: no category is known while asking
  const value = own(facts, cond.fact) ? facts[cond.fact] : null;
  if (own(cond, "unknown")) return (value === null) === Boolean(cond.unknown);
  if (value === null) return null;
  if (own(cond, "is")) return value === cond.is;
  if (own(cond, "in")) return cond.in.includes(value);
  if (own(cond, "at_least")) return value >= cond.at_least;
  throw new Error("not a condition");
}

export const holds = (cond, facts, policy) => evaluate(cond, facts, policy) === true;

/** The first question whose condition holds and that still has an absent fact (null = asked). */
export function nextQuestion(questions, facts, policy) {
  for (const q of questions) {
    if (q.facts.some((f) => !own(facts, f)) && holds(q.when, facts, policy)) return q.id;
  }
  return null;
}

/** Keep only answers to questions that would still be asked, in question order. */
export function prune(questions, facts, policy) {
  const kept = {};
  for (const q of questions) {
    if (holds(q.when, kept, policy)) for (const f of q.facts) if (own(facts, f)) kept[f] = facts[f];
  }
  return kept;
}

/** The questions a reader with these answers went through, in order, and where they stand now
 * (the next question's id, or null for the result). */
export function pathOf(questions, facts, policy) {
  const byId = Object.fromEntries(questions.map((q) => [q.id, q]));
  const known = {};
  const steps = [];
  for (let i = 0; i <= questions.length; i += 1) {
    const next = nextQuestion(questions, known, policy);
    if (next === null) return { steps, next: null };
    const q = byId[next];
    if (!q.facts.every((f) => own(facts, f))) return { steps, next };
    for (const f of q.facts) known[f] = facts[f];
    steps.push(next);
  }
  return { steps, next: null };
}

// ---- "Link to this result": answers in the URL fragment ----
// Format: #pd1&policy=<policy id>&<fact id>=<value>&...  Values are the same ids in
// every language: enum ids, true, false, unknown (= "I don't know"), or a whole number.
export const LINK_PREFIX = "pd1";
export const MAX_FRAGMENT = 2048; // characters; a full set of answers needs under 1,000
const MAX_PARTS = 64;
const TOKEN = /^[a-z0-9_-]{1,64}$/;

function encodeValue(v) {
  if (v === null) return "unknown";
  return String(v);
}

export function encodeLink(facts, policy) {
  const parts = [LINK_PREFIX, `policy=${policy}`];
  for (const [k, v] of Object.entries(facts)) parts.push(`${k}=${encodeValue(v)}`);
  return parts.join("&");
}

function decodeValue(spec, raw) {
  if (raw === "unknown") return { ok: true, value: null };
  if (spec.type === "bool") {
    if (raw === "true") return { ok: true, value: true };
    if (raw === "false") return { ok: true, value: false };
    return { ok: false };
  }
  if (spec.type === "enum") return spec.choices.includes(raw) ? { ok: true, value: raw } : { ok: false };
  if (spec.type === "int") {
    if (!/^[0-9]{1,3}$/.test(raw)) return { ok: false };
    const n = Number(raw);
    if (spec.min !== null && spec.min !== undefined && n < spec.min) return { ok: false };
    return { ok: true, value: n };
  }
  return { ok: false };
}

/**
 * Decode a fragment (without "#") made by encodeLink. Input from anyone: never throws.
 * Returns {link: false} when the fragment is not an answers link at all, else
 * {link: true, facts, policy, rejected: number of parts ignored, tooLong: bool}.
 * Only keys in the vocabulary with values of the right type are kept.
 */
export function decodeLink(fragment, vocabulary, policyIds) {
  const text = typeof fragment === "string" ? fragment : "";
  if (text.length > MAX_FRAGMENT) return { link: true, facts: {}, policy: null, rejected: 1, tooLong: true };
  let decoded = text;
  if (decoded.includes("%")) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return { link: true, facts: {}, policy: null, rejected: 1, tooLong: false };
    }
  }
  const parts = decoded.split("&");
  if (parts[0] !== LINK_PREFIX) return { link: false };
  const facts = {};
  let policy = null;
  let rejected = 0;
  const seen = new Set();
  for (const part of parts.slice(1, MAX_PARTS + 1)) {
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? "" : part.slice(eq + 1);
    if (!TOKEN.test(key) || !TOKEN.test(raw) || seen.has(key)) {
      rejected += 1;
      continue;
    }
    seen.add(key);
    if (key === "policy") {
      if (policyIds.includes(raw)) policy = raw;
      else rejected += 1;
      continue;
    }
    if (!own(vocabulary, key)) {
      rejected += 1;
      continue;
    }
    const v = decodeValue(vocabulary[key], raw);
    if (v.ok) facts[key] = v.value;
    else rejected += 1;
  }
  rejected += Math.max(0, parts.length - 1 - MAX_PARTS);
  return { link: true, facts, policy, rejected, tooLong: false };
}
