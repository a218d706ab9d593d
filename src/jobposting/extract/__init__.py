"""Reading postings out of pages and text that carry no markup (see docs/extraction.md).

- :func:`posting_from_text`: the ``text`` format's reader (a copied careers page, an e-mail).
- :func:`extract_from_html` / :func:`posting_from_tree`: the ``html`` format's path for pages
  without JSON-LD or microdata; they read the visible content only.
- :func:`parse_pay` and :func:`find_date`: the pay and date parsers, usable on their own.

Every guess is a :class:`~jobposting.problems.Problem` on ``Record.diagnostics``.
"""

from jobposting.extract.dates import DateMatch, find_date
from jobposting.extract.pay import PayParse, PayRangeMatch, PeriodSource, parse_pay
from jobposting.extract.posting import (
    PageHints,
    extract_from_html,
    posting_from_blocks,
    posting_from_text,
    posting_from_tree,
)

__all__ = [
    "DateMatch",
    "PageHints",
    "PayParse",
    "PayRangeMatch",
    "PeriodSource",
    "extract_from_html",
    "find_date",
    "parse_pay",
    "posting_from_blocks",
    "posting_from_text",
    "posting_from_tree",
]
