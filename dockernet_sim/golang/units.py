"""docker/go-units' size texts: ``HumanSize`` (decimal: ``1.982MB``), ``HumanSizeWithPrecision``
(``1.98MB`` at 3 digits) and ``BytesSize`` (binary: ``23.54GiB``), as ``docker system df`` and
``docker info`` print sizes (go-units size.go: divide by the base while the value reaches it,
then Go's ``%.<precision>g`` and the unit).

>>> human_size(1982256), human_size(1982256, 3), bytes_size(25276203008), human_size(0)
('1.982MB', '1.98MB', '23.54GiB', '0B')
"""

from __future__ import annotations

__all__ = ["human_size", "bytes_size"]

_DECIMAL = ("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")
_BINARY = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB")


def _size_and_unit(size: float, base: float, units: tuple[str, ...]) -> tuple[float, str]:
    i = 0
    while size >= base and i < len(units) - 1:
        size /= base
        i += 1
    return size, units[i]


def human_size(size: float, precision: int = 4) -> str:
    """HumanSizeWithPrecision (HumanSize is precision 4)."""
    value, unit = _size_and_unit(float(size), 1000.0, _DECIMAL)
    return f"{value:.{precision}g}{unit}"


def bytes_size(size: float) -> str:
    """BytesSize: binary units, 4 significant digits."""
    value, unit = _size_and_unit(float(size), 1024.0, _BINARY)
    return f"{value:.4g}{unit}"
