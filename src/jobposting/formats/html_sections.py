"""The body of a job page after pay: the role, requirements, how to apply, employer, statements.

Each function renders one block of the article from canonical JSON and returns "" when the
posting has nothing for it, so a short posting gives a short page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jobposting.formats import alternatives
from jobposting.formats import html_labels as labels
from jobposting.formats.html_markup import (
    attr,
    data,
    element,
    extension_json,
    link,
    moment,
    rich,
    safe_href,
    span,
    text,
)

Doc = dict[str, Any]


def _obj(tag: str, prop: str, content: str, *, cls: str | None = None) -> str:
    return element(tag, prop, content, kind="object", cls=cls)


def section(heading: str, content: str, *, cls: str, prop: str | None = None) -> str:
    """A ``<section>`` with an ``<h2>``; with ``prop`` the section is that object."""
    if not content:
        return ""
    inner = f"\n<h2>{text(labels.say(heading))}</h2>\n{content}\n"
    return element("section", prop, inner, kind="object" if prop else None, cls=cls)


def text_list(prop: str, items: list[str], *, tag: str = "ul") -> str:
    """Plain-text items, one ``<li>`` each."""
    lines = "".join(f"\n{span(prop + '[]', item, tag='li', cls='jp-text')}" for item in items)
    return f'<{tag} class="jp-list">{lines}\n</{tag}>'


def object_list(prop: str, values: list[Doc], render: Callable[[Doc], str]) -> str:
    """Objects, one ``<li>`` each, rendered by ``render``."""
    inner = "".join(f"\n{_obj('li', prop + '[]', render(value))}" for value in values)
    return f'<ul class="jp-list">{inner}\n</ul>'


def paragraph(prop: str, value: str | None, cls: str = "jp-text") -> str:
    """A plain-text paragraph (line breaks kept by the stylesheet), or "" when absent."""
    return span(prop, value, tag="p", cls=cls) if value else ""


def h3(heading: str) -> str:
    """A sub-heading, in the current language."""
    return f"<h3>{text(labels.say(heading))}</h3>\n"


def _requirement(value: Doc) -> str:
    level = value["requirement"]
    return data(
        "requirement", level, labels.REQUIREMENTS[level], cls=f"jp-badge jp-{level.lower()}"
    )


def classification(value: Doc) -> str:
    """A classification: name, then scheme and code in small print."""
    name = span("name", value["name"]) if "name" in value else ""
    parts = [span("scheme", value["scheme"], cls="jp-muted")] if "scheme" in value else []
    if "code" in value:
        parts.append(span("code", value["code"], tag="code"))
    detail = " ".join(parts)
    return f"{name} ({detail})" if name and detail else name or detail


def identifier(value: Doc) -> str:
    """An identifier: optional name, the value, its scheme and who issued it."""
    name = span("name", value["name"]) + ": " if "name" in value else ""
    about = span("scheme", value["scheme"], cls="jp-muted")
    if "issuer" in value:
        about += f", {labels.say('issued by')} {span('issuer', value['issuer'])}"
    return f"{name}{span('value', value['value'], tag='code')} ({about})"


# -- the role -------------------------------------------------------------------------------


def role(doc: Doc) -> str:
    """Description, responsibilities and the posting's own headed sections."""
    parts = [
        section("About the role", rich("description", doc["description"]), cls="jp-description")
        if "description" in doc
        else ""
    ]
    if "responsibilities" in doc:
        parts.append(
            section(
                "Responsibilities",
                text_list("responsibilities", doc["responsibilities"]),
                cls="jp-responsibilities",
            )
        )
    for item in doc.get("sections", ()):
        heading = span("heading", item["heading"], tag="h2")
        body = f"\n{heading}\n{rich('content', item['content'])}\n"
        parts.append(element("section", "sections[]", body, kind="object", cls="jp-custom"))
    return "\n".join(part for part in parts if part)


# -- requirements ---------------------------------------------------------------------------


def _education(value: Doc) -> str:
    levels = f" {labels.say('or')} ".join(
        data("levels[]", lv, labels.EDUCATION_LEVELS[lv]) for lv in value["levels"]
    )
    parts = [levels]
    if "fieldsOfStudy" in value:
        fields = ", ".join(span("fieldsOfStudy[]", f) for f in value["fieldsOfStudy"])
        parts.append(f"{labels.say('in')} {fields}")
    if "relatedFieldsAccepted" in value:
        flag = value["relatedFieldsAccepted"]
        said = labels.say("or a related field" if flag else "(only these fields)")
        parts.append(data("relatedFieldsAccepted", flag, said))
    if "inProgress" in value:
        flag = value["inProgress"]
        said = labels.say("(in progress accepted)" if flag else "(completed)")
        parts.append(data("inProgress", flag, said))
    parts.append(_requirement(value))
    return " ".join(parts) + paragraph("text", value.get("text"))


