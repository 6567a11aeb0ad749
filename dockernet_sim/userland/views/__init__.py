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
    ifconfig  ifconfig, hostname -i
    bridges   brctl show, bridge link
    iptables  iptables -S, -L, iptables-save
    sockets   busybox netstat's socket listings
    neigh     ip neigh
"""

from __future__ import annotations

from .bridges import brctl_show, bridge_link
from .common import BUSYBOX_IP_USAGE, ToolError
from .ifconfig import hostname_i, ifconfig
from .iptables import iptables_L, iptables_S, iptables_save
from .links import ip_addr, ip_link
from .neigh import ip_neigh, neighbours
from .routes import ip_route, ip_route_get, proc_net_route, route_n
from .sockets import netstat_sockets

__all__ = [
    "ToolError", "ip_addr", "ip_link", "ip_route", "ifconfig", "brctl_show", "bridge_link",
    "iptables_S", "iptables_L", "iptables_save", "hostname_i", "BUSYBOX_IP_USAGE",
    "ip_route_get", "route_n", "proc_net_route", "netstat_sockets", "ip_neigh", "neighbours",
]
