"""The outcome of one command line (defined at the bottom layer so the model's tools can build it)."""

from ..result import Result

__all__ = ["Result"]