def _experience(value: Doc) -> str:
    parts = []
    if "months" in value:
        parts.append(data("months", value["months"], labels.experience(value["months"])))
    if "subject" in value:
        parts.append((labels.say("in") + " " if parts else "") + span("subject", value["subject"]))
    parts.append(_requirement(value))
    out = " ".join(parts)
    if "exclusions" in value:
        out += text_list("exclusions", value["exclusions"])
    return out


def _skill(value: Doc, requirement: str, note: str) -> str:
    parts = [span("name", value["name"])]
    if requirement:
        parts.append(requirement)
    detail = [span("scheme", value["scheme"], cls="jp-muted")] if "scheme" in value else []
    if "code" in value:
        detail.append(link("code", value["code"], cls="jp-muted"))
    if detail:
        parts.append(f"({' '.join(detail)})")
    return " ".join(part for part in [*parts, note] if part)


def _language(value: Doc, requirement: str, note: str) -> str:
    tag = value["language"]
    parts = [data("language", tag, tag)]
    if "level" in value:
        parts.append(data("level", value["level"], labels.LANGUAGE_LEVELS[value["level"]]))
    return " ".join(part for part in [*parts, requirement, note] if part)


def _credential(value: Doc, requirement: str, note: str) -> str:
    kind = value["kind"]
    parts = [data("kind", kind, labels.CREDENTIAL_KINDS[kind], cls="jp-strong") + ":"]
    name = span("name", value["name"])
    if "issuer" in value:
        name += f", {labels.say('issued by')} {span('issuer', value['issuer'])}"
    parts += [name, requirement, note]
    return " ".join(part for part in parts if part) + paragraph("text", value.get("text"))


# Entries of credentials, skills and languages that share an alternativeGroup are alternatives.
Entry = Callable[[Doc, str, str], str]


def _badge(value: Doc) -> str:
    return _requirement(value) if "requirement" in value else ""


def _alternatives(prop: str, run: list[Doc], render: Entry, *, inline: bool) -> str:
    """A group of alternatives as one item, "One of: Java, Kotlin", its shared level once."""
    levels = {value.get("requirement") for value in run}
    one_level = len(levels) == 1  # as the rules ask; else each entry shows its own
    shared = levels.pop() if one_level else None
    entries = []
    for value in run:
        hidden = data("alternativeGroup", value["alternativeGroup"], "")
        if shared is not None:
            hidden += data("requirement", shared, "")
        badge = "" if one_level else _badge(value)
        tag = "span" if inline else "li"
        entries.append(_obj(tag, prop + "[]", hidden + render(value, badge, "")))
    lead = text(labels.say("One of:"))
    badge = ""
    if shared is not None:  # not a data-jp value: each entry carries it
        said = text(labels.REQUIREMENTS[shared])
        badge = f' <span class="jp-badge jp-{shared.lower()}">{said}</span>'
    if inline:
        return f'<li class="jp-alternatives">{lead} {", ".join(entries)}{badge}</li>'
    inner = "".join(f"\n{entry}" for entry in entries)
    return f'<li class="jp-alternatives">{lead}{badge}\n<ul class="jp-list">{inner}\n</ul></li>'


def alternative_list(prop: str, values: list[Doc], render: Entry, *, inline: bool) -> str:
    """Entries, one ``<li>`` each, but a whole group of alternatives that stands together in
    one; an entry of a group that is split up or alone names its group instead."""
    items = []
    for run, whole in alternatives.runs(values):
        if whole:
            items.append(_alternatives(prop, run, render, inline=inline))
            continue
        for value in run:
            note = ""
            if "alternativeGroup" in value:
                group = value["alternativeGroup"]
                marked = text(labels.say("one of the alternatives marked"))
                mark = data("alternativeGroup", group, group)
                note = f'<span class="jp-muted">({marked} {mark})</span>'
            items.append(_obj("li", prop + "[]", render(value, _badge(value), note)))
    inner = "".join(f"\n{item}" for item in items)
    return f'<ul class="jp-list">{inner}\n</ul>'


