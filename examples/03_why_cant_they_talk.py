"""Why can't these two containers talk? Two user-defined networks are isolated from each other.

Docker puts each user-defined network on its own bridge and adds netfilter rules that drop
traffic between bridges. ``dockernet_sim.query.reach`` walks a packet through the namespaces,
routes, bridges and rules, and names the rule that dropped it, as you would find it with
``iptables -S``. Connecting one container to the other's network fixes it.
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
from dockernet_sim.query import reach, reachability

h = DockerHost(engine="28", seed=0)
h.sh("docker network create frontend")
h.sh("docker network create backend")
h.sh("docker run -d --name web --network frontend busybox")
h.sh("docker run -d --name db --network backend busybox")
h.sh("docker run -d --name cache --network backend busybox")
show(h.sh("docker exec web ping -c 1 -W 1 " + h.container_inspect("db")["NetworkSettings"]["Networks"]["backend"]["IPAddress"]))

# %% [markdown]
# ## Ask the model why
# The trace follows the ping from `web` to `db`: route, ARP, veth, bridge, then the rule that
# drops it.

# %%
t = reach(h, "web", "db")
assert t.verdict == "dropped"
show(t)

# %% [markdown]
# ## The rule, in `iptables -S`
# The rule the trace names is one of these:

# %%
show(h.sh("iptables -S"))
show(h.sh("iptables -t raw -S"))

# %% [markdown]
# ## Who reaches whom
# Same network: yes. Across networks: dropped.

# %%
m = reachability(h)
show(m)

# %% [markdown]
# ## The fix: connect web to backend
# `web` gets a second interface on backend's bridge; now the packet never crosses bridges.
# Try it on a fork, so the original host stays as it was.

# %%
fixed = h.fork()
show(fixed.sh("docker network connect backend web"))
t2 = reach(fixed, "web", "db")
assert t2.verdict == "reachable"
show(t2)
assert reach(h, "web", "db").verdict == "dropped"      # the original is unchanged
show(fixed.draw())
