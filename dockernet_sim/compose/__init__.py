"""The Compose Specification as docker compose v2 reads it: the YAML it is written in, and (to
come) the project model, interpolation and merging."""