def requirements(doc: Doc) -> str:
    """Qualifications, education, credentials, experience, skills, languages and work
    authorisation."""
    parts = []
    if "requiredQualifications" in doc:
        parts.append(
            h3("Required") + text_list("requiredQualifications", doc["requiredQualifications"])
        )
    if "preferredQualifications" in doc:
        parts.append(
            h3("Preferred") + text_list("preferredQualifications", doc["preferredQualifications"])
        )
    if "educationRequirements" in doc:
        parts.append(
            h3("Education")
            + object_list("educationRequirements", doc["educationRequirements"], _education)
        )
    if "credentials" in doc:
        parts.append(
            h3("Licences and certifications")
            + alternative_list("credentials", doc["credentials"], _credential, inline=False)
        )
    if "experienceRequirements" in doc:
        parts.append(
            h3("Experience")
            + object_list("experienceRequirements", doc["experienceRequirements"], _experience)
        )
    if "experienceInPlaceOfEducation" in doc:
        flag = doc["experienceInPlaceOfEducation"]
        said = "Experience can replace the education requirement."
        if not flag:
            said = "Experience does not replace the education requirement."
        parts.append(f"<p>{data('experienceInPlaceOfEducation', flag, labels.say(said))}</p>")
    if "skills" in doc:
        parts.append(h3("Skills") + alternative_list("skills", doc["skills"], _skill, inline=True))
    if "languageRequirements" in doc:
        parts.append(
            h3("Languages")
            + alternative_list(
                "languageRequirements", doc["languageRequirements"], _language, inline=True
            )
        )
    if "workAuthorization" in doc:
        auth = doc["workAuthorization"]
        visa = auth["visaSponsorship"]
        body = data("visaSponsorship", visa, labels.VISA_SPONSORSHIP[visa], cls="jp-strong")
        body += paragraph("text", auth.get("text"))
        parts.append(h3("Work authorization") + _obj("div", "workAuthorization", body))
    return section("Qualifications", "\n".join(parts), cls="jp-requirements")


# -- applying and contacts ------------------------------------------------------------------


def _mail(prop: str, address: str) -> str:
    return element("a", None, span(prop, address), extra=f' href="mailto:{attr(address)}"')


def _phone(prop: str, number: str) -> str:
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    return element("a", None, span(prop, number), extra=f' href="tel:{attr(digits)}"')


def application(doc: Doc) -> str:
    """How to apply: a button for the URL, then e-mail, phone and instructions."""
    if "application" not in doc:
        return ""
    value: Doc = doc["application"]
    parts = []
    if "url" in value:
        if safe_href(value["url"]):
            parts.append(
                element(
                    "a",
                    "url",
                    text(labels.say("Apply now")),
                    cls="jp-button",
                    extra=f' href="{attr(value["url"])}"',
                )
                + f' <span class="jp-muted">{text(value["url"])}</span>'
            )
        else:
            parts.append(f"<p>{labels.say('Apply at')} {span('url', value['url'])}</p>")
    if "email" in value:
        parts.append(f"<p>{labels.say('E-mail:')} {_mail('email', value['email'])}</p>")
    if "phone" in value:
        parts.append(f"<p>{labels.say('Phone:')} {_phone('phone', value['phone'])}</p>")
    parts.append(paragraph("instructions", value.get("instructions")))
    if "directApply" in value:
        flag = value["directApply"]
        said = "You apply directly on this site." if flag else "You apply on another site."
        parts.append(f"<p>{data('directApply', flag, labels.say(said))}</p>")
    body = "\n".join(part for part in parts if part)
    return section("How to apply", body, cls="jp-apply", prop="application")


def _contact(value: Doc) -> str:
    role = value["role"]
    parts = [data("role", role, labels.CONTACT_ROLES[role], cls="jp-strong")]
    if "name" in value:
        parts.append(span("name", value["name"]))
    if "email" in value:
        parts.append(_mail("email", value["email"]))
    if "phone" in value:
        parts.append(_phone("phone", value["phone"]))
    if "url" in value:
        parts.append(link("url", value["url"]))
    return (
        ": ".join(parts[:1])
        + (": " + ", ".join(parts[1:]) if parts[1:] else "")
        + paragraph("text", value.get("text"))
    )


def contacts(doc: Doc) -> str:
    """The contacts, by role."""
    if "contacts" not in doc:
        return ""
    return section(
        "Contacts", object_list("contacts", doc["contacts"], _contact), cls="jp-contacts"
    )


# -- employer, statements and the posting's details -----------------------------------------


