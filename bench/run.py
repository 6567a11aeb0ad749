"""Run every benchmark and print the figures: a table, or one JSON object with --json.

    python bench/run.py            a table
    python bench/run.py --json     {"ipv4_parse_speedup": …, "alloc_slash16_seconds": …, …}

Each figure is measured in this one run against a baseline in the same process (the machine
is shared and noisy: compare ratios, not absolute times). Ratios of speed are ipaddress's time
over ours; growth ratios compare the per-call cost at two host sizes.
"""

from __future__ import annotations

import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

SUITES = ["addr_bench", "ipam_bench", "engine_bench", "reach_bench", "query_bench", "api_bench",
          "startup_bench", "whatif_bench", "playground_bench"]


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    only = [a for a in argv if not a.startswith("-")]
    figures: dict[str, object] = {}
    for name in SUITES:
        if only and name not in only:
            continue
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        if not as_json:
            print(f"running {name} …", file=sys.stderr)
        figures.update(mod.run())
    if as_json:
        print(json.dumps(figures, sort_keys=True))
        return 0
    width = max(len(k) for k in figures) if figures else 10
    for k in sorted(figures):
        v = figures[k]
        print(f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
