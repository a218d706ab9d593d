"""The HTML writer: postings as a complete job page (converters/html/template.html) or a fragment.

A page holds one ``<article>`` per posting, each followed by the posting's schema.org JSON-LD
block unless ``WriteOptions.jsonld`` is false. Output is deterministic: the same postings give
the same bytes.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING

from jobposting import codec
from jobposting._resources import data_dir
from jobposting.errors import ResourceNotFoundError, WriteError
from jobposting.formats.base import WriteOptions
from jobposting.formats.html_article import article
from jobposting.formats.html_markup import attr, text

if TYPE_CHECKING:
    from jobposting.model import Posting


@functools.cache
def template() -> string.Template:
    """The page skeleton shipped in converters/html/template.html."""
    path = data_dir("converters") / "html" / "template.html"
    if not path.is_file():
        raise ResourceNotFoundError(f"HTML page template missing at {path}; reinstall the package")
    return string.Template(path.read_text(encoding="utf-8"))


def _jsonld(posting: Posting) -> str:
    # Imported when used: the JSON-LD format imports much more than a page without it needs.
    from jobposting.formats.jsonld import script_element

    return script_element(posting)


def fragment(postings: Iterable[Posting], *, jsonld: bool = True) -> str:
    """The articles of ``postings`` (each with its JSON-LD block when ``jsonld``), no page."""
    blocks = []
    for index, posting in enumerate(postings, start=1):
        block = article(index, codec.to_dict(posting))
        if jsonld:
            block += "\n" + _jsonld(posting)
        blocks.append(block)
    if not blocks:
        raise WriteError("html needs at least one posting to write")
    return "\n".join(blocks) + "\n"


def page(postings: Iterable[Posting], *, jsonld: bool = True) -> str:
    """A complete HTML5 page of ``postings`` with the built-in stylesheet."""
    items = list(postings)
    body = fragment(items, jsonld=jsonld).rstrip("\n")
    first = items[0]
    title = first.title + " \N{EN DASH} " + first.hiring_organization.name
    if len(items) > 1:
        title = f"{len(items)} job postings"
    return template().substitute(
        lang=attr(first.language or "en"),
        title=text(title),
        head="",
        body=body,
    )


def write(postings: Iterable[Posting], sink: IO[bytes], options: WriteOptions) -> None:
    """Write postings as a job page, or as a fragment when ``options.fragment``."""
    embed = options.jsonld
    output = fragment(postings, jsonld=embed) if options.fragment else page(postings, jsonld=embed)
    sink.write(output.encode("utf-8"))
