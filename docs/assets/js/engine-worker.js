// The guide's engine: Pyodide and the pdlogic wheel, in a Web Worker so the page
// never freezes while Python starts. Everything is loaded from this site; the
// reader's answers only ever travel between the page and this worker.
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const runtime = new URL("../../pyodide/", import.meta.url).href;
let evaluate = null;
let failed = false;

// Pyodide does not always reject when one of its files fails to load (an aborted
// wasm download can leave it waiting forever). Every fetch goes through here, so a
// failed file is reported at once and the page shows its fallback within seconds.
function fail(reason) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "failed", reason: String(reason).slice(0, 200) });
}
const realFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const url = String(input && input.url ? input.url : input);
  // Only the runtime's own files, and only while starting, decide whether the engine works.
  const watched = evaluate === null && new URL(url, runtime).href.startsWith(runtime);
  try {
    const res = await realFetch(input, init);
    if (watched && !res.ok) fail(`${url.split("/").pop()} could not be loaded (${res.status})`);
    return res;
  } catch (err) {
    // A fetch with `integrity` (the wheel, from the lock file) also fails when the file's sha256
    // is not the one the build recorded.
    const check = init && init.integrity ? " or does not match the build" : "";
    if (watched) fail(`${url.split("/").pop()} could not be loaded${check}`);
    throw err;
  }
};
self.addEventListener("unhandledrejection", (event) => {
  if (evaluate === null) fail(event.reason && event.reason.message ? event.reason.message : "the engine failed to start");
});

async function start() {
  if (typeof WebAssembly !== "object") throw new Error("This browser cannot run WebAssembly.");
  // indexURL: the runtime and its lock file (written by the build: the runtime's own plus
  // pdlogic) come from this site. packageBaseUrl: so do the packages; without it Pyodide
  // would look for them on its CDN.
  const pyodide = await loadPyodide({ indexURL: runtime, packageBaseUrl: runtime });
  // By name, through the lock file: Pyodide fetches the wheel with the lock file's sha256 as
  // subresource integrity, so a wheel changed after the build is refused (decision 0003).
  // checkIntegrity must be given: an options object without it turns the check off.
  let refused = "";
  await pyodide.loadPackage("pdlogic", {
    checkIntegrity: true,
    messageCallback: () => {},
    errorCallback: (message) => (refused = refused || message),
  });
  if (!pyodide.loadedPackages.pdlogic) throw new Error(refused || "pdlogic could not be loaded");
  pyodide.runPython(`
import datetime
import json
import pdlogic

def _evaluate(facts_json, policy, today):
    # The page sends the device's date; without one, the engine's own clock.
    day = datetime.date.fromisoformat(today) if today else None
    try:
        result = pdlogic.evaluate(json.loads(facts_json), policy or None, day)
    except pdlogic.FactsError as exc:
        return json.dumps({"ok": False, "key": exc.key, "message": str(exc)})
    except pdlogic.PolicyError as exc:
        return json.dumps({"ok": False, "key": "policy", "message": str(exc)})
    return json.dumps({"ok": True, "result": result.to_dict()})
`);
  evaluate = pyodide.globals.get("_evaluate");
}

let started = null;

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === "start") {
    started = started || start();
    try {
      await started;
      if (!failed) self.postMessage({ type: "ready" });
    } catch (err) {
      fail(err && err.message ? err.message : err);
    }
    return;
  }
  if (msg.type === "evaluate") {
    try {
      await started;
      const out = JSON.parse(evaluate(JSON.stringify(msg.facts), msg.policy || "", msg.today));
      self.postMessage({ type: "result", id: msg.id, ...out });
    } catch (err) {
      // Never a Python traceback on the page: a short reason only.
      self.postMessage({ type: "result", id: msg.id, ok: false, key: null, message: "The engine could not compute a result." });
    }
  }
};
