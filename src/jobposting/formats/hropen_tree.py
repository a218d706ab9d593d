"""The element trees the HR Open and HR-XML 3.2 mappings read and write: plain dicts.

An element is a ``dict``: its text under the key ``""`` (``None`` when it has none), its child
elements under their tags, each tag holding a list of the children of that tag in document
order, and its attributes, when it has any and they are asked for, as a dict under ``"@"``
(neither ``""`` nor ``"@"`` is an XML name). ``{"": None, "item": [{"": "a"}, {"": "b"}]}`` is
``<x><item>a</item><item>b</item></x>``.

Why not lxml elements: every lxml element touched from Python costs a proxy object, and a
mapping looks up about a hundred paths per document. Here a lookup is a dict lookup, a writer
builds its output as cheaply, and the native reader reads that output back directly when it
declares what the native elements lose. A parsed document becomes this tree in one pass
(:func:`from_lxml`), which costs about what indexing the children of the elements a mapping
looks into costs, once.

The order of children of *different* tags is not kept (a reader never needs it); a writer
that serialises a tree writes the children of one tag together, in the order their tags were
first added, which is the order the HR Open writer adds them.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

__all__ = [
    "Element",
    "attribute",
    "element_text",
    "find",
    "findall",
    "findtext",
    "from_lxml",
    "has_children",
    "local_name",
    "sub",
    "text",
    "texts",
]

#: An element of the tree (see the module's docstring).
Element = dict[str, Any]


class _Steps(dict[str, tuple[str, ...]]):
    """The steps of each path looked up (a fixed set of literals), split once."""

    def __missing__(self, path: str) -> tuple[str, ...]:
        steps = self[path] = tuple(path.split("/"))
        return steps


_STEPS = _Steps()

# The lookups below are the readers' inner loop (a hundred or more a document), hence written
# out in each: a tree has no empty child lists, so a missing tag is ``None``.


def sub(parent: Element, tag: str, text: str | None = None) -> Element:
    """Append a child ``tag`` with optional text to ``parent``; return it."""
    child = {"": text}
    siblings = parent.get(tag)
    if siblings is None:
        parent[tag] = [child]
    else:
        siblings.append(child)
    return child


def find(element: Element | None, path: str) -> Element | None:
    """The first element at ``path`` (tags joined by ``/``) below ``element``, or None."""
    if element is None:
        return None
    for step in _STEPS[path]:
        children = element.get(step)
        if children is None:
            return None
        element = children[0]
    return element


def findall(element: Element | None, path: str) -> list[Element]:
    """Every element at ``path`` below ``element``, in document order (as ElementPath).

    The list may be the tree's own: read it, do not change it.
    """
    if element is None:
        return []
    steps = _STEPS[path]
    found = element.get(steps[0])
    if found is None:
        return []
    for step in steps[1:]:
        if len(found) == 1:
            found = found[0].get(step)
            if found is None:
                return []
        else:
            found = [child for parent in found for child in parent.get(step, ())]
    return found


def findtext(element: Element | None, path: str) -> str | None:
    """The text (not stripped) of the first element at ``path``, or None.

    An empty text reads as None, as a parsed ``<content></content>`` does.
    """
    found = find(element, path)
    return None if found is None else found[""] or None


def text(element: Element | None, path: str) -> str | None:
    """The stripped text at ``path`` below ``element``, or None when absent or blank."""
    value = findtext(element, path)
    return None if value is None else value.strip() or None


def texts(element: Element | None, path: str) -> list[str]:
    """The non-blank texts (stripped) of every element at ``path``."""
    found = []
    for child in findall(element, path):
        value = child[""]
        if value is not None:
            value = value.strip()
            if value:
                found.append(value)
    return found


def element_text(element: Element | None) -> str | None:
    """The stripped text of an element, or None when it is absent or blank."""
    if element is None:
        return None
    value = element[""]
    if value is None:
        return None
    return value.strip() or None


def attribute(element: Element, name: str) -> str | None:
    """The value of an element's attribute ``name`` (kept by :func:`from_lxml`), or None."""
    attributes = element.get("@")
    return None if attributes is None else attributes.get(name)


def has_children(element: Element) -> bool:
    """True when the element has any child (an element, comment or processing instruction)."""
    return any(key not in ("", "@") for key in element)


def local_name(tag: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return tag[tag.find("}") + 1 :]


#: Tags -> their local names (``{namespace}name`` -> ``name``), as met; other tags as they are.
_LOCAL_NAMES: dict[Any, Any] = {}


def _local(tag: Any) -> Any:
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = local_name(tag) if type(tag) is str else tag
        if len(_LOCAL_NAMES) < 4096:  # the tags of a vocabulary, not of every document
            _LOCAL_NAMES[tag] = name
    return name


def from_lxml(
    root: etree._Element, *, local_names: bool = False, attributes: bool = False
) -> Element:
    """Return the tree of a parsed element (see the module's docstring).

    ``local_names`` drops the namespace of every element below ``root`` (``root``'s own tag is
    not in its tree); ``attributes`` keeps each element's attributes under ``"@"``. Comments and
    processing instructions are children too, under lxml's ``Comment`` and ``PI`` factories as
    their tags, so that :func:`has_children` sees them; no path finds them.
    """
    # One walk in lxml's C iteration (document order); each element's number of children
    # says how long it stays the parent. Local names come from a cache of the tags met.
    top: Element = {"": root.text}
    if attributes and len(root.attrib):
        top["@"] = dict(root.attrib)
    stack: list[tuple[Element, int]] = []
    push = stack.append
    pop = stack.pop
    parent = top
    left = len(root)
    names = _LOCAL_NAMES
    walk = root.iter()
    next(walk)
    for node in walk:
        while not left:
            parent, left = pop()
        left -= 1
        tag = node.tag
        if local_names:
            name = names.get(tag)
            tag = _local(tag) if name is None else name
        element: Element = {"": node.text}
        if attributes and len(node.attrib):
            element["@"] = dict(node.attrib)
        siblings = parent.get(tag)
        if siblings is None:
            parent[tag] = [element]
        else:
            siblings.append(element)
        count = len(node)
        if count:
            push((parent, left))
            parent = element
            left = count
    return top
