"""Names that stand in the employer's place when a posting does not name it.

"Confidential", "Our client", "Vertraulich": such a name is what applicants see, and readers keep
it as ``hiringOrganization.name`` with ``disclosed`` false, so that nobody takes it for the
employer's name.
"""

from __future__ import annotations

import re

__all__ = ["MESSAGE", "stands_in"]

_PLACEHOLDER = re.compile(
    r"(?:(?:a|an)\s+)?(?:confidential|anonymous|undisclosed|unnamed|not disclosed)"
    r"(?:\s+(?:company|employer|client|organi[sz]ation))?"
    r"|(?:our|a)\s+client|vertraulich|(?:unser(?:e)?|ein(?:e)?)\s+kund(?:e|in)|anonym"
    r"|confidentiel(?:le)?|(?:notre|un)\s+client|confidencial|(?:nuestro|un)\s+cliente"
    r"|vertrouwelijk|(?:onze|een)\s+klant",
    re.IGNORECASE,
)

#: The diagnostic every reader gives, with the name.
MESSAGE = "{name!r} stands in the employer's place: the posting does not name it"


def stands_in(name: str) -> bool:
    """Whether ``name`` is a placeholder for an employer the posting does not name."""
    return _PLACEHOLDER.fullmatch(name.strip(" .:")) is not None