def _entity(value: Doc) -> str:
    parts = [span("name", value["name"])]
    if "alternateName" in value:
        parts.append(f"({span('alternateName', value['alternateName'])})")
    parts.append(labels.say("in") + " " + data("country", value["country"], value["country"]))
    return " ".join(parts)


def employer(doc: Doc) -> str:
    """About the hiring organisation: description, legal name, identifiers, entities."""
    org: Doc = doc["hiringOrganization"]
    parts = [rich("description", org["description"]) if "description" in org else ""]
    if "legalName" in org:
        parts.append(f"<p>{labels.say('Legal name:')} {span('legalName', org['legalName'])}</p>")
    if "industries" in org:
        parts.append(h3("Industry") + object_list("industries", org["industries"], classification))
    if "hiringEntities" in org:
        parts.append(
            h3("Employing entities") + object_list("hiringEntities", org["hiringEntities"], _entity)
        )
    if "identifiers" in org:
        parts.append(
            h3("Registrations") + object_list("identifiers", org["identifiers"], identifier)
        )
    if "logo" in org:
        parts.append(f"<p>{labels.say('Logo:')} {link('logo', org['logo'])}</p>")
    if "sameAs" in org:
        links = "".join(f"\n<li>{link('sameAs[]', url)}</li>" for url in org["sameAs"])
        parts.append(f'<h3>Elsewhere</h3>\n<ul class="jp-list">{links}\n</ul>')
    body = "\n".join(part for part in parts if part)
    heading = labels.say("About {name}").format(name=org["name"])
    return section(heading, body, cls="jp-employer", prop="hiringOrganization")


def _statement(value: Doc) -> str:
    kind = value["kind"]
    label = data("kind", kind, labels.LEGAL_KINDS[kind], cls="jp-strong")
    return label + span("text", value["text"], tag="p", cls="jp-text")


def statements(doc: Doc) -> str:
    """Legal and policy statements, verbatim, in the posting's order."""
    if "legalStatements" not in doc:
        return ""
    body = object_list("legalStatements", doc["legalStatements"], _statement)
    return section("Legal notices", body, cls="jp-legal")


def _source(value: Doc) -> str:
    fmt = value["format"]
    parts = [labels.say("Read from") + " " + data("format", fmt, labels.SOURCE_FORMATS[fmt])]
    if "publisher" in value:
        parts.append(labels.say("published by") + " " + span("publisher", value["publisher"]))
    if "url" in value:
        parts.append(labels.say("at") + " " + link("url", value["url"]))
    if "file" in value:
        parts.append(labels.say("in file") + " " + span("file", value["file"], tag="code"))
    if "retrievedAt" in value:
        stamp = value["retrievedAt"]
        parts.append(labels.say("on") + " " + moment("retrievedAt", stamp, labels.moment(stamp)))
    return " ".join(parts)


def _dt(term: str) -> str:
    return f"<dt>{text(labels.say(term))}</dt>"


def details(doc: Doc) -> str:
    """The posting's own data: ids, URL, language, occupation codes, source and extensions."""
    rows = []
    if "id" in doc:
        rows.append(f"{_dt('Posting id')}<dd>{span('id', doc['id'], tag='code')}</dd>")
    if "identifiers" in doc:
        rows.append(
            f"{_dt('References')}<dd>"
            + object_list("identifiers", doc["identifiers"], identifier)
            + "</dd>"
        )
    if "url" in doc:
        rows.append(f"{_dt('Original posting')}<dd>{link('url', doc['url'])}</dd>")
    if "language" in doc:
        rows.append(
            f"{_dt('Language')}<dd>{data('language', doc['language'], doc['language'])}</dd>"
        )
    if "occupationalCategories" in doc:
        rows.append(
            f"{_dt('Occupation')}<dd>"
            + object_list("occupationalCategories", doc["occupationalCategories"], classification)
            + "</dd>"
        )
    if "source" in doc:
        rows.append(f"{_dt('Source')}<dd>{_obj('span', 'source', _source(doc['source']))}</dd>")
    if "extensions" in doc:
        pre = element("pre", "extensions", text(extension_json(doc["extensions"])), kind="json")
        shown = f"<details><summary>{labels.say('Show')}</summary>{pre}</details>"
        rows.append(f"{_dt('Additional data')}<dd>{shown}</dd>")
    if not rows:
        return ""
    body = '<dl class="jp-facts">\n' + "\n".join(rows) + "\n</dl>"
    return section("About this posting", body, cls="jp-details")
