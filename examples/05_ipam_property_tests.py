"""Property-testing IPAM logic with Hypothesis against dockernet_sim's allocator.

``dockernet_sim.libnetwork.ipam.Ipam`` is Docker's default IPAM (pools for networks, addresses
for endpoints) as a plain Python object: deterministic and fast, so Hypothesis can throw
thousands of call sequences at it. Three properties, then a state machine against a naive
model (a ``set``), in the style of ``hypothesis.stateful``.
"""

# %%
from hypothesis import given, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from dockernet_sim.addr import parse_ip, parse_prefix, prefix
from dockernet_sim.libnetwork.ipam import Ipam, IpamError, NoAvailableAddresses

# a /20 to a /30 somewhere in 10.0.0.0/8: small enough to fill
pools = st.builds(lambda value, length: prefix(value, length, 4).masked(),
                  st.integers(0x0A000000, 0x0AFFFFFF), st.integers(20, 30))

# %% [markdown]
# ## Addresses are unique, inside the pool, and run out exactly at the pool's size
# IPv4 pools reserve the network and broadcast addresses.

# %%
@settings(max_examples=40, deadline=None)
@given(pool=st.builds(lambda value, length: prefix(value, length, 4).masked(),
                      st.integers(0x0A000000, 0x0AFFFFFF), st.integers(24, 30)))
def test_fill_a_pool(pool):
    ipam = Ipam("28")
    pid = ipam.request_pool(pool).pool_id
    seen = set()
    while True:
        try:
            ip = ipam.request_address(pid)
        except NoAvailableAddresses:
            break
        assert pool.contains(ip) and ip not in seen
        seen.add(ip)
    assert len(seen) == 2 ** (32 - pool.length) - 2


test_fill_a_pool()
print("fill: ok")

# %% [markdown]
# ## The lowest free address comes next
# Release any addresses: the next request returns the smallest one that is free (this is why a
# restarted container can get a new IP, see example 02).

# %%
@settings(max_examples=60, deadline=None)
@given(pool=pools, data=st.data())
def test_lowest_free(pool, data):
    ipam = Ipam("28")
    pid = ipam.request_pool(pool).pool_id
    taken = [ipam.request_address(pid) for _ in range(min(6, 2 ** (32 - pool.length) - 2))]
    freed = data.draw(st.lists(st.sampled_from(taken), unique=True)) if taken else []
    for ip in freed:
        ipam.release_address(pid, ip)
    if freed:
        assert ipam.request_address(pid) == min(freed, key=lambda a: a.value)


test_lowest_free()
print("lowest free: ok")

# %% [markdown]
# ## Overlapping pools are refused, and a refusal changes nothing

# %%
@settings(max_examples=60, deadline=None)
@given(a=pools, b=pools)
def test_overlap(a, b):
    ipam = Ipam("28")
    ipam.request_pool(a)
    before = ipam.state()
    overlaps = a.contains(b.addr) or b.contains(a.addr)
    try:
        ipam.request_pool(b)
        assert not overlaps
    except IpamError:
        assert overlaps
        assert ipam.state() == before


test_overlap()
print("overlap: ok")

# %% [markdown]
# ## A state machine against a naive model
# Random interleavings of request and release; the model is a `set` of held addresses.

# %%
class IpamMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.ipam = Ipam("28")
        self.pool = parse_prefix("192.168.7.0/28")
        self.pid = self.ipam.request_pool(self.pool).pool_id
        self.held = set()

    @rule()
    def request(self):
        try:
            ip = self.ipam.request_address(self.pid)
        except NoAvailableAddresses:
            assert len(self.held) == 14
            return
        assert ip not in self.held
        self.held.add(ip)

    @precondition(lambda self: self.held)
    @rule(data=st.data())
    def release(self, data):
        ip = data.draw(st.sampled_from(sorted(self.held, key=lambda a: a.value)))
        self.ipam.release_address(self.pid, ip)
        self.held.remove(ip)

    @rule(n=st.integers(1, 14))
    def request_preferred(self, n):
        ip = parse_ip(f"192.168.7.{n}")
        try:
            self.ipam.request_address(self.pid, ip)
        except IpamError:
            assert ip in self.held
            return
        assert ip not in self.held
        self.held.add(ip)

    @invariant()
    def inside(self):
        assert all(self.pool.contains(ip) for ip in self.held)


IpamMachine.TestCase.settings = settings(max_examples=30, stateful_step_count=30, deadline=None)
IpamMachine.TestCase("runTest").runTest()
print("state machine: ok")

# %% [markdown]
# `dockernet_sim.testing` has ready-made strategies (`addresses`, `prefixes`, `pool_requests`)
# and state machines (`IpamStateMachine`, `HostStateMachine`) to extend.
