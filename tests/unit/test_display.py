"""The notebook display: SVG drawing of a host (parsed with xml.etree) and the HTML views."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from dockernet_sim import DockerHost
from dockernet_sim import display
from dockernet_sim.result import Result

SVG = "{http://www.w3.org/2000/svg}"

TUTORIAL = [
    "docker run -itd --name busybox1 busybox",
    "docker network create --subnet 172.18.0.0/16 --gateway 172.18.0.1 nasanet",
    "docker run -itd --name nasa --network nasanet busybox",
    "docker run -idt --name hostos --network host busybox",
    "docker run -itd --name none-nasa --net=none busybox",
    "docker run -idt --name nasa-master busybox",
    "docker run -itd --name nasa-slave --net=container:nasa-master busybox",
    "docker run -itd --name web -p 8080:80 busybox",
]


def _host(lines: list[str], engine: str = "28") -> DockerHost:
    h = DockerHost(engine=engine, seed=0)
    for line in lines:
        r = h.sh(line)
        assert r.exit_code == 0, r
    return h


@pytest.fixture(scope="module")
def tutorial() -> DockerHost:
    return _host(TUTORIAL)


def _classes(el: ET.Element) -> set[str]:
    return set(el.get("class", "").split())


def _find(root: ET.Element, cls: str) -> list[ET.Element]:
    return [el for el in root.iter() if cls in _classes(el)]


def _texts(root: ET.Element) -> list[str]:
    return [el.text or "" for el in root.iter(SVG + "text")]


def _rect_box(el: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(el.get(k)) for k in ("x", "y", "width", "height"))
    return x, y, x + w, y + h


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- the tutorial's picture ---------------------------------------------------------------------------

def test_svg_parses_and_has_a_box_per_container_namespace(tutorial: DockerHost) -> None:
    root = ET.fromstring(display.host_svg(tutorial))
    assert root.tag == SVG + "svg"
    spaces = {tutorial.container_netns(c).name for c in tutorial.containers.values()
              if tutorial.container_netns(c) is not None and tutorial.container_netns(c) is not tutorial.kernel.host}
    boxes = _find(root, "dn-netns")
    assert len(boxes) == len(spaces) == 5       # busybox1, nasa, none-nasa, nasa-master(+slave), web
    groups = {g.get("data-netns") for g in _find(root, "dn-box")}
    assert spaces <= groups


def test_svg_has_a_line_per_veth_pair(tutorial: DockerHost) -> None:
    root = ET.fromstring(display.host_svg(tutorial))
    pairs = [l for l in tutorial.kernel.host.links.values() if l.kind == "veth" and l.peer is not None]
    assert len(_find(root, "dn-veth-line")) == len(pairs) == 4
    texts = _texts(root)
    for l in pairs:                                  # each host end named, as `ip a` shows it
        assert f"{l.name}@if{l.peer.index}" in texts
        assert f"{l.peer.name}@if{l.index}" in texts


def test_svg_shows_every_element_of_the_tutorials_picture(tutorial: DockerHost) -> None:
    svg = display.host_svg(tutorial)
    root = ET.fromstring(svg)
    texts = " | ".join(_texts(root))
    nasanet = tutorial.ctl.find_network("nasanet")
    # the host: eth0, docker0 and the br-… bridge, as bridge boxes with their addresses
    assert "eth0 192.0.2.2/24" in texts
    bridges = {g.get("data-bridge") for g in _find(root, "dn-bridge")}
    assert bridges == {"docker0", nasanet.bridge}
    assert "docker0  172.17.0.1/16" in texts and f"{nasanet.bridge}  172.18.0.1/16" in texts
    # container boxes with eth0@ifN and IPs
    for name, ip in [("busybox1", "172.17.0.2/16"), ("nasa", "172.18.0.2/16"), ("nasa-master", "172.17.0.3/16")]:
        assert name in _texts(root) and ip in _texts(root)
    assert re.search(r"eth0@if\d+", texts)
    # the host-mode container inside the host box
    host_box = _rect_box(_find(root, "dn-hostns")[0])
    hm = _find(root, "dn-hostmode")
    assert len(hm) == 1 and "hostos (host mode)" in texts
    b = _rect_box(hm[0])
    assert host_box[0] <= b[0] and b[2] <= host_box[2] and host_box[1] <= b[1] and b[3] <= host_box[3]
    # the none container: a box with lo only
    none = [g for g in _find(root, "dn-box") if "dn-none" in " ".join(r.get("class", "") for r in g)]
    assert len(none) == 1
    none_texts = [t.text for t in none[0].iter(SVG + "text")]
    assert "none-nasa" in none_texts and "lo" in none_texts and not any("eth" in (t or "") for t in none_texts)
    # the shared namespace: nasa-slave drawn in nasa-master's box
    shared = [g for g in _find(root, "dn-box") if any("nasa-slave" in (t.text or "") for t in g.iter(SVG + "text"))]
    assert len(shared) == 1 and "nasa-master" in [t.text for t in shared[0].iter(SVG + "text")]
    # published ports on the host edge
    ports = _find(root, "dn-port")
    assert len(ports) == 1 and "0.0.0.0:8080 → web:80/tcp" in texts
    assert float(ports[0].get("y")) < host_box[1] < float(ports[0].get("y")) + float(ports[0].get("height"))
    # a legend
    assert _find(root, "dn-legend")


def test_svg_is_deterministic() -> None:
    a, b = _host(TUTORIAL), _host(TUTORIAL)
    assert display.host_svg(a) == display.host_svg(b)
    assert display.host_svg(a) == display.host_svg(a)


def test_engine_2010_draws_too() -> None:
    h = _host(TUTORIAL, engine="20.10")
    root = ET.fromstring(display.host_svg(h))
    assert len(_find(root, "dn-netns")) == 5


def test_stopped_container_has_no_netns_box() -> None:
    h = _host(["docker run -d --name aa busybox", "docker run -d --name bb busybox", "docker stop aa"])
    root = ET.fromstring(display.host_svg(h))
    assert len(_find(root, "dn-netns")) == 1 and len(_find(root, "dn-stopped")) == 1


# --- scale: 20 containers on 4 networks ---------------------------------------------------------------

@pytest.fixture(scope="module")
def crowded() -> DockerHost:
    lines = [f"docker network create net{i}" for i in range(3)]
    nets = ["bridge", "net0", "net1", "net2"]
    lines += [f"docker run -d --name c{i:02d} --network {nets[i % 4]} -p {8000 + i}:80 busybox" for i in range(20)]
    lines += ["docker network connect net1 c00", "docker network connect net2 c05",
              "docker run -d --name h1 --network host busybox", "docker run -d --name n1 --network none busybox"]
    return _host(lines)


def test_twenty_containers_on_four_networks_do_not_overlap(crowded: DockerHost) -> None:
    root = ET.fromstring(display.host_svg(crowded))
    boxes = [_rect_box(r) for r in _find(root, "dn-netns")]
    assert len(boxes) == 21
    boxes += [_rect_box(r) for r in _find(root, "dn-bridge-box")] + [_rect_box(r) for r in _find(root, "dn-port")]
    boxes += [_rect_box(r) for r in _find(root, "dn-hostmode")]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not _overlap(a, b), (a, b)
    assert len(_find(root, "dn-veth-line")) == 22
    assert len(_find(root, "dn-bridge")) == 4
    # everything is inside the canvas
    width, height = float(root.get("width")), float(root.get("height"))
    for r in root.iter(SVG + "rect"):
        x0, y0, x1, y1 = _rect_box(r)
        assert 0 <= x0 and x1 <= width and 0 <= y0 and y1 <= height


def test_box_text_fits_its_box(crowded: DockerHost) -> None:
    """Labels inside a namespace box stay inside it (estimated at the monospace advance)."""
    root = ET.fromstring(display.host_svg(crowded))
    for g in _find(root, "dn-box"):
        x0, _, x1, _ = _rect_box(next(r for r in g if r.tag == SVG + "rect"))
        for t in g.iter(SVG + "text"):
            size = float(t.get("font-size"))
            assert float(t.get("x")) + len(t.text or "") * 0.6 * size <= x1, t.text


def test_veth_lines_do_not_cross_boxes(crowded: DockerHost) -> None:
    root = ET.fromstring(display.host_svg(crowded))
    boxes = [_rect_box(r) for r in _find(root, "dn-netns")]
    for p in _find(root, "dn-veth-line"):
        pts, x, y = [], 0.0, 0.0
        for cmd, val in re.findall(r"([MVH])([\d.]+(?: [\d.]+)?)", p.get("d")):
            if cmd == "M":
                x, y = (float(v) for v in val.split())
            elif cmd == "V":
                y = float(val)
            else:
                x = float(val)
            pts.append((x, y))
        for (ax, ay), (bx, by) in zip(pts, pts[1:-1]):     # the last segment enters its own box
            seg = (min(ax, bx), min(ay, by), max(ax, bx) + 0.01, max(ay, by) + 0.01)
            assert not any(_overlap(seg, b) for b in boxes), (p.get("d"), seg)


# --- escaping --------------------------------------------------------------------------------------------

def test_names_are_escaped_in_svg_and_html() -> None:
    h = _host(["docker network create a.b_c-d", "docker run -d --name x.y_z --network a.b_c-d busybox"])
    # names Docker allows have no markup characters: put some in to check the escaping
    c = h.find_container("x.y_z")
    c.name = "<b>&'\""
    svg = display.host_svg(h)
    ET.fromstring(svg)
    assert "<b>&" not in svg and "&lt;b&gt;&amp;" in svg
    for out in (display.host_html(h), display.container_html(c), h._repr_html_(), c._repr_html_()):
        assert "<b>&'" not in out and "&lt;b&gt;&amp;" in out
    n = h.ctl.find_network("a.b_c-d")
    n.name = "<i>"
    assert "&lt;i&gt;" in display.network_html(n) and "<i>" not in display.network_html(n)
    assert "&lt;i&gt;" in n._repr_html_()


# --- HTML views -------------------------------------------------------------------------------------------

def test_host_repr_html_and_draw(tutorial: DockerHost) -> None:
    out = tutorial._repr_html_()
    assert out.startswith("<div") and "<svg" in out and "nasanet" in out and "busybox1" in out
    d = tutorial.draw()
    assert d._repr_svg_() == str(d) == display.host_svg(tutorial)


def test_container_html_modes(tutorial: DockerHost) -> None:
    slave = display.container_html(tutorial.find_container("nasa-slave"))
    assert "container:nasa-master" in slave and "172.17.0.3/16" in slave
    assert "the host&#x27;s namespace" in display.container_html(tutorial.find_container("hostos"))
    none = display.container_html(tutorial.find_container("none-nasa"))
    assert "lo" in none and "eth0" not in none
    assert "0.0.0.0:8080, [::]:8080 → web:80/tcp" in display.container_html(tutorial.find_container("web"))


def test_network_html_lists_endpoints(tutorial: DockerHost) -> None:
    out = display.network_html(tutorial.ctl.find_network("bridge"))
    for name in ("busybox1", "nasa-master", "web", "172.17.0.2/16", "docker0"):
        assert name in out
    assert "nasa-slave" not in out                   # no endpoint of its own


def test_result_html_is_terminal_like() -> None:
    out = display.result_html(Result("a <b>\n", "Error: no\n", 1, "docker x"))
    assert out.startswith("<pre") and "docker x" in out and "a &lt;b&gt;" in out
    assert "Error: no" in out and "[exit 1]" in out


def _fake_trace(verdict: str) -> SimpleNamespace:
    hop = SimpleNamespace(where="container a", kind="rule", text="-A X -j DROP", phase="request")
    return SimpleNamespace(src="a", dst="<b>", proto="icmp", port=None, verdict=verdict, hops=[hop],
                           reason="-A X -j DROP", decided_by=lambda: "-A X -j DROP", src_ip=None, dst_ip=None,
                           lesson="a rule drops it")


def test_trace_html_duck_typed() -> None:
    out = display.trace_html(_fake_trace("dropped"))
    assert "dropped" in out and "-A X -j DROP" in out and "&lt;b&gt;" in out and "decided by" in out
    assert "decided by" not in display.trace_html(_fake_trace("reachable"))
    assert "why: a rule drops it" in out


def test_matrix_html_from_dict_and_object() -> None:
    m = {("a", "b"): "reachable", ("b", "a"): _fake_trace("dropped"), ("a", "a"): "reachable",
         ("b", "b"): "reachable"}
    out = display.matrix_html(m)
    assert out.count("<tr>") == 3 and "DROP" in out and ">ok<" in out and "title='-A X -j DROP | a rule drops it'" in out
    assert "row -&gt; column" in out                  # the legend, in the text view's words
    obj = SimpleNamespace(names=["a", "b"], traces={("a", "b"): _fake_trace("refused")},
                          legend=lambda: "row -> column (icmp)")
    assert "refused" in display.matrix_html(obj)


def test_with_query_objects(tutorial: DockerHost) -> None:
    query = pytest.importorskip("dockernet_sim.query")
    t = query.reach(tutorial, "busybox1", "nasa")
    out = display.trace_html(t)
    assert t.verdict in out and "busybox1" in out
    m = query.reachability(tutorial, ["busybox1", "nasa", "web"])
    out = display.matrix_html(m)
    assert out.count("<tr>") == 4
