"""Plain and rich text as GitHub-flavoured Markdown: escaping, and the rich-text HTML subset.

Rich text is sanitised first (the same allowlist as the HTML page), then each allowed element
becomes its Markdown form; ``<u>``, ``<sub>`` and ``<sup>`` have none and stay inline HTML,
which GitHub renders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from jobposting.formats.html_markup import safe_href, sanitise
from jobposting.richtext import Html5Parser

# Characters that start emphasis, code, links, autolinks, HTML, tables or strikethrough anywhere.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_HEADING_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
# An entity or numeric reference would be decoded by a Markdown renderer.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What makes a line a heading, quote, list item or setext underline when it starts the line.
_LINE_START = re.compile(r"^([#>+=-])")
_DESTINATION = {c: f"%{ord(c):02X}" for c in ' "<>()\\`'} | {"\n": "%0A", "\t": "%09"}
_ORDERED = re.compile(r"^(\d+)([.)])")


def _line_starts(text: str) -> str:
    """Escape what would make each line a heading, quote or list item."""
    return "\n".join(_ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", line))
                     for line in text.split("\n"))  # fmt: skip


def inline(text: str) -> str:
    """Escape text that sits inside a line (never at its start): no block syntax to guard."""
    return _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", text))


def escape(text: str) -> str:
    """Escape plain text so that Markdown shows it literally; line breaks stay line breaks.

    Leading spaces are dropped (four would start a code block); a single line break becomes
    a hard break (a backslash at the end of the line), a blank line a new paragraph.
    """
    lines = [_line_starts(inline(raw.lstrip())) for raw in text.split("\n")]
    return "\n".join(
        line + "\\" if line and i + 1 < len(lines) and lines[i + 1] else line
        for i, line in enumerate(lines)
    )


def heading(text: str) -> str:
    """Escape text for an ATX heading: one line, and no ``#`` that could close it."""
    return _ENTITY.sub("&amp;", _HEADING_INLINE.sub(r"\\\1", " ".join(text.split())))


def cell(text: str) -> str:
    """Escape text for one table cell: no line breaks, pipes escaped."""
    return escape(text).replace("\\\n", "<br>").replace("\n\n", "<br><br>").replace("\n", " ")


def link(url: str, label: str | None = None) -> str:
    """A Markdown link when the scheme is safe, else the label and the URL as inline code."""
    if not safe_href(url):
        return f"{escape(label)} ({code(url)})" if label else code(url)
    return f"[{escape(label or url)}]({destination(url)})"


def destination(url: str) -> str:
    """A link destination: characters that would end it or start a title are percent-encoded."""
    return "".join(_DESTINATION.get(char, char) for char in url)


def code(text: str) -> str:
    """Inline code with a fence longer than any run of backticks inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def bullet(text: str) -> str:
    """One list item; continuation lines are indented under it."""
    return "- " + indent(text, "  ")


def bullets(items: Iterable[str]) -> str:
    """A bulleted list, one item per text."""
    return "\n".join(bullet(item) for item in items)


def indent(text: str, prefix: str) -> str:
    """Indent every non-empty line after the first (for list item continuations)."""
    head, _, rest = text.partition("\n")
    if not rest:
        return head
    return head + "\n" + "\n".join(prefix + line if line else line for line in rest.split("\n"))


@attrs.define
class _Node:
    tag: str
    href: str | None = None
    children: list[_Node | str] = attrs.Factory(list)


class _Tree(Html5Parser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, href=dict(attrs).get("href"))
        self.stack[-1].children.append(node)
        if tag != "br":
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


_INLINE_WRAP = {"strong": "**", "b": "**", "em": "*", "i": "*"}
_BLOCKS = {"p", "ul", "ol", "blockquote", "pre", "h3", "h4", "h5", "h6"}


def _inline(node: _Node | str) -> str:
    if isinstance(node, str):
        return inline(" ".join(node.split("\n")))
    inner = "".join(_inline(child) for child in node.children)
    if node.tag == "br":
        return "\\\n"
    if node.tag in _INLINE_WRAP:
        mark = _INLINE_WRAP[node.tag]
        return f"{mark}{inner}{mark}" if inner.strip() else inner
    if node.tag == "code":
        return code(_text(node))
    if node.tag == "a" and node.href and safe_href(node.href):
        return f"[{inner}]({destination(node.href)})"
    if node.tag in {"u", "sub", "sup"}:
        return f"<{node.tag}>{inner}</{node.tag}>"
    return inner


def _text(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    return "".join(_text(child) for child in node.children)


def _blocks(node: _Node) -> list[str]:
    """The Markdown blocks of a node's children; loose inline content becomes a paragraph."""
    blocks: list[str] = []
    run: list[_Node | str] = []

    def flush() -> None:
        text = "".join(_inline(item) for item in run).strip()
        if text:
            blocks.append(_line_starts(text))
        run.clear()

    for child in node.children:
        if isinstance(child, _Node) and child.tag in _BLOCKS | {"li"}:
            flush()
            blocks.append(_block(child))
        else:
            run.append(child)
    flush()
    return [block for block in blocks if block]


def _block(node: _Node) -> str:
    if node.tag == "p":
        return _line_starts("".join(_inline(child) for child in node.children).strip())
    if node.tag in {"h3", "h4", "h5", "h6"}:
        return "#" * int(node.tag[1]) + " " + "".join(_inline(c) for c in node.children).strip()
    if node.tag == "blockquote":
        inner = "\n\n".join(_blocks(node))
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if node.tag == "pre":
        text = _text(node).strip("\n")
        longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{text}\n{fence}"
    if node.tag in {"ul", "ol"}:
        items = [child for child in node.children if isinstance(child, _Node)]
        lines = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if node.tag == "ol" else "- "
            body = "\n\n".join(_blocks(item))
            lines.append(marker + indent(body, " " * len(marker)))
        return "\n".join(lines)
    return "\n\n".join(_blocks(node))


def rich(html: str) -> str:
    """Rich text (the allowed HTML subset) as Markdown blocks separated by blank lines."""
    tree = _Tree()
    tree.feed(sanitise(html))
    tree.close()
    return "\n\n".join(_blocks(tree.root))
