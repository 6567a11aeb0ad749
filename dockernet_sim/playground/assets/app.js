// dockernet_sim playground: loads Pyodide and this package, then drives one terminal session.
// The Python side is dockernet_sim.playground.page.Playground; everything crosses as JSON text.
"use strict";
const $ = (id) => document.getElementById(id);
const STORE = "dockernet_sim.playground";
const pg = { py: null, app: null, history: [], hpos: 0, walk: null, step: 0, done: 0, walks: [],
             loadMs: null, phases: {}, timings: [] };
window.pg = pg;

function write(text, cls) {
  if (!text) return;
  const span = document.createElement("span");
  if (cls) span.className = cls;
  span.textContent = text;
  $("screen").appendChild(span);
  $("screen").scrollTop = $("screen").scrollHeight;
}

function newHost(engine, seed, directives = [], keepScreen = false) {
  if (pg.app) pg.app.destroy();
  pg.app = pg.mod.Playground(engine, seed);
  if (!keepScreen) $("screen").textContent = "";
  // the directives set the machine up before the host is built (the drawing builds it)
  for (const d of directives) {
    const err = pg.app.directive(d);
    if (err) $("status").textContent = `dockernet_sim: ${err}`;
  }
  $("trace").innerHTML = "<i>trace A B [PORT/PROTO] shows the path here.</i>";
  $("drawing").innerHTML = pg.app.svg();
  describe();
}

function describe() {
  const d = JSON.parse(pg.app.describe());
  $("engine").value = d.engine;
  $("seed").value = d.seed;
  $("status").textContent = `Docker Engine ${d.version} simulated, seed ${d.seed}`;
}

function run(line) {
  write("$ ", "cmd"); write(line + "\n", "cmd");
  if (line.trim()) { pg.history.push(line); }
  pg.hpos = pg.history.length;
  const t0 = performance.now();
  const r = JSON.parse(pg.app.run(line));
  pg.timings.push(performance.now() - t0);
  for (const [fd, text] of r.streams) { write(text, fd === 2 ? "err" : ""); }   // as they were written
  $("drawing").innerHTML = r.svg;
  if (r.trace) { $("trace").innerHTML = r.trace; highlight(line, r.exit_code === 0); }
  pg.done += 1;
  autosave();
}

// The traced path on the drawing: both containers' boxes and every bridge the trace names.
function highlight(line, ok) {
  const words = line.trim().split(/\s+/);
  const ends = new Set([words[1], words[2]]);
  const text = $("trace").textContent;
  const cls = ok ? "hl-ok" : "hl-bad";
  for (const g of $("drawing").querySelectorAll("g.dn-box")) {
    const name = g.querySelector(".dn-name");
    if (name && ends.has(name.textContent)) g.classList.add(cls);
  }
  for (const g of $("drawing").querySelectorAll("g.dn-bridge")) {
    if (text.includes(g.dataset.bridge)) g.classList.add(cls);
  }
}

function autosave() {
  try {
    localStorage.setItem(STORE, JSON.stringify({ host: pg.app.save(), screen: $("screen").textContent,
                                                 history: pg.history }));
  } catch (e) { $("status").textContent = "could not save to the browser's storage: " + e; }
}

function restore(quiet = false) {
  const raw = localStorage.getItem(STORE);
  if (!raw) { if (!quiet) write("(nothing saved in this browser yet)\n", "err"); return; }
  let saved;
  try { saved = JSON.parse(raw); } catch (e) { write("(the saved session is damaged: " + e + ")\n", "err"); return; }
  const msg = pg.app.load(saved.host);
  $("screen").textContent = saved.screen || "";
  pg.history = saved.history || []; pg.hpos = pg.history.length;
  write("# " + msg, "cmd");
  $("drawing").innerHTML = pg.app.svg();
  describe();
}

function showStep() {
  const w = pg.walk;
  if (!w || pg.step >= w.steps.length) {
    $("guide").textContent = w ? `${w.title} — all ${w.steps.length} steps done.` : "";
    $("next").disabled = true;
    return;
  }
  const s = w.steps[pg.step];
  const fresh = s.new_host ? `\n(this step starts a new host: Docker Engine ${s.new_host.engine}, seed ${s.new_host.seed})` : "";
  $("guide").textContent = `${w.title} — step ${pg.step + 1}/${w.steps.length}` + (s.note ? `\n${s.note}` : "") + fresh;
  $("line").value = s.command;
  $("next").disabled = false;
}

