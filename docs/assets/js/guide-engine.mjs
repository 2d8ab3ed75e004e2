// The engine client: pdlogic in Pyodide, in a Web Worker (engine-worker.js), so the page never
// waits for Python. It reports "ready" or "failed" once, and each result with the id of the
// request it answers (an answer to an older request is dropped by the page).

// How long Pyodide may take to start before the guide gives up and shows the
// static pages instead (a slow phone takes ~10 s; a failed file fails at once).
const ENGINE_TIMEOUT_MS = 60_000;

export class EngineClient {
  constructor({ onState, onResult }) {
    this.state = "loading";
    this.onState = onState;
    this.onResult = onResult;
    this.worker = null;
    this.watchdog = null;
    this.requestId = 0;
  }

  start() {
    try {
      if (typeof WebAssembly !== "object" || typeof Worker !== "function") throw new Error("no WebAssembly");
      this.worker = new Worker(new URL("engine-worker.js", import.meta.url), { type: "module" });
      this.worker.onmessage = (event) => {
        const msg = event.data || {};
        if (msg.type === "ready") this.set("ready");
        else if (msg.type === "failed" && this.state !== "ready") this.set("failed", msg.reason);
        else if (msg.type === "result" && msg.id === this.requestId) this.onResult(msg);
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.set("failed", "the engine's script did not load");
      };
      this.watchdog = setTimeout(() => this.set("failed", "the engine took too long to start"), ENGINE_TIMEOUT_MS);
      this.worker.postMessage({ type: "start" });
    } catch (err) {
      this.set("failed", String(err));
    }
  }

  set(state, reason) {
    if (this.state === "failed") return;
    this.state = state;
    clearTimeout(this.watchdog);
    if (state === "failed") this.terminate();
    this.onState(state, reason);
  }

  // Ask for a result; only the latest request's answer reaches onResult.
  evaluate(facts, policy, today) {
    this.requestId += 1;
    this.worker.postMessage({ type: "evaluate", id: this.requestId, facts, policy, today });
  }

  // A request whose answer is no longer wanted (the reader left the result).
  forget() {
    this.requestId += 1;
  }

  terminate() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
  }
}
