"""Every example runs: each notebook's code cells in one namespace, each script in a subprocess.

The notebooks are nbformat 4 JSON, read with the json module (no Jupyter needed). Each
``examples/NN_name.py`` script has a notebook twin ``NN_name.ipynb`` with the same cells.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
SCRIPTS = sorted(EXAMPLES.glob("[0-9]*.py"))


def test_every_script_has_a_notebook() -> None:
    assert len(SCRIPTS) >= 5
    assert {p.stem for p in SCRIPTS} == {p.stem for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    monkeypatch.chdir(tmp_path)                      # anything a notebook writes lands here
    namespace: dict[str, object] = {"__name__": "__main__"}
    last = None
    for i, cell in enumerate(nb["cells"]):
        assert cell["cell_type"] in ("code", "markdown", "raw")
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        exec(compile(source, f"{path.name}[cell {i}]", "exec"), namespace)
        last = source
    assert last is not None
    # what a notebook shows richly must render without errors
    for value in list(namespace.values()):
        for method in ("_repr_html_", "_repr_svg_"):
            bound = getattr(value, method, None)
            if callable(bound) and not isinstance(value, type):
                assert isinstance(bound(), str)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_script_runs(path: Path, tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    args = [sys.executable, str(path)]
    if path.name.startswith("01_"):
        args.append(str(tmp_path / "tutorial.svg"))
    proc = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip()
    assert "Traceback" not in proc.stderr
    if path.name.startswith("01_"):
        import xml.etree.ElementTree as ET
        ET.parse(tmp_path / "tutorial.svg")