function startWalk(name) {
  pg.walk = pg.walks.find((w) => w.name === name) || null;
  pg.step = 0;
  if (!pg.walk) { showStep(); return; }
  newHost(pg.walk.engine, pg.walk.seed, pg.walk.directives);
  showStep();
  $("line").focus();
}

function enter() {
  const line = $("line").value;
  $("line").value = "";
  const w = pg.walk;
  if (w && pg.step < w.steps.length && line === w.steps[pg.step].command) {
    const fresh = w.steps[pg.step].new_host;    // the example goes on with another host from here
    if (fresh) {
      newHost(fresh.engine, fresh.seed, fresh.directives, true);
      write(`# a new host: ${$("status").textContent}\n`, "cmd");
    }
    pg.step += 1;
  }
  run(line);
  showStep();
}

function complete() {
  const el = $("line");
  const words = JSON.parse(pg.app.complete(el.value));
  if (words.length === 1) {
    el.value = el.value.replace(/\S*$/, words[0] + " ");
  } else if (words.length > 1) {
    write("$ " + el.value + "\n" + words.join("  ") + "\n", "cmd");
  }
}

function download(name, text) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function wire() {
  $("line").addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); enter(); }
    else if (e.key === "Tab") { e.preventDefault(); complete(); }
    else if (e.key === "ArrowUp" && pg.hpos > 0) { e.preventDefault(); $("line").value = pg.history[--pg.hpos]; }
    else if (e.key === "ArrowDown") {
      e.preventDefault();
      pg.hpos = Math.min(pg.history.length, pg.hpos + 1);
      $("line").value = pg.history[pg.hpos] || "";
    }
  });
  $("reset").onclick = () => { pg.walk = null; $("walk").value = ""; showStep();
                               newHost($("engine").value, parseInt($("seed").value, 10) || 0); };
  $("engine").onchange = () => $("reset").click();   // a host is built for one engine: start afresh
  $("seed").onchange = () => $("reset").click();
  $("walk").onchange = () => startWalk($("walk").value);
  $("next").onclick = () => { if (pg.walk && pg.step < pg.walk.steps.length) enter(); };
  $("save").onclick = () => { autosave(); write("# saved in this browser\n", "cmd"); };
  $("restore").onclick = () => restore();
  $("export").onclick = () => download("dockernet_sim-host.json", pg.app.save());
  $("import").onchange = async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    write("# " + pg.app.load(await f.text()), "cmd");
    $("drawing").innerHTML = pg.app.svg();
    describe();
    e.target.value = "";
  };
  document.addEventListener("click", (e) => { if (e.target.id === "screen") $("line").focus(); });
}

async function main() {
  const t0 = performance.now();
  // when each stage ended, in ms from the script's start (bench/playground_bench.py reads them)
  const mark = (stage) => { pg.phases[stage] = Math.round(performance.now() - t0); };
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
  const [py, zip, walks] = await Promise.all([
    loadPyodide().then((p) => { mark("pyodide"); return p; }),
    fetch("dockernet_sim.zip").then((r) => r.arrayBuffer()),
    fetch("walkthroughs.json").then((r) => r.json()),
  ]);
  py.unpackArchive(zip, "zip", { extractDir: "/home/pyodide/site" });
  py.runPython("import sys; sys.path.insert(0, '/home/pyodide/site')");
  pg.py = py;
  pg.mod = py.pyimport("dockernet_sim.playground.page");
  mark("import");
  const engines = JSON.parse(pg.mod.engines());   // the default engine first
  for (const e of engines) {
    const o = document.createElement("option"); o.value = o.textContent = e; $("engine").appendChild(o);
  }
  pg.walks = walks;
  for (const w of walks) {
    const o = document.createElement("option"); o.value = w.name; o.textContent = w.title; $("walk").appendChild(o);
  }
  newHost(engines[0], 0);
  restore(true);   // the last session in this browser, if any ("new host" starts afresh)
  wire();
  $("line").disabled = false;
  $("line").focus();
  pg.loadMs = performance.now() - t0;
  document.body.dataset.ready = "1";
}

main().catch((e) => { $("status").textContent = "failed to start: " + e; console.error(e); });
