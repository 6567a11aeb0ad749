"""What the Linux tools print about kernel objects: ``ip``, ``ifconfig``, ``brctl``, ``bridge``,
``iptables``, ``iptables-save`` and ``hostname -i``.

Pure functions from kernel objects to text, one per tool and userland flavour. The formats are
the ones the recording machine's programs print (iproute2 6.1, busybox 1.35 as the images have
it, net-tools ifconfig, bridge-utils brctl, iptables 1.8.9 nf_tables); every layout here was
checked against those programs run on a hand-built namespace, byte for byte.

What the kernel derives rather than stores is derived here, as the kernel would:

- carrier: a veth has it when both ends are up; a bridge when one of its ports does;
- IPv6: a namespace has it unless ``net.ipv6.conf.all.disable_ipv6`` is ``"1"``, a link unless
  ``net.ipv6.conf.<name>.disable_ipv6`` is; ``lo`` then has ``::1``, and a link that is up and
  has (or has had) carrier has its EUI-64 ``fe80::`` address, a ``fe80::/64`` route and, for
  busybox, a ``multicast ff00::/8`` route;
- ``link-netnsid``, ``@ifN``, ``M-DOWN``, ``secondary``, operstate and qdisc.

>>> from dockernet_sim.kernel import Kernel
>>> from dockernet_sim.userland.views import ip_addr
>>> print(ip_addr(Kernel().host, "busybox"), end="")
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever

One module per tool (imports point down this list)::

    common    ToolError, busybox ip's usage text
    services  the recording machine's /etc/hosts, /etc/networks, /etc/services
    links     ip addr, ip link, and what the kernel derives for them
    routes    ip route, ip route get, /proc/net/route, route -n
    nettools  ifconfig, hostname -i (net-tools' programs, and busybox's)
    bridges   brctl show, bridge link
    fdb       bridge fdb show, brctl showmacs (a bridge's forwarding database)
    iptables  iptables -S, -L, iptables-save
    sockets   busybox netstat's socket listings
    neigh     ip neigh
"""

from __future__ import annotations

import importlib
from typing import Any

# each name's module, imported when the name is first asked for: a session loads the views of
# the tools it runs, not all of them (issue 15)
_MODULES = {
    "brctl_show": "bridges", "bridge_link": "bridges", "ToolError": "common",
    "bridge_fdb": "fdb", "brctl_showmacs": "fdb",
    "hostname_i": "nettools", "ifconfig": "nettools", "iptables_L": "iptables", "iptables_S": "iptables",
    "iptables_save": "iptables", "ip_addr": "links", "ip_link": "links", "ip_neigh": "neigh",
    "neighbours": "neigh", "ip_route": "routes", "ip_route_get": "routes", "proc_net_route": "routes",
    "route_n": "routes", "netstat_sockets": "sockets",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return vars(importlib.import_module(f"{__name__}.{_MODULES[name]}"))[name]


__all__ = list(_MODULES)
