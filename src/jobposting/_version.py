"""The package version (the schema carries its own version in its $id)."""

__version__ = "0.1.0"
