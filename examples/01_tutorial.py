"""The tutorial's walkthrough: Docker's network modes on one host, and what each one builds.

The default bridge, a user-defined bridge, host mode, none mode and container mode, typed as
the tutorial types them, then drawn: the host's namespace with eth0 and its bridges, one box per
container namespace, and the veth pairs between them.

Run: ``python examples/01_tutorial.py [drawing.svg]`` (from the repository, with the package
installed or ``PYTHONPATH=.``).
"""

# %% [script]
import sys


def show(obj):
    """A notebook shows ``obj`` richly (tables, drawings); a script prints its text."""
    if hasattr(obj, "_repr_svg_") or not hasattr(obj, "_repr_html_") or not hasattr(obj, "name"):
        print(repr(obj) if hasattr(obj, "_repr_svg_") else obj)
    else:                                   # a network or a container: its name is enough here
        print(f"<{type(obj).__name__} {obj.name}>")


# %%
from dockernet_sim import DockerHost
from dockernet_sim.daemon.container import Image

h = DockerHost(engine="28", seed=0)          # a fresh host: bridge, host and none networks
h.add_image(Image("centos", ("/bin/bash",), tools="iproute2"))   # `ip a` inside, like the tutorial's centos
show(h.sh("docker network ls"))

# %% [markdown]
# ## The default bridge
# A container started without `--network` is plugged into `docker0` and gets the first free
# address of 172.17.0.0/16 (the gateway, 172.17.0.1, is the bridge's own address).

# %%
show(h.sh("docker run -itd --name busybox1 busybox"))
show(h.sh("docker inspect -f '{{.NetworkSettings.IPAddress}}' busybox1"))

# %% [markdown]
# ## A user-defined bridge
# `docker network create` makes a new Linux bridge, `br-` + the network ID's first 12 characters.

# %%
show(h.sh("docker network create --subnet 172.18.0.0/16 --gateway 172.18.0.1 nasanet"))
show(h.sh("docker run -itd --name nasa --network nasanet centos:latest"))
show(h.sh("docker inspect -f '{{.NetworkSettings.Networks.nasanet.IPAddress}}' nasa"))

# %% [markdown]
# ## Host mode and none mode
# A host-mode container has no namespace of its own: it sees the host's interfaces. A none-mode
# container has a namespace with only `lo`.

# %%
show(h.sh("docker run -idt --name hostos --network host centos:latest"))
show(h.sh("docker run -itd --name none-nasa --net=none centos:latest"))
show(h.sh("docker exec none-nasa ip a"))

# %% [markdown]
# ## Container mode
# `--net=container:nasa-master` joins nasa-master's namespace: same interfaces, same IP, same MAC.

# %%
show(h.sh("docker run -idt --name nasa-master centos:latest"))
show(h.sh("docker run -itd --name nasa-slave --net=container:nasa-master centos:latest"))
master, slave = h.sh("docker exec nasa-master ip a"), h.sh("docker exec nasa-slave ip a")
assert master.stdout == slave.stdout
show(slave)

# %% [markdown]
# ## One veth pair per container on a bridge
# `brctl show` lists the host ends; the container ends are the `eth0@ifN` inside.

# %%
show(h.sh("brctl show"))

# %% [markdown]
# ## The picture
# The host's namespace (eth0, docker0, the br-… bridge, hostos inside it), a box per container
# namespace with its interfaces and addresses, nasa-slave sharing nasa-master's box, none-nasa
# with `lo` only, and a line per veth pair.

# %%
drawing = h.draw()
show(drawing)

# %% [script]
if len(sys.argv) > 1:
    drawing.save(sys.argv[1])
    print(f"wrote {sys.argv[1]}")

# %% [markdown]
# The host itself, a network and a container display as HTML in a notebook too:

# %%
show(h.ctl.find_network("nasanet"))
