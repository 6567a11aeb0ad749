"""The daemon's ``GET /info`` and ``GET /system/df``, and the prunes ``docker system prune`` chains.

Mirrors moby's ``daemon/info.go`` (SystemInfo: the counts of containers by state and of images,
the storage and logging drivers, the plugins, the daemon's own flags such as its default address
pools, the machine it runs on) and ``daemon/disk_usage.go`` (images with their shared and unique
sizes, containers, the build cache). What the engine build says about itself is its profile's
:class:`~dockernet_sim.engines.system.SystemFacts`; the machine's facts are the recording
machine's (:data:`RECORDING_MACHINE`), as its hostname and addresses are the ``#! host`` line's.
Recorded: tests/golden/scenarios/r210_info_system_df_prune, r211_info_address_pools,
r212_system_errors_version (20.10, 26, 28).
"""

from __future__ import annotations

import base64
from typing import Any, Optional, Sequence

from ..engines import Profile
from ..engines.system import IdStyle
from ..ids import sha256
from ..records import Record
from .container import Container, Image
from .images import IMAGE_SIZE, familiar

__all__ = ["Machine", "RECORDING_MACHINE", "SystemInfo", "ImageUsage", "DiskUsage", "info_document",
           "engine_id_text", "df_document", "version_document", "DATA_ROOT", "EXEC_ROOT"]

# Docker's defaults (the recorder's /tmp/dk/root and /tmp/dk/exec read as these: compare.py)
DATA_ROOT = "/var/lib/docker"
EXEC_ROOT = "/var/run/docker"


class Machine(Record, frozen=True, slots=True):
    """What ``docker info`` reads from the kernel: uname, the CPUs and the memory."""

    kernel_version: str
    ncpu: int
    mem_total: int            # bytes (/proc/meminfo MemTotal)
    architecture: str = "x86_64"
    os_type: str = "linux"


# the machine the transcripts were recorded on (every engine saw the same): r210
RECORDING_MACHINE = Machine(kernel_version="6.18.44-fc-v1252", ncpu=2, mem_total=25276203008)


class SystemInfo(Record, frozen=True, slots=True):
    """``GET /info`` as the model knows it."""

    id: str
    containers: int
    running: int
    paused: int
    stopped: int
    images: int
    name: str
    default_address_pools: tuple[tuple[str, int], ...]   # (base, size) as dockerd was given them
    ipv4_forwarding: bool
    machine: Machine
    system_time_ns: int


def engine_id_text(engine_id: str, style: IdStyle) -> str:
    """The engine's ID as ``docker info`` shows it: a UUID (23+) or, on 20.10, a libtrust key ID
    (twelve groups of four base32 characters) — derived here from the same seeded UUID."""
    if style is IdStyle.UUID:
        return engine_id
    text = base64.b32encode(sha256(engine_id.encode()).digest()[:30]).decode()[:48]
    return ":".join(text[i:i + 4] for i in range(0, 48, 4))


def _go_time(ns: int) -> str:
    import time
    secs, frac = divmod(ns, 1_000_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(secs)) + f".{frac:09d}".rstrip("0") + "Z"


