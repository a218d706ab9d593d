"""jobposting: canonical job postings and converters between their formats."""

from jobposting._version import __version__

__all__ = ["__version__"]
