// Members of Congress by ZIP code or state, on this device (issue 17; sitegen/congress.py).
//
// - The ZIP code is looked up in this page, in a table of the site's own
//   (assets/data/congress-zips.json, fetched whole, without the ZIP): it is never sent,
//   never put in the address (the input has no name and the form never submits), never stored.
// - The members shown are copies of the cards already in the page (the list by state that
//   readers without JavaScript use), so both always agree.
// - Dated notes (data-pd-from="YYYY-MM-DD") appear from that day on the device's date, as the
//   guide reads it: the page built before January 3, 2027 still says so after it.
// - The organizers' sheet fills in a state's senators before printing.
(function () {
  "use strict";

  function todayISO() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  const today = todayISO();
  for (const note of document.querySelectorAll("[data-pd-from]")) {
    if (today >= note.getAttribute("data-pd-from")) note.hidden = false;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }
  function readJSON(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // ---- the lookup ----
  const form = document.getElementById("pd-members-form");
  const words = readJSON("pd-members-words");
  if (form && words) lookup(form, words);

  function lookup(form, words) {
    const result = document.getElementById("pd-members-result");
    const list = document.getElementById("pd-members-list");
    const input = document.getElementById("pd-zip");
    const choice = document.getElementById("pd-state-choice");
    const house = "https://www.house.gov/representatives/find-your-representative";
    let table = null;

    function load() {
      if (!table) {
        table = fetch(form.getAttribute("data-zips"), { credentials: "omit" })
          .then((r) => {
            if (!r.ok) throw new Error(String(r.status));
            return r.json();
          })
          .then(decode);
        table.catch(() => {
          table = null; // try again next time (back online)
        });
      }
      return table;
    }
    // Each district's ZIP areas: the first, then the gaps, in base 36.
    function decode(body) {
      const map = new Map();
      for (const [key, encoded] of Object.entries(body.d)) {
        let n = 0;
        for (const part of encoded.split(",")) {
          n += parseInt(part, 36);
          const zip = String(n).padStart(5, "0");
          const found = map.get(zip);
          if (found) found.push(key);
          else map.set(zip, [key]);
        }
      }
      return map;
    }

    function say(...nodes) {
      result.replaceChildren(...nodes);
      result.focus();
    }
    function finder() {
      return el("a", { href: house, rel: "noreferrer noopener" }, words.house_finder);
    }
    function cards(selector) {
      return [...list.querySelectorAll(selector)].map((card) => {
        const copy = card.cloneNode(true);
        copy.hidden = false;
        return copy;
      });
    }
    function stateBlock(state, districts) {
      const name = words.states[state];
      const block = el("section", { class: "pd-result-state", "data-state": state });
      block.append(el("h3", {}, name));
      if (words.no_senators_states.includes(state)) {
        block.append(el("p", { class: "pd-result-nosen" }, fill(words.no_senators, { state: name })));
      } else {
        block.append(el("p", {}, el("strong", {}, words.senators)));
        block.append(...cards(`article.pd-member[data-state="${state}"][data-chamber="sen"]`));
      }
      block.append(el("p", {}, el("strong", {}, words.representatives)));
      const wanted = districts || [...list.querySelectorAll(`[data-state="${state}"][data-chamber="rep"]`)].map((n) => Number(n.getAttribute("data-district")));
      for (const d of wanted) {
        if (d === 0 && !words.no_senators_states.includes(state)) {
          block.append(el("p", { class: "pd-result-atlarge" }, fill(words.at_large, { state: name })));
        }
        const found = cards(`article.pd-member[data-state="${state}"][data-chamber="rep"][data-district="${d}"]`);
        if (found.length) block.append(...found);
        else block.append(el("p", { class: "pd-vacant" }, fill(words.seat_missing, { state: name, district: d })));
      }
      return block;
    }

    function showZip(zip) {
      if (!/^\d{5}$/.test(zip)) {
        say(el("p", { class: "pd-result-message" }, words.zip_invalid));
        return Promise.resolve();
      }
      say(el("p", {}, words.loading));
      return load().then(
        (map) => {
          const started = performance.now();
          const keys = map.get(zip);
          if (!keys) {
            say(el("p", { class: "pd-result-message pd-result-unknown" }, fill(words.zip_unknown, { zip })), el("p", {}, finder()));
            return;
          }
          const byState = new Map();
          for (const key of keys) {
            const [state, district] = key.split("-");
            if (!byState.has(state)) byState.set(state, []);
            byState.get(state).push(Number(district));
          }
          const nodes = [];
          if (keys.length === 1) nodes.push(el("p", { class: "pd-result-count", "data-districts": "1" }, fill(words.zip_one, { zip })));
          else {
            nodes.push(el("p", { class: "pd-result-count", "data-districts": String(keys.length) }, fill(words.zip_many, { zip, count: keys.length })));
            nodes.push(el("p", { class: "pd-result-how" }, words.zip_how_to_tell + " ", finder()));
          }
          if (byState.size > 1) nodes.push(el("p", {}, words.zip_states_many));
          for (const [state, districts] of byState) nodes.push(stateBlock(state, districts.sort((a, b) => a - b)));
          say(...nodes);
          result.setAttribute("data-ms", (performance.now() - started).toFixed(2));
        },
        () => say(el("p", { class: "pd-result-message" }, words.load_failed)),
      );
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault(); // never a request, never the ZIP in the address
      showZip(input.value.trim());
    });
    choice.addEventListener("change", () => {
      if (choice.value) say(stateBlock(choice.value, null));
    });
    form.hidden = false;
    // Ready before the first ZIP: the table is the site's own file, the same for everyone.
    if ("requestIdleCallback" in window) requestIdleCallback(() => load().catch(() => {}));
    else setTimeout(() => load().catch(() => {}), 500);
    window.pdMembers = { showZip }; // for bench/congress.py's timing
  }

  // ---- the call script and letter: filled in from the reader's words, in this page only ----
  const fillBox = document.getElementById("pd-fill");
  if (fillBox) {
    const blank = "________";
    for (const input of fillBox.querySelectorAll("[data-fill]")) {
      input.addEventListener("input", () => {
        for (const out of document.querySelectorAll(`[data-out="${input.getAttribute("data-fill")}"]`)) {
          out.textContent = input.value.trim() || blank;
        }
      });
    }
    fillBox.hidden = false;
    const buttons = document.getElementById("pd-fill-buttons");
    const status = document.getElementById("pd-fill-status");
    for (const button of buttons.querySelectorAll("[data-copy]")) {
      button.addEventListener("click", () => {
        const block = document.getElementById(button.getAttribute("data-copy"));
        const done = () => (status.textContent = status.getAttribute("data-done"));
        const failed = () => {
          const range = document.createRange();
          range.selectNodeContents(block);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = status.getAttribute("data-failed");
        };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(block.innerText).then(done, failed);
        else failed();
      });
    }
    buttons.hidden = false;
  }

  // ---- the organizers' sheet ----
  const sheet = document.getElementById("pd-sheet-form");
  const senators = readJSON("pd-senators");
  const sheetWords = readJSON("pd-sheet-words");
  if (sheet && senators && sheetWords) {
    const select = document.getElementById("pd-sheet-state");
    const target = document.getElementById("pd-sheet-senators");
    const blank = target.cloneNode(true);
    select.addEventListener("change", () => {
      const state = select.value;
      if (!state) {
        target.replaceChildren(...blank.cloneNode(true).childNodes);
        return;
      }
      const list = senators[state] || [];
      const nodes = [el("p", {}, el("strong", {}, `${sheetWords.senators}: ${sheetWords.states[state]}`))];
      if (!list.length) nodes.push(el("p", {}, sheetWords.sheet_none));
      for (const s of list) {
        const office = s.offices.find((o) => o.phone);
        const lines = [el("strong", {}, s.name)];
        if (s.dc_phone) lines.push(` · ${sheetWords.dc_office}: ☎ ${s.dc_phone}`);
        if (office) lines.push(` · ${office.city}: ☎ ${office.phone}`);
        nodes.push(el("p", { class: "pd-sheet-senator" }, ...lines));
      }
      target.replaceChildren(...nodes);
    });
    sheet.hidden = false;
  }
})();
