"""Placeholder pipes (replaced by the full implementation)."""
import re
def run_filter(argv, stdin):
    prog, args = argv[0], argv[1:]
    if prog == "grep":
        flags = [a for a in args if a.startswith("-")]
        pat = [a for a in args if not a.startswith("-")][0]
        rx = re.compile(pat, re.I if "-i" in flags else 0)
        out = [l for l in stdin.splitlines() if bool(rx.search(l)) != ("-v" in flags)]
        return "".join(l + "\n" for l in out), "", 0 if out else 1
    return stdin, "", 0
