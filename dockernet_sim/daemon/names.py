"""Names for containers created without ``--name``: ``adjective_noun``, as Docker does.

The word lists are our own (Docker's own list names scientists); the shape and the rule that a
name is never handed out twice are Docker's.
"""

from __future__ import annotations

from typing import Container

from ..ids import Randomness

ADJECTIVES = ("amazing", "brave", "calm", "clever", "eager", "fervent", "gentle", "happy", "jolly", "keen",
              "lucid", "modest", "nifty", "quirky", "serene", "sharp", "sleepy", "tender", "vibrant", "zealous")
NOUNS = ("albatross", "badger", "condor", "dolphin", "egret", "falcon", "gecko", "heron", "ibis", "jackal",
         "kestrel", "lemur", "marten", "narwhal", "ocelot", "puffin", "quokka", "raven", "stork", "tapir")


def generate_name(rand: Randomness, taken: Container[str]) -> str:
    while True:
        name = f"{ADJECTIVES[rand.randbits(16) % len(ADJECTIVES)]}_{NOUNS[rand.randbits(16) % len(NOUNS)]}"
        if name not in taken:
            return name
        name = f"{name}{rand.randbits(8) % 10}"
        if name not in taken:
            return name