def info_document(info: SystemInfo, p: Profile) -> dict[str, Any]:
    """The JSON ``GET /info`` answers, field for field in the engine's order (types/system.Info of
    its API version); machine-specific counters (file descriptors, goroutines) are a quiet daemon's."""
    f = p.system
    m = info.machine
    doc: dict[str, Any] = {
        "ID": engine_id_text(info.id, f.id_style), "Containers": info.containers,
        "ContainersRunning": info.running, "ContainersPaused": info.paused, "ContainersStopped": info.stopped,
        "Images": info.images, "Driver": "vfs", "DriverStatus": None,
        "Plugins": {"Volume": ["local"], "Network": ["bridge", "host", "ipvlan", "macvlan", "null", "overlay"],
                    "Authorization": None, "Log": list(f.log_plugins)},
        "MemoryLimit": True, "SwapLimit": True}
    if f.kernel_memory_field:
        doc["KernelMemory"] = True
    doc.update({"KernelMemoryTCP": True, "CpuCfsPeriod": True, "CpuCfsQuota": True, "CPUShares": True,
                "CPUSet": True, "PidsLimit": True, "IPv4Forwarding": info.ipv4_forwarding})
    if f.bridge_nf_fields:
        doc.update({"BridgeNfIptables": True, "BridgeNfIp6tables": True})
    doc.update({
        "Debug": False, "NFd": 24, "OomKillDisable": True, "NGoroutines": 40,
        "SystemTime": _go_time(info.system_time_ns), "LoggingDriver": "json-file", "CgroupDriver": "cgroupfs",
        "CgroupVersion": "1", "NEventsListener": 0, "KernelVersion": m.kernel_version,
        "OperatingSystem": f.operating_system, "OSVersion": f.os_version, "OSType": m.os_type,
        "Architecture": m.architecture, "IndexServerAddress": "https://index.docker.io/v1/",
        "RegistryConfig": _registry_config(p), "NCPU": m.ncpu, "MemTotal": m.mem_total, "GenericResources": None,
        "DockerRootDir": DATA_ROOT, "HttpProxy": "", "HttpsProxy": "", "NoProxy": "", "Name": info.name,
        "Labels": [], "ExperimentalBuild": False, "ServerVersion": f.server_version,
        "Runtimes": {name: {"path": "runc"} for name in f.runtimes}, "DefaultRuntime": "runc",
        "Swarm": {"NodeID": "", "NodeAddr": "", "LocalNodeState": "inactive", "ControlAvailable": False,
                  "Error": "", "RemoteManagers": None},
        "LiveRestoreEnabled": False, "Isolation": "", "InitBinary": "docker-init",
        "ContainerdCommit": _commit(f.containerd_commit_in_info, f.commits_expected),
        "RuncCommit": _commit(f.runc_commit, f.commits_expected),
        "InitCommit": _commit("", f.commits_expected),
        "SecurityOptions": [f"name=seccomp,profile={f.security_profile}"]})
    if info.default_address_pools:
        doc["DefaultAddressPools"] = [{"Base": b, "Size": s} for b, s in info.default_address_pools]
    if f.firewall_backend:
        doc["FirewallBackend"] = {"Driver": "iptables"}
    if f.cdi_listed:
        doc["CDISpecDirs"] = list(f.cdi_spec_dirs)
    if f.containerd_info:
        doc["Containerd"] = {"Address": f"{EXEC_ROOT}/containerd/containerd.sock",
                             "Namespaces": {"Containers": "moby", "Plugins": "plugins.moby"}}
    doc["Warnings"] = None
    return doc


def _commit(cid: str, expected: bool) -> dict[str, str]:
    return {"ID": cid, "Expected": cid} if expected else {"ID": cid}


def _registry_config(p: Profile) -> dict[str, Any]:
    f = p.system
    index = {"Name": "docker.io", "Mirrors": [], "Secure": True, "Official": True}
    if not f.commits_expected:      # API 1.49+ dropped the non-distributable artifacts and reordered
        return {"IndexConfigs": {"docker.io": {"Mirrors": [], "Name": "docker.io", "Official": True, "Secure": True}},
                "InsecureRegistryCIDRs": list(f.insecure_registries), "Mirrors": None}
    empty: Optional[list[str]] = [] if f.kernel_memory_field else None
    return {"AllowNondistributableArtifactsCIDRs": empty, "AllowNondistributableArtifactsHostnames": empty,
            "InsecureRegistryCIDRs": list(f.insecure_registries), "IndexConfigs": {"docker.io": index},
            "Mirrors": [] if f.kernel_memory_field else None}


class ImageUsage(Record, frozen=True, slots=True):
    """One image in ``GET /system/df``: its references, size, what it shares with other images
    (its layer: every image of one userland is the same root) and how many containers use it."""

    image: Image
    repo_tags: tuple[str, ...]
    size: int
    shared_size: int
    containers: int


