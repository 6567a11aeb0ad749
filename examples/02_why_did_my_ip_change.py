"""Why did my container's IP change? Addresses belong to running containers, not to names.

A container gets its address when it *starts* (its endpoint joins the network) and gives it back
when it stops. Docker's IPAM then hands out the lowest free address, so a container started
while another is stopped can take that one's address, and the stopped one gets a new address
when it comes back. The fix, when an address must not move: ``--ip`` on a network with a
``--subnet``, or better, use the container's name (Docker's DNS on user-defined networks).
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
ips = "docker inspect -f '{{.Name}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}'"
show(h.sh("docker network create --subnet 10.10.0.0/24 appnet"))
for name in ("db", "api", "web"):
    h.sh(f"docker run -d --name {name} --network appnet busybox")
show(h.sh(f"{ips} db api web"))

# %% [markdown]
# ## Stop one, start another
# `api` gives 10.10.0.3 back when it stops; the next container to start takes the lowest free
# address, which is that one.

# %%
show(h.sh("docker stop api"))
show(h.sh("docker run -d --name worker --network appnet busybox"))
show(h.sh(f"{ips} worker"))

# %% [markdown]
# ## Start the first one again
# `api` gets the lowest address free *now*: not its old one.

# %%
show(h.sh("docker start api"))
show(h.sh(f"{ips} db api web worker"))
before = h.container_inspect("worker")["NetworkSettings"]["Networks"]["appnet"]["IPAddress"]
after = h.container_inspect("api")["NetworkSettings"]["Networks"]["appnet"]["IPAddress"]
assert before == "10.10.0.3" and after == "10.10.0.5", (before, after)

# %% [markdown]
# ## A fixed address, or a name
# `--ip` pins an address (the network needs a user `--subnet`); a restart keeps it. On a
# user-defined network every container can also reach the others by name.

# %%
show(h.sh("docker run -d --name cache --network appnet --ip 10.10.0.100 busybox"))
h.sh("docker restart cache")
show(h.sh(f"{ips} cache"))
show(h.sh("docker exec web ping -c 1 api"))

# %% [markdown]
# The same story on Engine 20.10: the same allocation rule (lowest free address).

# %%
old = DockerHost(engine="20.10", seed=0)
for line in ["docker network create --subnet 10.10.0.0/24 appnet", "docker run -d --name one --network appnet busybox",
             "docker run -d --name two --network appnet busybox", "docker stop one",
             "docker run -d --name three --network appnet busybox", "docker start one"]:
    old.sh(line)
show(old.sh(f"{ips} one two three"))
