"""Why can't my host reach its macvlan container? The parent never hears its own children.

A macvlan network puts each container straight on the LAN of a parent interface, with a MAC and
an address of its own, and no bridge, NAT or iptables in between. The classic surprise: the host
itself cannot talk to those containers. Linux sends what a macvlan child transmits out of the
parent onto the wire, and never back up into the parent's own stack; what the host sends out of
the parent goes onto the wire too, never into a child. ``dockernet_sim.query.reach`` walks the
packet and says so. The fix is a macvlan of the host's own on the same parent (a "shim") with an
address and a route. Here the parent is one end of a veth pair, as in the recorded scenarios
(tests/golden/scenarios/m07_macvlan_host_shim.sh).
"""

# %% [script]
def show(obj):
    """A notebook shows ``obj`` richly (tables, drawings); a script prints its text."""
    if hasattr(obj, "_repr_svg_") or not hasattr(obj, "_repr_html_") or not hasattr(obj, "name"):
        print(repr(obj) if hasattr(obj, "_repr_svg_") else obj)
    else:                                   # a network or a container: its name is enough here
        print(f"<{type(obj).__name__} {obj.name}>")


# %%
from dockernet_sim import DockerHost
from dockernet_sim.query import reach

h = DockerHost(engine="28", seed=0)
for line in ["ip link add lan0 type veth peer name lan0p", "ip link set lan0 up", "ip link set lan0p up",
             "ip addr add 10.83.0.254/24 dev lan0",
             "docker network create -d macvlan --subnet 10.83.0.0/24 --gateway 10.83.0.1 "
             "--aux-address host=10.83.0.250 -o parent=lan0 lan",
             "docker run -d --name web --network lan busybox",
             "docker run -d --name db --network lan busybox"]:
    assert h.sh(line).exit_code == 0, line
show(h.sh("docker exec web ip a"))

# %% [markdown]
# ## Siblings talk, the host does not
# `web` and `db` are bridge-mode children of `lan0`: the kernel passes frames between them
# directly. The host's own address on `lan0` is another matter.

# %%
assert reach(h, "web", "db").verdict == "reachable"
show(h.sh("docker exec web ping -c 1 -W 1 10.83.0.254"))
t = reach(h, "host", "web")
assert t.verdict == "unreachable"
show(t)

# %% [markdown]
# ## The fix: a macvlan shim on the host
# The host gets a macvlan of its own on `lan0`, in bridge mode, with the address the network
# keeps aside for it (`--aux-address host=10.83.0.250`) and a route to the containers through it.
# Try it on a fork, so the original host stays as it was.

# %%
fixed = h.fork()
for line in ["ip link add mvshim link lan0 type macvlan mode bridge", "ip addr add 10.83.0.250/32 dev mvshim",
             "ip link set mvshim up", "ip route add 10.83.0.0/25 dev mvshim"]:
    assert fixed.sh(line).exit_code == 0, line
print(fixed.sh("ip -d link show type macvlan"))
t2 = reach(fixed, "host", "web")
assert t2.verdict == "reachable"
print(t2)
assert reach(fixed, "web", "10.83.0.250").verdict == "reachable"
assert reach(h, "host", "web").verdict == "unreachable"      # the original is unchanged
fixed.sh("docker exec web ping -c 1 -W 1 10.83.0.250")

# %% [markdown]
# ## The shim helps bridge mode only
# A private-mode network isolates its children from every other macvlan on the parent,
# the host's shim included.

# %%
private = fixed.fork()
for line in ["docker network create -d macvlan --subnet 10.90.0.0/24 -o parent=lan0 -o macvlan_mode=private quiet",
             "docker run -d --name alone --network quiet busybox", "ip addr add 10.90.0.250/32 dev mvshim",
             "ip route add 10.90.0.0/24 dev mvshim"]:
    assert private.sh(line).exit_code == 0, line
t3 = reach(private, "host", "alone")
assert t3.verdict == "unreachable"
t3
