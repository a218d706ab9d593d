"""The dict element trees the XML mappings read and write (``hropen_tree``)."""

from __future__ import annotations

from lxml import etree

from jobposting.formats.hropen_tree import (
    attribute,
    element_text,
    find,
    findall,
    findtext,
    from_lxml,
    has_children,
    sub,
    text,
    texts,
)

NS = "https://hropenstandards.org/schema/xml/"


def test_a_parsed_element_becomes_its_tree() -> None:
    """Texts as lxml gives them, children grouped by tag in document order."""
    root = etree.fromstring(b"<r>head<a> x </a><b><c>1</c><c/></b><a>y</a>tail-is-not-kept</r>")
    assert from_lxml(root) == {
        "": "head",
        "a": [{"": " x "}, {"": "y"}],
        "b": [{"": None, "c": [{"": "1"}, {"": None}]}],
    }


def test_comments_and_processing_instructions_are_children_no_path_finds() -> None:
    root = etree.fromstring(b"<r><!-- note --><?pi x?><a>1</a></r>")
    tree = from_lxml(root)
    assert find(tree, "a") == {"": "1"}
    assert has_children(from_lxml(etree.fromstring(b"<r><!-- only a comment --></r>")))
    assert not has_children(from_lxml(etree.fromstring(b"<r>text</r>")))


def test_namespaces_are_kept_or_dropped_and_attributes_kept_when_asked() -> None:
    root = etree.fromstring(
        f'<h:r xmlns:h="{NS}" id="7"><h:a code="x">1</h:a><b/><!--c--></h:r>'.encode()
    )
    assert set(from_lxml(root)) >= {"", f"{{{NS}}}a", "b"}
    tree = from_lxml(root, local_names=True, attributes=True)
    assert tree["@"] == {"id": "7"}
    assert attribute(find(tree, "a") or {}, "code") == "x"
    assert attribute(find(tree, "b") or {}, "code") is None
    assert not has_children(find(tree, "b") or {"": None})


def test_lookups_follow_paths_like_element_path() -> None:
    tree = from_lxml(
        etree.fromstring(
            b"<r><p><i><v> a </v></i><i><v>b</v><v>c</v></i></p><p><i><v>d</v></i></p>"
            b"<e></e><w>  </w></r>"
        )
    )
    assert [element_text(e) for e in findall(tree, "p/i/v")] == ["a", "b", "c", "d"]
    assert findall(tree, "p/x") == []
    assert findall(None, "p") == []
    assert text(tree, "p/i/v") == "a"
    assert findtext(tree, "p/i/v") == " a "
    assert findtext(tree, "e") is None
    assert text(tree, "w") is None
    assert find(tree, "p/i/x/y") is None
    assert texts(tree, "p/i/v") == ["a", "b", "c", "d"]
    assert texts(tree, "w") == []


def test_a_written_tree_reads_as_the_parsed_document_does() -> None:
    """``sub`` builds what ``from_lxml`` gives for the same document."""
    built = {"": None}
    item = sub(sub(built, "list"), "item")
    sub(item, "name", "a")
    sub(sub(built, "list"), "item", "b")
    document = b"<r><list><item><name>a</name></item></list><list><item>b</item></list></r>"
    assert built == from_lxml(etree.fromstring(document))
