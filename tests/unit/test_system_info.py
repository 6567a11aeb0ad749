"""``docker info``, ``docker system df|prune|events`` and ``docker version``: the daemon's /info and
/system/df built from the model, and the client's texts (recorded: tests/golden/scenarios/r210-r213)."""

from __future__ import annotations

import json

import pytest

from dockernet_sim import DockerHost
from dockernet_sim.daemon.config import DaemonConfig
from dockernet_sim.daemon.system import RECORDING_MACHINE, engine_id_text, info_document
from dockernet_sim.engines import get_profile
from dockernet_sim.engines.system import IdStyle
from dockernet_sim.golang.units import bytes_size, human_size

ENGINES = ("28", "26", "20.10")


def busy_host(engine: str = "28") -> DockerHost:
    """r210's host: a running, a paused, a created and an exited container, two networks."""
    h = DockerHost(engine=engine, seed=0)
    for line in ("docker run -itd --name a1 busybox", "docker run -itd --name a2 web", "docker pause a2",
                 "docker create --name a3 busybox", "docker run --name a4 busybox true",
                 "docker network create n1", "docker network create n2", "docker network connect n2 a1"):
        assert h.sh(line).exit_code == 0, line
    return h


@pytest.mark.parametrize("engine", ENGINES)
def test_info_counts_containers_by_state_and_images_by_id(engine: str) -> None:
    h = busy_host(engine)
    info = h.system_info()
    assert (info.containers, info.running, info.paused, info.stopped, info.images) == (4, 1, 1, 2, 3)
    r = h.sh("docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} "
             "{{.ContainersStopped}} {{.Images}}'")
    assert r.stdout == "4 1 1 2 3\n"
    h.sh("docker tag busybox mybox:1")          # another reference to an image is not another image
    assert h.system_info().images == 3


def test_info_text_is_the_engines_own() -> None:
    out = {e: busy_host(e).sh("docker info").stdout for e in ENGINES}
    assert " Server Version: 28.5.2+dfsg4\n" in out["28"] and " CDI spec directories:\n" in out["28"]
    assert " Server Version: 26.1.5+dfsg1\n" in out["26"] and "CDI" not in out["26"]
    assert out["20.10"].startswith("Client:\n Context:    default\n Debug Mode: false\n Plugins:\n"
                                   "  compose: Docker Compose (Docker Inc., 2.40.3-3)\n\nServer:\n")
    assert " Registry: https://index.docker.io/v1/\n Labels:\n" in out["20.10"]
    assert "   Profile: default\n" in out["20.10"] and "   Profile: builtin\n" in out["28"]
    for text in out.values():
        assert " Containers: 4\n  Running: 1\n  Paused: 1\n  Stopped: 2\n Images: 3\n" in text
        assert f" Total Memory: {bytes_size(RECORDING_MACHINE.mem_total)}\n" in text
        assert text.endswith(" Live Restore Enabled: false\n\n")


def test_default_address_pools_are_the_daemons_flags() -> None:
    h = DockerHost(engine="28", config=DaemonConfig.from_flags(
        "--default-address-pool base=10.123.0.0/16,size=24 --default-address-pool base=10.124.0.0/16,size=26"))
    assert h.sh("docker info --format '{{json .DefaultAddressPools}}'").stdout == \
        '[{"Base":"10.123.0.0/16","Size":24},{"Base":"10.124.0.0/16","Size":26}]\n'
    assert h.sh("docker info").stdout.endswith(
        " Default Address Pools:\n   Base: 10.123.0.0/16, Size: 24\n   Base: 10.124.0.0/16, Size: 26\n\n")
    assert DockerHost().sh("docker info --format '{{json .DefaultAddressPools}}'").stdout == "null\n"


@pytest.mark.parametrize("fmt,out,err,code", [
    ("{{.Nope}}", "\n", 'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type '
                        "system.dockerInfo\n", 1),
    ("{{json .Plugins", "", "template parsing error: template: :1: unclosed action\n", 64),
    ("{{.IPv4Forwarding}} {{.BridgeNfIptables}}", "true \n",
     'template: :1:22: executing "" at <.BridgeNfIptables>: can\'t evaluate field BridgeNfIptables in type '
     "system.dockerInfo\n", 1),
])
def test_info_format_errors(fmt: str, out: str, err: str, code: int) -> None:
    r = DockerHost(engine="28").sh(f"docker info --format '{fmt}'")
    assert (r.stdout, r.stderr, r.exit_code) == (out, err, code)


def test_info_document_fields_follow_the_api_version() -> None:
    h = DockerHost(engine="20.10")
    old = info_document(h.system_info(), get_profile("20.10"))
    new = info_document(h.system_info(), get_profile("28"))
    assert "BridgeNfIptables" in old and "KernelMemory" in old and "FirewallBackend" not in old
    assert "BridgeNfIptables" not in new and new["FirewallBackend"] == {"Driver": "iptables"}
    assert old["ContainerdCommit"] == {"ID": "1.6.20~ds1-1+deb12u3", "Expected": "1.6.20~ds1-1+deb12u3"}
    assert json.dumps(old)      # plain JSON for the Engine API


def test_engine_id_styles() -> None:
    uuid = "2d09d846-5a5c-4b50-a9e5-08e4f8b36a4e"
    assert engine_id_text(uuid, IdStyle.UUID) == uuid
    key = engine_id_text(uuid, IdStyle.KEY_ID)
    assert len(key.split(":")) == 12 and all(len(g) == 4 and g.isalnum() and g.isupper() or g.isdigit()
                                            for g in key.split(":"))


