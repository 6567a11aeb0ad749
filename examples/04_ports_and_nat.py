"""Publishing ports: what ``-p`` does on the host (DNAT, MASQUERADE, docker-proxy).

``-p 8080:80`` asks the daemon to forward the host's port 8080 to the container's port 80. It
does so with netfilter: a ``DNAT`` rule in the nat table's ``DOCKER`` chain (rewriting the
destination), an ``ACCEPT`` in the filter table for the container, and a ``MASQUERADE`` for the
container's own outbound traffic. ``docker port`` shows the bindings.
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

h = DockerHost(engine="28", seed=0)
show(h.sh("iptables -t nat -S"))          # before: only the bridge's MASQUERADE

# %% [markdown]
# ## Publish a port
# Compare the nat table before and after: one `DNAT` rule per published port and family.

# %%
show(h.sh("docker run -d --name web -p 8080:80 busybox"))
show(h.sh("docker port web"))
show(h.sh("iptables -t nat -S"))
nat = h.sh("iptables -t nat -S").stdout
assert "--dport 8080 -j DNAT --to-destination 172.17.0.2:80" in nat

# %% [markdown]
# ## Only on one address, a range, a random port
# `-p 127.0.0.1:9000:80` binds on loopback only; `-p 80` lets Docker choose a host port from
# the ephemeral range; `-P` publishes every EXPOSEd port of the image.

# %%
show(h.sh("docker run -d --name local -p 127.0.0.1:9000:80 busybox"))
show(h.sh("docker run -d --name anyport -p 80 busybox"))
show(h.sh("docker run -d --name all -P web"))
show(h.sh("docker ps --format '{{.Names}}\t{{.Ports}}'"))
show(h.sh("docker port all"))

# %% [markdown]
# ## A port is held once
# A second container asking for the same host port fails at start: the create succeeded, so the
# CLI prints the ID first, then the error, and the container stays in `Created`.

# %%
r = h.sh("docker run -d --name clash -p 8080:80 busybox")
assert r.exit_code != 0
show(r)
show(h.sh("docker ps -a --filter name=clash --format '{{.Names}} {{.Status}}'"))

# %% [markdown]
# ## The filter table
# The published port is accepted in the `DOCKER` chain for the container's address only.

# %%
show(h.sh("iptables -S DOCKER"))

# %% [markdown]
# ## The picture: published ports sit on the host's edge

# %%
show(h.draw())
