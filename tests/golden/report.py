"""Fidelity report: python -m tests.golden.report [-v] [SCENARIO-PREFIX ...] [--engine 28|20.10|26]

Replays the scenarios beside this file on the simulator and prints, per scenario and engine, how
many commands match the recorded real-engine output (with -v, the differences).
"""

from __future__ import annotations

import sys

from .test_fidelity import ENGINES, cases, compare, load, os, HERE, simulate


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    engines = ENGINES
    if "--engine" in argv:
        engines = (argv[argv.index("--engine") + 1],)
    prefixes = [a for a in argv if not a.startswith("-") and a not in engines]
    total_ok = total_bad = 0
    for engine, scenario in cases():
        if engine not in engines or (prefixes and not any(scenario.startswith(p) for p in prefixes)):
            continue
        expected = load(os.path.join(HERE, f"docker-{engine}", scenario + ".jsonl"))
        res = compare(expected, simulate(engine, scenario))
        ok = sum(1 for r in res if r[2])
        bad = len(res) - ok
        total_ok += ok
        total_bad += bad
        print(f"{engine:5} {scenario}: {ok} passed, {bad} failed")
        if verbose:
            for i, cmd, good, detail in res:
                if not good:
                    print(f"  FAIL [{i}] {cmd}")
                    print("    " + detail.replace("\n", "\n    "))
    print(f"{total_ok} passed, {total_bad} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
