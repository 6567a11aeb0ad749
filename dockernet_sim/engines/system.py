"""What an engine says about itself: ``docker version``, ``docker info``, ``system df``/``prune``.

One :class:`SystemFacts` per engine, each value as the recorded engine printed it (the builds the
oracle installs: Debian's ``docker.io`` packages, tests/golden/README.md): its version strings,
git commits, Go versions and build dates, the containerd, runc and docker-init it ran with, the
distribution its tree was, the plugins and runtimes it lists, and the ``/info`` fields its API
version has. Recorded in ``tests/golden/scenarios/r210_info_system_df_prune``,
``r211_info_address_pools`` and ``r212_system_errors_version`` on 20.10, 26 and 28.
"""

from __future__ import annotations

import enum

from ..records import Record

__all__ = ["ClientInfoStyle", "IdStyle", "InfoWithoutDaemon", "SystemFacts"]


class ClientInfoStyle(enum.Enum):
    """How ``docker info`` prints its ``Client:`` section (docker/cli system/info.go)."""

    INLINE_PLUGINS = "inline"    # 20.10: no Version line; `compose: Docker Compose (Docker Inc., 2.40.3-3)`
    VERSION_AND_PATH = "path"    # 26, 28: ` Version:` first; each plugin's Version and Path on lines of their own


class IdStyle(enum.Enum):
    """The engine ID ``docker info`` shows (moby daemon/config: the engine-id file)."""

    KEY_ID = "key-id"   # 20.10: a libtrust key ID, 12 groups of 4 base32 characters joined by ':'
    UUID = "uuid"       # 23+: a random UUID


class InfoWithoutDaemon(enum.Enum):
    """What ``docker info`` prints when no daemon answers (r213): the Client section, ``Server:``,
    then the connection error, framed by the client generation."""

    PLAIN_ERROR = "plain"         # 28: the error alone on stderr, exit 1 (a format reading the server too)
    ERROR_AND_SUMMARY = "summary"  # 26: `ERROR: …` and `errors pretty printing info` on stderr, exit 1;
    #                                a format reading the server: the error alone, exit 0
    INLINE_ERROR = "inline"       # 20.10: `ERROR: …` on stdout after `Server:`, the summary on stderr;
    #                                a format reading the server fails on the nil Info it embeds


class SystemFacts(Record, frozen=True, slots=True):
    """An engine build's self-description (``GET /version``, ``GET /info``) and its client's."""

    server_version: str            # `Server Version:` / Engine Version, the package's (with +dfsg)
    server_git_commit: str
    server_go_version: str
    server_built: str              # Go's time.ANSIC of the build, as `docker version` prints it
    server_build_time: str         # the same instant as /version's BuildTime (RFC 3339, nanoseconds)
    client_version: str            # the client's `Version:` (the package's)
    client_git_commit: str
    client_go_version: str
    client_built: str
    client_experimental: bool      # 20.10's client prints `Experimental: true` (and sends it in its JSON)
    client_platform_shown: bool    # 20.10's client JSON has `"Platform":{"Name":""}`; 28 omits it when empty
    containerd_version: str
    containerd_commit: str         # /version's containerd GitCommit, also `containerd version:` of info
    containerd_commit_in_info: str  # ContainerdCommit.ID in /info (28's containerd 2 reports none)
    runc_version: str
    runc_commit: str
    init_version: str
    operating_system: str          # the distribution of the engine's tree
    os_version: str                # /info OSVersion ("" where the tree's os-release has no VERSION_ID)
    log_plugins: tuple[str, ...]
    runtimes: tuple[str, ...]      # /info Runtimes' keys, sorted (the client prints them in Go map order)
    security_profile: str          # the seccomp profile name: `default` (20.10) or `builtin`
    insecure_registries: tuple[str, ...]
    cdi_spec_dirs: tuple[str, ...]
    cdi_listed: bool               # /info has CDISpecDirs (API 1.44+)
    firewall_backend: bool         # /info has FirewallBackend (API 1.50+)
    containerd_info: bool          # /info has Containerd (address and namespaces, API 1.46+)
    bridge_nf_fields: bool         # /info has BridgeNfIptables/BridgeNfIp6tables (dropped in API 1.50)
    kernel_memory_field: bool      # /info has KernelMemory (dropped in API 1.42)
    commits_expected: bool         # ContainerdCommit/RuncCommit/InitCommit carry `Expected` (dropped in 1.49)
    registry_line: bool            # 20.10's client prints ` Registry: …` and ` Labels:` always
    id_style: IdStyle
    client_info_style: ClientInfoStyle
    client_info_version: bool      # ClientInfo has Version/DefaultAPIVersion/GitCommit… (cli 23+)
    client_info_default_api: bool  # ClientInfo has DefaultAPIVersion (cli 28)
    # `docker system prune`'s warning names the build cache it removes (cli system/prune.go)
    prune_build_cache_words: str
    prune_volumes_words: str       # ... and the volumes, with --volumes (26 and 28: only anonymous ones)
    info_type_name: str            # the struct `docker info --format` runs on (cli system/info.go)
    info_without_daemon: InfoWithoutDaemon
    # the field `system df -v`'s image SIZE column shows: VirtualSize (20.10: units.HumanSize, 1.982MB)
    # or Size (HumanSizeWithPrecision at 3 digits, 1.98MB); a template's {{.Size}} is the latter on all
    df_image_size_field: str
