"""``POST /containers/{id}/update`` and the restart policy: moby's ``ContainerUpdate``.

What the daemon keeps of an update is what ``docker inspect`` shows of it: ``HostConfig``'s
``RestartPolicy`` (``Name``, ``MaximumRetryCount``), ``NanoCpus``, ``Memory`` and
``MemorySwap``. The checks and their words were recorded on 20.10, 26 and 28
(``tests/golden/scenarios/r220_wait_update.sh``):

* the policy is checked before the container is looked up, at create as at update, and its
  error is the daemon's own text (each engine's, in ``Messages.restart_*``);
* what the update itself refuses comes back as ``Cannot update container <full ID>: <why>``, on
  every engine alike: a restart policy for a container made with ``--rm`` (AutoRemove), and a
  memory limit above the container's swap limit given without a new swap limit — a container
  made without ``--memory`` has a swap limit of 0, so ``docker update --memory 64m`` alone is
  refused;
* the other resource flags (``--cpu-shares``, ``--pids-limit``, …) are the client's to send and
  the daemon's to take; the model keeps none of them (no cgroups are modelled).

A restart policy is kept and shown; the daemon does not act on it yet (a container that exits
stays exited, as with ``no``).
"""

from __future__ import annotations

from typing import Optional

from ..engines.messages import Messages
from ..errors import InvalidParameter
from ..journal import Journal
from .container import Container

# the policies moby knows (container.RestartPolicyMode)
RESTART_POLICIES = ("no", "always", "on-failure", "unless-stopped")
# what ContainerUpdate wraps the update's own refusals in (r220, every engine)
UPDATE_FAILED = "Cannot update container {id}: {why}"
AUTO_REMOVE_RESTART = "Restart policy cannot be updated because AutoRemove is enabled for the container"
MEMORY_OVER_SWAP = ("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at "
                    "the same time")


def restart_policy_error(messages: Messages, name: str, count: int) -> Optional[str]:
    """The daemon's refusal of a restart policy, or None (an empty name is no policy asked for)."""
    if name in ("", "no", "always", "unless-stopped"):
        if count != 0:
            return messages.restart_count_not_on_failure.format(name=name)
        return None
    if name == "on-failure":
        return messages.restart_count_negative if count < 0 else None
    return messages.restart_unknown.format(name=name)


def check_restart_policy(messages: Messages, name: str, count: int) -> None:
    """Raise the daemon's 400 for a policy it does not take."""
    why = restart_policy_error(messages, name, count)
    if why is not None:
        raise InvalidParameter(why)


def container_update(journal: Journal, c: Container, restart_name: str, restart_max_retries: int,
                     nano_cpus: int, memory: int, memory_swap: int) -> None:
    """Apply an update (its policy already checked) to ``c``: all of it, or nothing."""
    if restart_name and restart_name != "no" and c.auto_remove:
        raise InvalidParameter(UPDATE_FAILED.format(id=c.id, why=AUTO_REMOVE_RESTART))
    if memory and memory_swap == 0 and memory > c.memory_swap:
        raise InvalidParameter(UPDATE_FAILED.format(id=c.id, why=MEMORY_OVER_SWAP))
    before = (c.restart_name, c.restart_max_retries, c.nano_cpus, c.memory, c.memory_swap)

    def undo() -> None:
        c.restart_name, c.restart_max_retries, c.nano_cpus, c.memory, c.memory_swap = before

    journal.record(undo)
    if restart_name:
        c.restart_name, c.restart_max_retries = restart_name, restart_max_retries
    if nano_cpus:
        c.nano_cpus = nano_cpus
    if memory:
        c.memory = memory
    if memory_swap:
        c.memory_swap = memory_swap
