"""Why can't the frontend reach the database? A three-tier compose app, debugged and fixed.

A compose file puts each tier on the networks it names: here the frontend sits on `front`, the
database on `back`, and the api on both. Compose creates one Docker network per name
(`shop_front`, `shop_back`), and Docker isolates networks from each other, so the frontend
cannot reach the database — by design, or by mistake? The simulator answers with the rule that
decided, and shows what a change to the file would change, before anyone runs it.
"""

# %% [script]
def show(obj):
    """A notebook shows ``obj`` richly (tables, drawings); a script prints its text."""
    print(repr(obj) if hasattr(obj, "_repr_svg_") else obj)


# %%
from dockernet_sim import DockerHost

COMPOSE = """
name: shop
services:
  db:
    image: busybox
    tty: true
    networks: [back]
  api:
    image: busybox
    tty: true
    networks: [front, back]
    depends_on: [db]
  frontend:
    image: busybox
    tty: true
    ports: ["8080:80"]
    networks: [front]
    depends_on: [api]
networks:
  front: {}
  back:
    internal: true
"""

h = DockerHost(engine="28", seed=0)
app = h.compose(COMPOSE)
show(app.up())
show(app.ps())

# %% [markdown]
# ## Ask by service name
# `reach` takes compose service names (the first replica of each): the frontend talks to the
# api, the api to the database, but the frontend not to the database.

# %%
assert h.reach("frontend", "api").verdict == "reachable"
assert h.reach("api", "db").verdict == "reachable"
t = h.reach("frontend", "db")
assert t.verdict == "dropped"
show(t.explain())

# %% [markdown]
# ## Who reaches whom in the project

# %%
show(h.reachability())

# %% [markdown]
# ## The fix, tried on a fork: the frontend joins `back`
# Editing the file and running `up` again recreates the frontend with a second network. The
# diff shows the new address, the rules Docker adds and the pair that becomes reachable.

# %%
fixed = h.fork()
fixed_app = fixed.compose(COMPOSE.replace("networks: [front]\n    depends_on: [api]",
                                          "networks: [front, back]\n    depends_on: [api]"))
show(fixed_app.up())
assert fixed.reach("frontend", "db").verdict == "reachable"
show(h.diff(fixed))
