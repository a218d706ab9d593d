"""The end of a Markdown posting: contacts, the employer, and the posting's own details."""

from __future__ import annotations

import json
from typing import Any

from jobposting.formats import html_labels as labels
from jobposting.formats.markdown_text import bullets, code, escape, heading, inline, link, rich

Doc = dict[str, Any]


def _moment(value: str) -> str:
    return inline(labels.moment(value))


def contact(value: Doc) -> str:
    """One contact: its role, name, e-mail, phone, URL and note."""
    parts = [escape(value[k]) for k in ("name",) if k in value]
    if "email" in value:
        parts.append(link("mailto:" + value["email"], value["email"]))
    if "phone" in value:
        parts.append(escape(value["phone"]))
    if "url" in value:
        parts.append(link(value["url"]))
    line = f"**{labels.CONTACT_ROLES[value['role']]}:** " + ", ".join(parts)
    return line + ("\n\n" + escape(value["text"]) if "text" in value else "")


def _classification(value: Doc) -> str:
    name = escape(value["name"]) if "name" in value else ""
    detail = " ".join(
        ([escape(value["scheme"])] if "scheme" in value else [])
        + ([code(value["code"])] if "code" in value else [])
    )
    return f"{name} ({detail})" if name and detail else name or detail


def _identifier(value: Doc) -> str:
    name = escape(value["name"]) + ": " if "name" in value else ""
    about = escape(value["scheme"])
    if "issuer" in value:
        about += f", {labels.say('issued by')} {escape(value['issuer'])}"
    return f"{name}{code(value['value'])} ({about})"


def employer(doc: Doc) -> list[str]:
    """The About-the-employer blocks (none when only the name is known)."""
    org: Doc = doc["hiringOrganization"]
    out = []
    if "description" in org:
        out.append(rich(org["description"]))
    if "legalName" in org:
        out.append(labels.say("Legal name:") + " " + escape(org["legalName"]))
    if "industries" in org:
        out += [
            "### " + labels.say("Industry"),
            bullets(_classification(i) for i in org["industries"]),
        ]
    if "hiringEntities" in org:
        items = [
            escape(e["name"])
            + (f" ({escape(e['alternateName'])})" if "alternateName" in e else "")
            + f" {labels.say('in')} {e['country']}"
            for e in org["hiringEntities"]
        ]
        out += ["### " + labels.say("Employing entities"), bullets(items)]
    if "identifiers" in org:
        out += [
            "### " + labels.say("Registrations"),
            bullets(_identifier(i) for i in org["identifiers"]),
        ]
    if "logo" in org:
        out.append(labels.say("Logo:") + " " + link(org["logo"]))
    if "sameAs" in org:
        out += ["### " + labels.say("Elsewhere"), bullets(link(url) for url in org["sameAs"])]
    about = labels.say("About {name}").format(name=heading(org["name"]))
    return [f"## {about}", *out] if out else []


def details(doc: Doc) -> list[str]:
    """The posting's own data: ids, URL, language, occupation codes, source, extensions."""
    facts = []
    if "id" in doc:
        facts.append("**" + labels.say("Posting id") + ":** " + code(doc["id"]))
    if "identifiers" in doc:
        facts.append(
            "**"
            + labels.say("References")
            + ":** "
            + "; ".join(_identifier(i) for i in doc["identifiers"])
        )
    if "url" in doc:
        facts.append("**" + labels.say("Original posting") + ":** " + link(doc["url"]))
    if "language" in doc:
        facts.append("**" + labels.say("Language") + ":** " + doc["language"])
    if "occupationalCategories" in doc:
        facts.append(
            "**"
            + labels.say("Occupation")
            + ":** "
            + "; ".join(_classification(c) for c in doc["occupationalCategories"])
        )
    if "source" in doc:
        source = doc["source"]
        line = "**" + labels.say("Source") + ":** " + labels.SOURCE_FORMATS[source["format"]]
        said = (
            ("published by", escape(source["publisher"]) if "publisher" in source else ""),
            ("at", link(source["url"]) if "url" in source else ""),
            ("in file", code(source["file"]) if "file" in source else ""),
            ("on", _moment(source["retrievedAt"]) if "retrievedAt" in source else ""),
        )
        line += "".join(f", {labels.say(word)} {value}" for word, value in said if value)
        facts.append(line)
    out = [bullets(facts)] if facts else []
    if "extensions" in doc:
        text = json.dumps(doc["extensions"], ensure_ascii=False, indent=2)
        out += [labels.say("Additional data") + ":", f"```json\n{text}\n```"]
    return ["## " + labels.say("About this posting"), *out] if out else []