def test_sizes_as_go_units_prints_them() -> None:
    assert (human_size(1982256), human_size(1982256, 3), human_size(0)) == ("1.982MB", "1.98MB", "0B")
    assert bytes_size(25276203008) == "23.54GiB"


def test_system_df_summary_and_json() -> None:
    h = busy_host()
    assert h.sh("docker system df").stdout == (
        "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n"
        "Images          3         2         1.982MB   1.982MB (100%)\n"
        "Containers      4         2         0B        0B\n"
        "Local Volumes   0         0         0B        0B\n"
        "Build Cache     0         0         0B        0B\n")
    first = h.sh("docker system df --format '{{json .}}'").stdout.splitlines()[0]
    assert first == '{"Active":"2","Reclaimable":"1.982MB (100%)","Size":"1.982MB","TotalCount":"3","Type":"Images"}'
    r = h.sh("docker system df --format '{{.Nope}}'")
    assert r.exit_code == 1 and "in type *formatter.diskUsageImagesContext" in r.stderr


@pytest.mark.parametrize("engine,size", [("28", "1.98MB"), ("20.10", "1.982MB")])
def test_system_df_verbose(engine: str, size: str) -> None:
    h = busy_host(engine)
    text = h.sh("docker system df -v").stdout
    assert text.startswith("Images space usage:\n\nREPOSITORY ")
    busybox = next(line.split() for line in text.splitlines() if line.startswith("busybox "))
    assert busybox[-4:] == [size, "1.982MB", "0B", "3"]      # used by a1, a3, a4
    assert text.endswith("\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   "
                         "USAGE     SHARED\n")
    names = h.sh("docker system df -v --format '{{range .Containers}}{{.Names}} {{end}}'").stdout
    assert names == "a4 a3 a2 a1 "


def test_system_prune_chains_the_daemons_prunes() -> None:
    h = busy_host()
    a3, a4 = h.container_inspect("a3")["Id"], h.container_inspect("a4")["Id"]
    r = h.sh("docker system prune -f")
    assert r.stdout == f"Deleted Containers:\n{a4}\n{a3}\n\nDeleted Networks:\nn1\n\nTotal reclaimed space: 0B\n"
    r = h.sh("docker system prune -af")
    centos = h.daemon.image("centos").id
    assert r.stdout == (f"Deleted Images:\nuntagged: centos:latest\ndeleted: sha256:{centos}\n\n"
                        "Total reclaimed space: 0B\n")
    assert h.sh("docker system prune -af").stdout == "Total reclaimed space: 0B\n"


def test_the_last_image_of_a_userland_takes_its_layer() -> None:
    h = DockerHost()
    lines = h.images_prune(True)
    assert [line.split(":")[0] for line in lines] == ["untagged", "deleted"] * 3 + ["deleted"]
    assert h.system_info().images == 0


def test_prune_refuses_an_unknown_filter_and_leaves_the_host() -> None:
    h = busy_host()
    before = h.daemon.state()
    r = h.sh("docker system prune --filter bogus=1 -f")
    assert (r.stderr, r.exit_code) == ("Error response from daemon: invalid filter 'bogus'\n", 1)
    assert h.daemon.state() == before


@pytest.mark.parametrize("engine,cache,volumes", [
    ("28", "unused build cache", "all anonymous volumes not used by at least one container"),
    ("20.10", "all dangling build cache", "all volumes not used by at least one container")])
def test_prune_warning(engine: str, cache: str, volumes: str) -> None:
    h = DockerHost(engine=engine)
    assert h.sh("docker system prune").stdout == (
        "WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one "
        f"container\n  - all dangling images\n  - {cache}\n\nAre you sure you want to continue? [y/N] ")
    assert f"  - {volumes}\n" in h.sh("docker system prune --volumes").stdout
    assert "  - all images without at least one container associated to them\n  - all build cache\n" in \
        h.sh("docker system prune -a").stdout


def test_events_in_a_closed_window_and_bad_times() -> None:
    h = DockerHost()
    assert h.sh("docker system events --since 0s --until 0s").exit_code == 0
    r = h.sh("docker events --until bogus")
    assert (r.stderr, r.exit_code) == ('failed to parse value as time or duration: "bogus"\n', 1)


@pytest.mark.parametrize("engine,head", [
    ("28", "Client:\n Version:           28.2.2\n API version:       1.50\n"),
    ("26", "Client:\n Version:           26.1.5+dfsg1\n API version:       1.45\n"),
    ("20.10", "Client:\n Version:           20.10.24+dfsg1\n API version:       1.41\n")])
def test_version_in_full(engine: str, head: str) -> None:
    out = DockerHost(engine=engine).sh("docker version").stdout
    assert out.startswith(head) and out.endswith(" docker-init:\n  Version:          0.19.0\n  GitCommit:        \n")
    comps = DockerHost(engine=engine).sh("docker version --format '{{range .Server.Components}}{{.Name}} {{end}}'")
    assert comps.stdout == "Engine containerd runc docker-init \n"


def test_system_alone_and_unknown() -> None:
    h = DockerHost()
    r = h.sh("docker system")
    assert r.exit_code == 0 and r.stdout == "" and r.stderr.startswith("Usage:  docker system COMMAND\n")
    r = h.sh("docker system bogus")
    assert r.exit_code == 1 and r.stderr.startswith("docker: unknown command: docker system bogus\n")
