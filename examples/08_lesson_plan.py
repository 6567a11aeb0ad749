"""A lesson plan: Docker networking in one class, with the answers a student would check.

The tutorial's walkthrough, end to end, with the questions students ask first: can a container
reach the internet (the outside world is modelled: names get documentation addresses, never real
traffic), why does ``ping alpine2`` fail on the default bridge, does ``-p`` make a port answer,
and what changes when a container joins a second network. Every trace carries a sentence that explains
its verdict, and the drawing highlights a traced packet's path.
"""

# %% [script]
def show(obj):
    """A notebook shows ``obj`` richly (tables, drawings); a script prints its text."""
    print(repr(obj) if hasattr(obj, "_repr_svg_") else obj)


# %% [markdown]
# ## 1. The default bridge, and the outside world
# Two containers on `docker0`. Both reach the internet through the host's NAT; `google.com`
# resolves through the host's nameserver to a documentation address (203.0.113.0/24).

# %%
from dockernet_sim import DockerHost

h = DockerHost(engine="28", seed=0)
show(h.sh("docker run -itd --name alpine1 busybox"))
show(h.sh("docker run -itd --name alpine2 busybox"))
show(h.sh("docker exec alpine1 ping -c 1 google.com"))
show(h.sh("docker exec alpine1 nslookup google.com"))
assert h.sh("docker exec alpine1 ping -c 1 google.com").exit_code == 0

# %% [markdown]
# ## 2. Why does `ping alpine2` fail?
# By address the bridge carries the packet; by name it fails: the default bridge has no DNS.
# A trace by name resolves first, as the container would, and says why.

# %%
show(h.sh("docker exec alpine1 ping -c 1 alpine2"))
t = h.reach("alpine1", "alpine2", by_name=True)
print(t.explain())
print("why:", t.lesson)
assert t.verdict == "bad address" and h.reach("alpine1", "alpine2").ok

# %% [markdown]
# ## 3. A user-defined network has DNS
# On a network of your own, 127.0.0.11 answers the other containers' names.

# %%
show(h.sh("docker network create --subnet 10.1.0.0/24 front"))
show(h.sh("docker run -itd --name web --network front -p 8080:80 busybox"))
show(h.sh("docker run -d --name site --network front busybox httpd -f -p 80"))
show(h.sh("docker run -itd --name client --network front busybox"))
show(h.sh("docker exec client ping -c 1 web"))
assert h.reach("client", "web", by_name=True).ok

# %% [markdown]
# ### What crossed the wire
# `ifconfig` counts the packets the model moved. Three more pings from `client` are three echo
# requests and three replies, 98 bytes each on every veth end they cross (84 bytes of IP, 14 of
# Ethernet); the bridge forwards them between its ports without counting them itself. The first
# ping was preceded by an ARP request and its reply (42 bytes each): after that, both sides know
# each other's MAC (`docker exec web ip neigh`).

# %%
show(h.sh("docker exec client ping -c 3 web"))
show(h.sh("docker exec web ifconfig eth0"))
assert "RX packets:5 " in h.sh("docker exec web ifconfig eth0").stdout   # ARP + 1 + 3 echo requests
assert "RX bytes:434 (434.0 B)" in h.sh("docker exec web ifconfig eth0").stdout

# %% [markdown]
# ## 4. Does `-p` make a port answer?
# No: `web` runs a shell. The packet arrives and the kernel answers with a reset. `site` runs
# `httpd`, which listens.

# %%
refused = h.reach("client", "web", port=80, by_name=True)
print(refused.verdict, "-", refused.lesson)
show(h.sh("docker exec client nc -w 2 web 80"))
served = h.reach("client", "site", port=80, by_name=True)
print(served.verdict, "-", served.lesson)
assert refused.verdict == "refused" and served.ok

# %% [markdown]
# `netstat -tln` in the containers says the same: `site` has a socket on port 80, `web` has none
# (only the embedded DNS's own, on 127.0.0.11). A server started in `web` (on a fork, to leave the
# lesson's host as it is) and the same packet is served.

# %%
show(h.sh("docker exec web netstat -tln"))
show(h.sh("docker exec site netstat -tln"))
fixed = h.fork()
show(fixed.sh("docker exec -d web httpd -f -p 80"))
print(fixed.reach("client", "web", port=80, by_name=True).verdict)
assert fixed.reach("client", "web", port=80, by_name=True).ok and not h.reach("client", "web", port=80).ok

# %% [markdown]
# ## 5. Isolation, and what `docker network connect` changes
# A container on another network is isolated; connecting it moves its default route too.

# %%
show(h.sh("docker network create --subnet 10.2.0.0/24 back"))
show(h.sh("docker run -itd --name db --network back busybox"))
print(h.reach("client", "10.2.0.2").lesson)
after = h.fork()
after.sh("docker network connect back web")
print(h.diff(after))
assert h.diff(after).gateways

# %% [markdown]
# ## 6. Where Docker stops the outside world
# `--internal` and `--network none` have no way out; the lookup fails first.

# %%
show(h.sh("docker network create --internal lab"))
show(h.sh("docker run -itd --name sealed --network lab busybox"))
show(h.sh("docker exec sealed ping -c 1 google.com"))
show(h.sh("docker run --rm --network none busybox nslookup google.com"))

# %% [markdown]
# ## 7. The picture, with a packet's path
# The drawing shows each namespace with its MACs and the interface holding the default route;
# `trace=` highlights the path of a traced packet. `scale` makes it readable from the back.

# %%
path = h.reach("alpine1", "google.com", by_name=True)
drawing = h.draw(scale=1.5, trace=path)
show(drawing)
show(h.usage("front"))
show(h.reachability(["alpine1", "alpine2", "web", "client", "db"]))
