"""The JobPosting ``description``: built as Google-readable HTML, and read back into its parts.

The writer's description is the canonical summary, then one ``<h2>`` block per part:
responsibilities, required and preferred qualifications, the sections, benefits and legal notices.
Blocks generated from a dedicated canonical field carry ``data-jobposting="<field>"`` on their
heading; a plain ``<h2>`` starts a section. Canonical rich text never holds ``<h2>`` (its subset
stops at ``<h3>``), so the split is exact.

A description from anywhere else is decoded (entity-encoded HTML, literal ``\\n``), sanitised
with nh3 to the canonical subset when it is outside it, split into sections at its ``<h1>`` and
``<h2>`` headings, and, when the page has no structured responsibilities, qualifications or
benefits, those lists are recovered from headed lists (Google's own reading of descriptions).
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from typing import Any

import attrs
import nh3

from jobposting.formats.jsonld_values import Log, plain_text
from jobposting.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, rich_text_problems

#: Canonical fields whose content the writer repeats in the description, in block order.
BLOCK_FIELDS = (
    "responsibilities",
    "requiredQualifications",
    "preferredQualifications",
    "sections",
    "benefits",
    "legalStatements",
)
_HEADINGS = {
    "en": ("Responsibilities", "Required qualifications", "Preferred qualifications",
           "Benefits", "Legal notices"),
    "de": ("Ihre Aufgaben", "Ihr Profil", "Wünschenswert", "Wir bieten", "Rechtliche Hinweise"),
    "fr": ("Vos missions", "Profil recherché", "Atouts appréciés", "Avantages",
           "Mentions légales"),
    "es": ("Responsabilidades", "Requisitos", "Se valorará", "Beneficios", "Avisos legales"),
    "nl": ("Taken", "Functie-eisen", "Pré", "Wat wij bieden", "Juridische informatie"),
}  # fmt: skip
_LABELS = dict(
    zip(
        ("responsibilities", "requiredQualifications", "preferredQualifications", "benefits",
         "legalStatements"),
        range(5),
        strict=True,
    )
)  # fmt: skip


def _escape_text(value: str) -> str:
    """Plain canonical text as HTML: escaped, line breaks as <br>."""
    return html.escape(value, quote=False).replace("\n", "<br>")


def _heading(field: str, language: str | None) -> str:
    table = _HEADINGS.get((language or "en").split("-")[0], _HEADINGS["en"])
    return f'<h2 data-jobposting="{field}">{table[_LABELS[field]]}</h2>'


def build(posting: dict[str, Any]) -> str | None:
    """Return the description HTML for a canonical posting (None when it has nothing to say)."""
    language = posting.get("language")
    compensation = posting.get("compensation") or {}
    lists = {
        "responsibilities": posting.get("responsibilities"),
        "requiredQualifications": posting.get("requiredQualifications"),
        "preferredQualifications": posting.get("preferredQualifications"),
        "benefits": compensation.get("benefits"),
    }
    parts = [posting.get("description") or ""]
    for field in BLOCK_FIELDS:
        if field == "sections":
            for section in posting.get("sections") or ():
                parts.append(f"<h2>{html.escape(section['heading'], quote=False)}</h2>")
                parts.append(section["content"])
        elif field == "legalStatements":
            statements = posting.get("legalStatements") or ()
            if statements:
                parts.append(_heading(field, language))
                texts = [statement["text"] for statement in statements]
                parts.append(_escaped_blocks(texts, "<p>", "</p>"))
        elif listed := lists[field]:
            parts.append(_heading(field, language))
            parts.append(f"<ul>{_escaped_blocks(listed, '<li>', '</li>')}</ul>")
    result = "".join(parts)
    return result or None


def _escaped_blocks(texts: list[str], start: str, end: str) -> str:
    """``"".join(start + _escape_text(text) + end for text in texts)``, escaped in one go.

    The texts are joined with NUL, escaped together and the NULs replaced by ``end + start``:
    escaping maps each character on its own and leaves NUL as it is, so when no text holds a NUL
    this is the text of each block escaped alone.
    """
    try:
        joined = "\x00".join(texts)
    except TypeError:
        joined = None  # not all texts: escaped one by one below, failing as they did
    if joined is None or joined.count("\x00") != len(texts) - 1:
        return "".join(start + _escape_text(text) + end for text in texts)
    return start + _escape_text(joined).replace("\x00", end + start) + end


@attrs.define
class Description:
    """A description read into canonical parts."""

    summary: str | None = None
    sections: list[dict[str, str]] = attrs.field(factory=list)
    #: lists read from generated or headed blocks: field -> items
    lists: dict[str, list[str]] = attrs.field(factory=dict)


_OWN_H2 = re.compile(r'<h2(?: data-jobposting="([A-Za-z]+)")?>(.*?)</h2>', re.S)
_ANY_H12 = re.compile(r"<h([12])>(.*?)</h\1>", re.S)
_ENCODED_TAG = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]*(\s|&gt;|/)")
_TAG = re.compile(r"<[^<>]*>")


def read(raw: str, where: str, log: Log, wanted: frozenset[str]) -> Description:
    """Read a description; ``wanted`` names list fields the node lacks (to recover from blocks)."""
    text = raw
    if "<" not in text and _ENCODED_TAG.search(text):
        text = _unescape(text)
        log.note(where, "description.entity-encoded", "was HTML-entity-encoded; decoded")
    if "\\" in text and (">\\n" in text or "\\n<" in text):
        text = _line_breaks(text)
        log.note(where, "description.escapes", "held literal \\n between tags; removed")
    text = text.strip()
    headings = list(_OWN_H2.finditer(text))  # found once: checked as <h3>, then split at
    if _is_rich_text(_with_h3(text, headings)):
        result = _split(text, _OWN_H2, where, log, wanted, own=True, matches=headings)
    else:
        cleaned = sanitise(text)
        log.note(where, "description.sanitised", "held markup outside the rich-text subset")
        result = _split(cleaned, _ANY_H12, where, log, frozenset(), own=False)
    still = wanted - result.lists.keys() - {"legalStatements"}
    if still:
        _recover(result, where, log, still)
    return result


def _line_breaks(text: str) -> str:
    r"""``text.replace(">\\n", ">\n").replace("\\n<", "\n<")`` in one pass over the text.

    A literal ``\\n`` becomes a line break when a tag ends right before it or starts right after
    it in the text as given (the first replacement leaves no ``\\n`` behind and no ``<`` changed,
    so the second sees the same neighbours).
    """
    parts = text.split("\\n")
    out = [parts[0]]
    for before, after in itertools.pairwise(parts):
        out.append("\n" if before.endswith(">") or after.startswith("<") else "\\n")
        out.append(after)
    return "".join(out)


_ONE_LIST = re.compile(r"<(ul|ol)>(.*)</\1>", re.S)


def _recover(result: Description, where: str, log: Log, wanted: frozenset[str]) -> None:
    """Move headed lists of wanted fields out of the summary and sections into ``lists``."""
    found: dict[str, list[str]] = {}
    if result.summary:
        result.summary = _recover_lists(result.summary, where, log, wanted, found) or None
    kept = []
    for section in result.sections:
        field = field_for_heading(section["heading"])
        listing = _ONE_LIST.fullmatch(section["content"])
        if field in wanted and field not in found and listing and "<li" in listing.group(2):
            found[field] = _items(section["content"])
            log.note(
                where,
                "description.recovered",
                f"{field} read from the list under {section['heading']!r}",
            )
            continue
        content = _recover_lists(section["content"], where, log, wanted, found)
        if content:
            kept.append({"heading": section["heading"], "content": content})
    result.sections = kept
    result.lists.update(found)


_OTHER_ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#39);)")


def _unescape(text: str) -> str:
    """html.unescape, with a fast path for text that only holds the five markup entities."""
    if _OTHER_ENTITY.search(text):
        return html.unescape(text)
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
        .replace("&#39;", "'").replace("&amp;", "&")
    )  # fmt: skip


def _h2_contents(match: re.Match[str]) -> str:
    return f"<h3>{match.group(2)}</h3>"  # checked like any heading of the subset


def _with_h3(text: str, headings: list[re.Match[str]]) -> str:
    """``_OWN_H2.sub(_h2_contents, text)`` from the matches already found."""
    if not headings:
        return text
    parts = []
    position = 0
    for match in headings:
        parts.append(text[position : match.start()])
        parts.append(_h2_contents(match))
        position = match.end()
    parts.append(text[position:])
    return "".join(parts)


_TAGS = re.compile(r'<(/?[a-z0-9]+)( href="[^"<>&]*")?>')
_TAG_NAMES = re.compile(r"<(/?[a-z0-9]+)>")  # _TAGS where no tag can have the href group
_ODD_AMPERSAND = re.compile(r"&(?![a-zA-Z]+;|#\d+;|#x[\da-fA-F]+;)")
_OPENING = {tag: tag for tag in ALLOWED_TAGS}
_CLOSING = {"/" + tag: tag for tag in ALLOWED_TAGS}
_OTHER_TAG = re.compile(
    r"<(?!/?(?:" + "|".join(sorted(ALLOWED_TAGS, key=len, reverse=True)) + r")[ >])[a-zA-Z/!?]"
)


#: The tag names (as ``_TAG_NAMES`` captures them) of the subset's opening and closing tags.
_SUBSET_NAMES = frozenset(_OPENING) | frozenset(_CLOSING)


def _is_rich_text(value: str) -> bool:
    """True when ``value`` is canonical rich text (a fast scan; the exact checker when unsure).

    The tags are found first: when every ``<`` begins one of them and each names a tag of the
    subset, ``_OTHER_TAG`` (a ``<`` not followed by a subset tag's name and a space or ``>``)
    cannot match, and its scan over the text is left out.
    """
    if ' href="' not in value:
        parts = _TAG_NAMES.split(value)  # text, name, text, name, ..., text
        names = parts[1::2]
        between = "".join(parts[::2])  # each tag holds one < and one >: the rest holds none
        counted = "<" not in between and ">" not in between
        if counted and _SUBSET_NAMES.issuperset(names):
            return _names_nest(value, names)
        if _OTHER_TAG.search(value):
            return False  # an element, comment or declaration outside the subset
        if not counted:
            return not rich_text_problems(value)  # a bare < or >: ask the checker
        return _names_nest(value, names)
    tokens = _TAGS.findall(value)
    counted = value.count("<") == len(tokens) and value.count(">") == len(tokens)
    if not (counted and _SUBSET_NAMES.issuperset(tag for tag, _ in tokens)):
        if _OTHER_TAG.search(value):
            return False
        if not counted:
            return not rich_text_problems(value)  # a bare < or >: ask the checker
    if "&" in value and _ODD_AMPERSAND.search(value):
        return not rich_text_problems(value)
    stack: list[str] = []  # as in _names_nest: the closing tag each open element waits for
    push, pop = stack.append, stack.pop
    for tag, href in tokens:
        closer = _CLOSER_OF.get(tag)
        if closer is not None or tag == "br":
            if href and (tag != "a" or href[7:].split(":", 1)[0].lower() not in URL_SCHEMES):
                return False
            if closer is not None:
                push(closer)
        elif tag in _CLOSERS:
            if not stack or pop() != tag:
                return not rich_text_problems(value)
        else:
            return False
    return not stack


def _names_nest(value: str, names: list[str]) -> bool:
    """The rest of :func:`_is_rich_text` for a value without links whose every ``<`` and ``>``
    belongs to a tag of ``names``: the same steps on tag names (no tag has the href group).

    The stack holds the closing tag each open element waits for, so a closing tag is checked
    by one comparison.
    """
    if "&" in value and _ODD_AMPERSAND.search(value):
        return not rich_text_problems(value)
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    for tag in names:
        closer = _CLOSER_OF.get(tag)
        if closer is not None:
            push(closer)
        elif tag in _CLOSERS:
            if not stack or pop() != tag:
                return not rich_text_problems(value)
        elif tag != "br":
            return False  # </br>, or a tag outside the subset
    return not stack


#: The closing tag of each element of the subset that has one, and those closing tags.
_CLOSER_OF = {tag: "/" + tag for tag in _OPENING if tag != "br"}
_CLOSERS = frozenset(_CLOSER_OF.values())


def _split(
    value: str,
    heading: re.Pattern[str],
    where: str,
    log: Log,
    wanted: frozenset[str],
    *,
    own: bool,
    matches: list[re.Match[str]] | None = None,
) -> Description:
    result = Description()
    if matches is None:
        matches = list(heading.finditer(value))
    end = matches[0].start() if matches else len(value)
    result.summary = value[:end].strip() or None
    for index, match in enumerate(matches):
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(value)
        content = value[match.end() : stop]
        marker = match.group(1) if own else None
        if marker:
            if marker in wanted and marker != "legalStatements":
                result.lists[marker] = _items(content)
                log.note(where, "description.recovered", f"{marker} read from the description")
            continue
        title = html.unescape(match.group(2)) if own else plain_text(match.group(2))
        content = content.strip()
        if title and content:
            result.sections.append({"heading": title, "content": content})
        elif content:
            result.summary = "".join(filter(None, [result.summary, content]))
    return result


def _items(content: str) -> list[str]:
    """The plain text of each <li> of a list's HTML."""
    if "<li>" not in content:
        return []
    marked = content.replace("</li>", "\x00")
    text = _TAG.sub("", marked[marked.index("<li>") :])
    if "&" in text:
        text = html.unescape(text)
    # Each item's whitespace collapsed: collapsing the whole text once ("\x00" is not
    # whitespace) leaves at most a space at either end of an item.
    return [item for part in _collapse(text).split("\x00") if (item := part.strip(" "))]


# -- sanitising ----------------------------------------------------------------------------------

_CLEAN_TAGS = set(ALLOWED_TAGS) | {"h1", "h2"}
_CLEAN_ATTRIBUTES = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
#: Built once: ``nh3.clean`` with keyword arguments converts the allowlists on every call.
_CLEANER = nh3.Cleaner(
    tags=_CLEAN_TAGS,
    attributes=_CLEAN_ATTRIBUTES,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
#: ``<div ...>`` (attributes dropped) and ``</div>``, any case: one pass, each told apart by its
#: second character.
_DIV_TAG = re.compile(r"<div\b[^>]*>|</div\s*>", re.I)
#: Every character ``str.split()`` splits on besides " ", "\n", "\t" and "\r" (which
#: :func:`_collapse` replaces itself): ASCII ones, then the others.
_RARE_ASCII_SPACES = "\x0b\x0c\x1c\x1d\x1e\x1f"
_RARE_SPACES = _RARE_ASCII_SPACES + (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
#: A space before a block tag (found by its literal two-character start), and one after.
_SPACE_BEFORE_BLOCK = re.compile(r" <(?=(?:/?(?:p|ul|ol|li|h[1-6]|blockquote)|br)>)")
_SPACE_AFTER_BLOCK = re.compile(r"(<(?:/?(?:p|ul|ol|li|h[1-6]|blockquote)|br)>) ")
_EMPTY_P = re.compile(r"<p>(?:\s|<br>|&nbsp;|\u00a0)*</p>|<(ul|ol)>\s*</\1>")


def sanitise(value: str) -> str:
    """Return HTML reduced to the canonical rich-text subset (plus h1/h2), tidied.

    ``<div>`` becomes a paragraph so that blocks stay apart; whitespace collapses as a browser
    shows it (except in ``<pre>``); empty paragraphs and edge line breaks go.
    """
    prepared = _DIV_TAG.sub(_div_as_p, value) if "<div" in value else value
    cleaned = _CLEANER.clean(prepared)
    if "<pre>" not in cleaned:
        cleaned = _collapse(cleaned)
        if " <" in cleaned:
            cleaned = _SPACE_BEFORE_BLOCK.sub("<", cleaned)
        if "> " in cleaned:
            cleaned = _SPACE_AFTER_BLOCK.sub(_group_one, cleaned)
    return _tidy(cleaned)


def _div_as_p(match: re.Match[str]) -> str:
    return "</p>" if match.group()[1] == "/" else "<p>"


def _collapse(text: str) -> str:
    r"""``" ".join(text.split())``: whitespace runs as one space, none at the ends.

    Sanitised HTML holds many runs (a line break between tags, a space between words); when its
    only whitespace is " ", "\n", "\t" and "\r", replacing those characters is a few passes in
    C instead of a string object per word.
    """
    for char in _RARE_ASCII_SPACES if text.isascii() else _RARE_SPACES:
        if char in text:
            return " ".join(text.split())
    for char in "\n\t\r":
        if char in text:
            text = text.replace(char, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def _group_one(match: re.Match[str]) -> str:
    return match.group(1)


def _tidy(cleaned: str) -> str:
    """Drop empty paragraphs and lists and line breaks at the edges, until none is left."""
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = _EMPTY_P.sub("", cleaned).strip()
        while cleaned.startswith("<br>"):
            cleaned = cleaned[4:].lstrip()
        while cleaned.endswith("<br>"):
            cleaned = cleaned[:-4].rstrip()
        cleaned = cleaned.replace("<br></p>", "</p>").replace("<p><br>", "<p>")
    return cleaned


# -- recovering lists from headed blocks ---------------------------------------------------------

_VOCABULARY = {
    "preferredQualifications": (
        "preferred", "nice to have", "nice-to-have", "bonus points", "desirable", "a plus",
        "wünschenswert", "von vorteil", "mile widziane", "atouts", "se valorará", "pluspunten",
    ),
    "requiredQualifications": (
        "qualifications", "requirements", "required", "who you are", "what you'll bring",
        "what you bring", "what we're looking for", "what we are looking for", "must have",
        "your profile", "skills and experience", "about you", "you have", "ihr profil",
        "dein profil", "anforderungen", "votre profil", "profil recherché", "requisitos",
        "profiel", "functie-eisen", "wymagania", "oczekujemy",
    ),
    "responsibilities": (
        "responsibilities", "responsible for", "what you'll do", "what you will do",
        "what you'll work on", "your role", "the role", "duties", "your tasks", "your mission",
        "ihre aufgaben", "deine aufgaben", "aufgaben", "vos missions", "missions",
        "responsabilités", "responsabilidades", "funciones", "taken", "wat ga je doen",
        "obowiązki", "zakres obowiązków",
    ),
    "benefits": (
        "benefits", "what we offer", "we offer", "perks", "what's in it for you", "wir bieten",
        "was wir bieten", "nous offrons", "avantages", "ofrecemos", "beneficios",
        "wat bieden wij", "wat wij bieden", "oferujemy",
    ),
}  # fmt: skip


_PATTERNS = {
    field: re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, phrases)) + r")(?:$|\W)")
    for field, phrases in _VOCABULARY.items()
}


_HEADING_SEPARATORS = re.compile(r"[\s:!.]+")


@functools.lru_cache(maxsize=4096)
def field_for_heading(title: str) -> str | None:
    """The canonical list field a heading introduces, from its words (None when unknown)."""
    words = _HEADING_SEPARATORS.sub(" ", title.replace("\u2019", "'").lower()).strip()
    if not words or len(words.split()) > 8:
        return None
    for field, pattern in _PATTERNS.items():
        if pattern.search(words):
            return field
    return None


_EMPHASIS = r"(?:<(?:strong|b|em|u)>)"
_EMPHASIS_END = r"(?:</(?:strong|b|em|u)>)"
#: A heading-like block right before a list: <h3>, a paragraph that is all emphasis, or emphasis
#: standing alone; then line breaks or empty paragraphs. Matched at the end of a short window.
_HEADING_BEFORE_LIST = re.compile(
    r"(?:<h[1-6]>(?P<h>[^<]{2,120})</h[1-6]>"
    r"|<p>" + _EMPHASIS + r"+(?P<p>[^<]{2,120})(?:<br>)*" + _EMPHASIS_END + r"+(?:<br>)*</p>"
    r"|" + _EMPHASIS + r"+(?P<e>[^<]{2,120})(?:<br>)*" + _EMPHASIS_END + r"+)"
    r"(?:\s|<br>|<p>(?:\s|<br>)*</p>)*\Z"
)
_BLOCK_ENDS = ("</p>", "</ul>", "</ol>", "</li>", "<br>", "</blockquote>", "</strong>", "</b>",
               "</em>", "</u>", "</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>")  # fmt: skip
_WINDOW = 300
_LIST_START = re.compile("<[uo]l>")


_HEADING_ENDS = ("</h1>", "</h2>", "</h3>", "</h4>", "</h5>", "</h6>")
_EMPHASIS_TAGS = ("<strong>", "<b>", "<em>", "<u>")
_EMPHASIS_END_TAGS = ("</strong>", "</b>", "</em>", "</u>")
_LINE_BREAK = ("<br>",)


def _heading_before(cleaned: str, start: int, end: int) -> re.Match[str] | None:
    """``_HEADING_BEFORE_LIST.search(cleaned, start, end)``, read backwards from ``end``.

    The pattern is a heading block, then a tail of whitespace, ``<br>`` and empty paragraphs up
    to ``end``. The tail is read backwards one unambiguous piece at a time. The heading block
    cannot end inside it: a piece ends with a space, a ``<br>`` or an empty paragraph's
    ``</p>``, and a heading block ends with ``</hN>``, a closing emphasis tag, or a ``</p>``
    that only line breaks separate from a closing emphasis tag. So it ends where the tail begins.
    Reading on backwards over what each kind of heading block must end with leads to the text of
    the heading (which holds no ``<``) and to the only place where a match can start: the
    ``<hN>`` before the text, or the first of the emphasis tags before it (or the ``<p>`` before
    those). The pattern is then matched there, so the match is the pattern's own.
    """
    tail = _tail_start(cleaned, start, end)
    if cleaned.endswith(_HEADING_ENDS, start, tail):
        at = cleaned.rfind("<", start, tail - 5)
    else:
        paragraph = cleaned.endswith("</p>", start, tail)
        last = _back_over(cleaned, start, tail - 4, _LINE_BREAK) if paragraph else tail
        text_end = _back_over(cleaned, start, last, _EMPHASIS_END_TAGS)
        if text_end == last:
            return None  # no closing emphasis: no heading block ends here
        text_end = _back_over(cleaned, start, text_end, _LINE_BREAK)
        at = cleaned.rfind("<", start, text_end)
        if at < 0:
            return None
        at = _back_over(cleaned, start, at, _EMPHASIS_TAGS)
        if paragraph:
            if not cleaned.endswith("<p>", start, at):
                return None
            at -= 3
    if at < 0:
        return None
    return _HEADING_BEFORE_LIST.match(cleaned, at, end)


def _back_over(cleaned: str, start: int, position: int, tags: tuple[str, ...]) -> int:
    """Where a run of ``tags`` ending at ``position`` (and not before ``start``) begins."""
    while cleaned.endswith(tags, start, position):
        for tag in tags:
            if cleaned.endswith(tag, start, position):
                position -= len(tag)
                break
    return position


def _tail_start(cleaned: str, start: int, end: int) -> int:
    r"""Where the longest run of ``(?:\s|<br>|<p>(?:\s|<br>)*</p>)*`` ending at ``end`` begins."""
    position = end
    while position > start:
        if cleaned[position - 1].isspace():
            position -= 1
        elif cleaned.endswith("<br>", start, position):
            position -= 4
        elif cleaned.endswith("</p>", start, position):
            inside = position - 4
            while inside > start:
                if cleaned[inside - 1].isspace():
                    inside -= 1
                elif cleaned.endswith("<br>", start, inside):
                    inside -= 4
                else:
                    break
            if not cleaned.endswith("<p>", start, inside):
                break
            position = inside - 3
        else:
            break
    return position


def headed_lists(value: str) -> list[tuple[str | None, list[str]]]:
    """Each list of an HTML text, in order, with the field its heading names (None without).

    The heading is the block right before the list that :func:`_recover_lists` reads as one
    (``<h3>``, a paragraph all in emphasis); :func:`field_for_heading` names its field.
    """
    cleaned = sanitise(value)
    found: list[tuple[str | None, list[str]]] = []
    position = 0
    for list_start in [m.start() for m in _LIST_START.finditer(cleaned)]:
        if list_start < position:
            continue  # a list nested in the one just read
        closing = "</" + cleaned[list_start + 1 : list_start + 4]
        list_end = cleaned.find(closing, list_start)
        if list_end < 0:
            break
        match = _heading_before(cleaned, max(position, list_start - _WINDOW), list_start)
        title = match and (match.group("h") or match.group("p") or match.group("e"))
        field = field_for_heading(html.unescape(title).strip().rstrip(":")) if title else None
        found.append((field, _items(cleaned[list_start:list_end])))
        position = list_end + len(closing)
    return found


def _recover_lists(
    cleaned: str, where: str, log: Log, wanted: frozenset[str], found: dict[str, list[str]]
) -> str:
    """Take headed lists of wanted fields out of well-formed rich text into ``found``."""
    kept: list[str] = []
    position = 0
    starts = [m.start() for m in _LIST_START.finditer(cleaned)]
    for list_start in starts:
        if list_start < position:
            continue
        match = _heading_before(cleaned, max(position, list_start - _WINDOW), list_start)
        if match is None:
            continue
        before = match.start()  # where cleaned[: match.start()].rstrip() ends
        while before and cleaned[before - 1].isspace():
            before -= 1
        if before and not cleaned.endswith(_BLOCK_ENDS, 0, before):
            continue  # emphasis inside running text, not a heading
        title = html.unescape(match.group("h") or match.group("p") or match.group("e") or "")
        title = title.strip().rstrip(":").strip()
        field = field_for_heading(title)
        if field is None or field not in wanted or field in found:
            continue
        closing = "</" + cleaned[list_start + 1 : list_start + 4]
        list_end = cleaned.find(closing, list_start)
        if list_end < 0:
            continue
        found[field] = _items(cleaned[list_start:list_end])
        log.note(where, "description.recovered", f"{field} read from the list under {title!r}")
        kept.append(cleaned[position : match.start()])
        position = list_end + len(closing)
    if not kept:
        return cleaned
    kept.append(cleaned[position:])
    return _tidy("".join(kept))
