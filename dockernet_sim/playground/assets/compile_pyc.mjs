// Compile this package's modules to bytecode with Pyodide's own CPython, under Node, at build time.
//   node compile_pyc.mjs PYODIDE_DIR SOURCE_ZIP OUT_ZIP
// The .pyc a browser imports must come from the CPython version Pyodide is built on (its magic
// number and bytecode change with every minor version), so it is made by that very interpreter.
// OUT_ZIP holds only the __pycache__/*.pyc files, hash-based and unchecked: nothing to stat or
// re-read at import time, and the same source gives the same bytes (no timestamps inside).
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [dir, source, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: dir + path.sep });
py.unpackArchive(new Uint8Array(await readFile(source)), "zip", { extractDir: "/build" });
py.runPython(`
import compileall, io, os, py_compile, zipfile
ok = compileall.compile_dir("/build", quiet=1, workers=1,
                            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
if not ok:
    raise SystemExit("compileall failed")
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
    for root, _, files in sorted(os.walk("/build")):
        for f in sorted(files):
            if f.endswith(".pyc"):
                full = os.path.join(root, f)
                z.write(full, os.path.relpath(full, "/build"))
result = buf.getvalue()
`);
await writeFile(out, py.globals.get("result").toJs());