class VolumeUsage(Record, frozen=True, slots=True):
    """A volume as ``GET /system/df`` counts it: how many containers mount it (``RefCount``); its
    files are none, so its size is 0."""

    name: str
    ref_count: int


class DiskUsage(Record, frozen=True, slots=True):
    """``GET /system/df``: the layers' total, the images, the containers (newest first), the
    volumes (in the order they were made)."""

    layers_size: int
    images: tuple[ImageUsage, ...]
    containers: tuple[Container, ...]
    volumes: tuple[VolumeUsage, ...] = ()


def disk_usage(images: list[Image], refs: dict[str, list[str]], containers: list[Container],
               volumes: Sequence[str] = ()) -> DiskUsage:
    """``images`` distinct by ID (oldest first), ``refs`` their references, ``containers`` all,
    ``volumes`` the volumes' names."""
    by_layer: dict[str, int] = {}
    for im in images:
        by_layer[im.tools] = by_layer.get(im.tools, 0) + 1
    rows = []
    for im in images:
        used = sum(1 for c in containers if c.image.id == im.id)
        shared = IMAGE_SIZE if by_layer[im.tools] > 1 else 0
        rows.append(ImageUsage(im, tuple(familiar(r) for r in refs.get(im.id, [])), IMAGE_SIZE, shared, used))
    mounted: dict[str, int] = {}
    for c in containers:
        for m in c.mounts:
            if m.name:
                mounted[m.name] = mounted.get(m.name, 0) + 1
    return DiskUsage(IMAGE_SIZE * len(by_layer), tuple(rows), tuple(containers),
                     tuple(VolumeUsage(v, mounted.get(v, 0)) for v in volumes))


def df_document(du: DiskUsage, created_ns: int) -> dict[str, Any]:
    """The JSON ``GET /system/df`` answers (the fields the clients read; the 20.10 client counts an
    image's VirtualSize, API 1.43 dropped it, later clients read Size)."""
    return {
        "LayersSize": du.layers_size,
        "Images": [{"Containers": u.containers, "Created": created_ns // 1_000_000_000,
                    "Id": "sha256:" + u.image.id, "Labels": None, "ParentId": "", "RepoDigests": [],
                    "RepoTags": list(u.repo_tags), "SharedSize": u.shared_size, "Size": u.size,
                    "VirtualSize": u.size}
                   for u in du.images],
        "Containers": [],
        "Volumes": [{"Name": v.name, "Driver": "local", "Mountpoint": f"/var/lib/docker/volumes/{v.name}/_data",
                     "Labels": None, "Scope": "local", "Options": None,
                     "UsageData": {"Size": 0, "RefCount": v.ref_count}} for v in du.volumes],
        "BuildCache": [], "BuilderSize": 0}


def version_document(p: Profile, kernel: str) -> dict[str, Any]:
    """The JSON ``GET /version`` answers: the engine and the components it reports."""
    f = p.system
    engine = {"ApiVersion": p.api_version, "Arch": "amd64", "BuildTime": f.server_built, "Experimental": "false",
              "GitCommit": f.server_git_commit, "GoVersion": f.server_go_version, "KernelVersion": kernel,
              "MinAPIVersion": p.min_api_version, "Os": "linux"}
    return {
        "Platform": {"Name": ""},
        "Components": [{"Name": "Engine", "Version": f.server_version, "Details": engine},
                       {"Name": "containerd", "Version": f.containerd_version,
                        "Details": {"GitCommit": f.containerd_commit}},
                       {"Name": "runc", "Version": f.runc_version, "Details": {"GitCommit": f.runc_commit}},
                       {"Name": "docker-init", "Version": f.init_version, "Details": {"GitCommit": ""}}],
        "Version": f.server_version, "ApiVersion": p.api_version, "MinAPIVersion": p.min_api_version,
        "GitCommit": f.server_git_commit, "GoVersion": f.server_go_version, "Os": "linux", "Arch": "amd64",
        "KernelVersion": kernel, "BuildTime": f.server_build_time}
