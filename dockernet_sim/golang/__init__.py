"""What the docker client inherits from Go: ``text/template`` with ``fmt``/``strconv``/
``encoding/json`` behind it, and ``text/tabwriter``. Keyed by Go version, not by Docker."""
