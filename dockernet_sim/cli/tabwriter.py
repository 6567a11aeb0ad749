"""Placeholder tabwriter (replaced by the full implementation)."""
def tabwrite(text, minwidth=10, tabwidth=1, padding=3, padchar=" ", flags=0):
    lines = text.split("\n")
    rows = [l.split("\t") for l in lines]
    ncol = max(len(r) for r in rows)
    widths = [0] * ncol
    for r in rows:
        for i, c in enumerate(r[:-1]):
            widths[i] = max(widths[i], len(c) + padding, minwidth)
    return "\n".join("".join(c.ljust(widths[i]) if i < len(r) - 1 else c for i, c in enumerate(r)) for r in rows)
