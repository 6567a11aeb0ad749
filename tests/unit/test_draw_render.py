"""The drawings as a browser renders them: headless Chromium lays out the SVG (with the fonts a
browser really has), and no two texts may overlap — several networks, a container: mode guest,
MACs, the default-route mark, a highlighted trace, and the projector sizes. Skipped, with the
reason, where Chromium is not installed (``apt-get install -y chromium``)."""

from __future__ import annotations

import html
import itertools
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.display import Drawing

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def classroom() -> DockerHost:
    h = DockerHost(engine="28")
    for line in ["docker network create --subnet 10.1.0.0/24 front",
                 "docker network create --subnet 10.2.0.0/24 back",
                 "docker run -itd --name web --network front -p 8080:80 busybox httpd -f -p 80",
                 "docker run -itd --name db --network back busybox",
                 "docker network connect back web",
                 "docker run -itd --name side --network container:web busybox",
                 "docker run -itd --name lone busybox",
                 "docker run -itd --name hostos --network host busybox",
                 "docker run -itd --name nothing --network none busybox"]:
        assert h.sh(line).exit_code == 0, line
    return h


def boxes(svg: str) -> list[tuple[str, float, float, float, float]]:
    """Every text element's rendered box: (text, x, y, width, height)."""
    page = ("<!doctype html><html><body style='margin:0'>" + svg + "<pre id='out'></pre><script>"
            "const r=[];document.querySelectorAll('svg text').forEach(t=>{const b=t.getBoundingClientRect();"
            "r.push([t.textContent,b.x,b.y,b.width,b.height].join('\\t'))});"
            "document.getElementById('out').textContent=r.join('\\n');</script></body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        assert CHROMIUM is not None
        dom = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp}/profile", "--dump-dom", f"file://{path}"],
                             capture_output=True, text=True, timeout=120).stdout
    body = dom.split("<pre id=\"out\">", 1)[1].split("</pre>", 1)[0]
    out = []
    for line in html.unescape(body).splitlines():
        text, *nums = line.split("\t")
        x, y, w, hgt = map(float, nums)
        out.append((text, x, y, w, hgt))
    return out


def overlaps(found: list[tuple[str, float, float, float, float]], slack: float = 1.0) -> list[str]:
    bad = []
    for a, b in itertools.combinations(found, 2):
        ax, ay, aw, ah = a[1:]
        bx, by, bw, bh = b[1:]
        if ax + aw - slack > bx and bx + bw - slack > ax and ay + ah - slack > by and by + bh - slack > ay:
            bad.append(f"{a[0]!r} overlaps {b[0]!r}")
    return bad


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
@pytest.mark.parametrize("form", ["plain", "scaled", "font", "trace"])
def test_rendered_texts_do_not_overlap(form: str) -> None:
    h = classroom()
    t = h.reach("web", "db", by_name=True)
    d = {"plain": lambda: h.draw(), "scaled": lambda: h.draw(scale=2), "font": lambda: h.draw(font_size=18),
         "trace": lambda: h.draw(trace=t)}[form]()
    found = boxes(str(d))
    assert len(found) > 20
    assert not overlaps(found), overlaps(found)


def test_every_call_form_returns_a_drawing(tmp_path: "os.PathLike[str]") -> None:
    h = classroom()
    t = h.reach("lone", "example.com", by_name=True)
    for d in (h.draw(), h.draw(scale=1.5), h.draw(font_size=16), h.draw(trace=t), h.draw(2, 14, t)):
        assert isinstance(d, Drawing)
        ET.fromstring(str(d))
    big = ET.fromstring(str(h.draw(scale=2)))
    small = ET.fromstring(str(h.draw()))
    assert float(big.get("width", 0)) == pytest.approx(2 * float(small.get("width", 0)), abs=1)
    assert big.get("viewBox") == small.get("viewBox")
    path = os.path.join(str(tmp_path), "host.svg")
    h.draw(trace=t).save(path)
    with open(path, encoding="utf-8") as f:
        svg = f.read()
    # the path: lone's box, docker0, its veth and the uplink to the outside are highlighted
    assert svg.count("dn-on-path") >= 4 and "traced: lone → example.com" in svg
    assert "mac " in svg and "holds the default route" in svg
    with pytest.raises(ValueError):
        h.draw(scale=0)


def test_the_overlap_check_can_fail() -> None:
    assert overlaps([("a", 0, 0, 10, 10), ("b", 5, 5, 10, 10)]) == ["'a' overlaps 'b'"]
    assert overlaps([("a", 0, 0, 10, 10), ("b", 10, 0, 10, 10)]) == []


def _segments(d: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    import re
    toks = re.findall(r"[MVH]|-?[\d.]+", d)
    x = y = 0.0
    out = []
    i = 0
    while i < len(toks):
        if toks[i] == "M":
            x, y = float(toks[i + 1]), float(toks[i + 2])
            i += 3
        elif toks[i] == "V":
            out.append(((x, y), (x, float(toks[i + 1]))))
            y = float(toks[i + 1])
            i += 2
        else:
            out.append(((x, y), (float(toks[i + 1]), y)))
            x = float(toks[i + 1])
            i += 2
    return out


def _crosses(a: tuple[tuple[float, float], tuple[float, float]], b: tuple[tuple[float, float], tuple[float, float]]) -> bool:
    (ax1, ay1), (ax2, ay2) = a
    (bx1, by1), (bx2, by2) = b
    if ax1 == ax2 and by1 == by2:
        return min(bx1, bx2) < ax1 < max(bx1, bx2) and min(ay1, ay2) < by1 < max(ay1, ay2)
    if ay1 == ay2 and bx1 == bx2:
        return _crosses(b, a)
    return False


def test_no_veth_line_crosses_another_with_several_networks() -> None:
    import re
    h = classroom()
    h.sh("docker network create --subnet 10.3.0.0/24 third")
    h.sh("docker network connect third db")
    h.sh("docker network connect front db")
    paths = re.findall(r'class="dn-veth-line[^"]*" d="([^"]+)"', str(h.draw()))
    assert len(paths) >= 6
    bad = [(p, q) for p, q in itertools.combinations(paths, 2)
           for s1 in _segments(p) for s2 in _segments(q) if _crosses(s1, s2)]
    assert not bad, bad
    assert _crosses(((5, 0), (5, 10)), ((0, 5), (10, 5)))          # the check can fail
