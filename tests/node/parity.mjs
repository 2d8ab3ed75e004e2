// Evaluate fact sets with pdlogic in Pyodide under Node, one Pyodide start for all of them.
// Usage: node tests/node/parity.mjs WHEEL INPUT.json TODAY OUTPUT.json
// The wheel is put on sys.path as a zip (a pure-Python wheel imports from it, and
// importlib.resources reads compiled.json from it); nothing is fetched from any network.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const [wheel, input, today, output] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const pyodide = await loadPyodide();
const target = `/tmp/${basename(wheel)}`;
pyodide.FS.mkdirTree("/tmp");
pyodide.FS.writeFile(target, readFileSync(wheel));
pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(target)})`);
const globals = pyodide.toPy({ PARITY_INPUT: readFileSync(input, "utf8"), PARITY_TODAY: today });
const ready = Date.now();
pyodide.runPython(readFileSync(join(here, "parity_eval.py"), "utf8"), { globals });
writeFileSync(output, globals.get("PARITY_OUTPUT"));
const version = pyodide.runPython("import sys; sys.version.split()[0]");
console.log(JSON.stringify({ python: version, pyodide: pyodide.version, start_ms: ready - started, run_ms: Date.now() - ready }));
