"""One posting as an ``<article>``: every canonical field visible, each annotated for the reader.

The article is built from the canonical JSON of the posting, so property names and values on
the page are exactly the canonical ones (see ``html_markup.py`` for the annotations). The
layout follows a careers page: title and key facts first, the role and what it asks for,
pay, how to apply and whom to ask, then the employer, its statements and the posting's own
details.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jobposting.formats import html_labels as labels
from jobposting.formats import html_sections as sections
from jobposting.formats.html_markup import (
    POSTING,
    attr,
    data,
    element,
    moment,
    safe_href,
    span,
    text,
)
from jobposting.formats.html_sections import object_list, paragraph, section, text_list

Doc = dict[str, Any]


def _join(parts: Iterable[str], sep: str = ", ") -> str:
    return sep.join(part for part in parts if part)


def _obj(tag: str, prop: str, content: str, *, cls: str | None = None) -> str:
    return element(tag, prop, content, kind="object", cls=cls)


def _geo(value: Doc) -> str:
    lat, lon = value["latitude"], value["longitude"]
    return _obj(
        "span",
        "geo",
        f"{data('latitude', lat, str(lat))}, {data('longitude', lon, str(lon))}",
        cls="jp-muted",
    )


def _place_parts(value: Doc) -> list[str]:
    parts = [
        span(key, value[key])
        for key in ("label", "streetAddress", "locality", "region")
        if key in value
    ]
    if "postalCode" in value:
        parts.append(span("postalCode", value["postalCode"]))
    for key in ("regionCode", "country"):
        if key in value:
            parts.append(data(key, value[key], value[key]))
    return parts


def _location(index: int, value: Doc) -> str:
    ident = ""
    if "id" in value:
        ident = data("id", value["id"], "")
    content = ident + _join(_place_parts(value))
    if "geo" in value:
        content += " " + _geo(value["geo"])
    anchor = f' id="{attr(_anchor(index, value["id"]))}"' if "id" in value else ""
    return element("li", "locations[]", content, kind="object", extra=anchor)


def _anchor(index: int, location_id: str) -> str:
    return f"jp{index}-location-{location_id}"


def _area(value: Doc) -> str:
    parts = [span("name", value["name"])] if "name" in value else []
    if "region" in value:
        parts.append(span("region", value["region"]))
    parts += [
        data(key, value[key], value[key]) for key in ("regionCode", "country") if key in value
    ]
    return _join(parts)


# -- header and facts ------------------------------------------------------------------------


def _organization_name(org: Doc) -> str:
    name = span("name", org["name"])
    if "url" in org and safe_href(org["url"]):
        # The link's href is the URL; the name inside it comes back as text.
        return element("a", "url", name, extra=f' href="{attr(org["url"])}"')
    if "url" in org:
        return f"{name} ({span('url', org['url'])})"
    return name


def _header(doc: Doc) -> str:
    org = doc["hiringOrganization"]
    lines = [span("title", doc["title"], tag="h1")]
    org_name = _organization_name(org)
    if "disclosed" in org:  # said when the name is not the employer's; kept either way
        shown = "" if org["disclosed"] else labels.say("(employer not named)")
        org_name += " " + data("disclosed", org["disclosed"], shown, cls="jp-muted")
    lines.append(_obj("p", "hiringOrganization", org_name, cls="jp-org"))
    tags = []
    if "department" in doc:
        tags.append(span("department", doc["department"]))
    tags += [
        data("employmentTypes[]", t, labels.EMPLOYMENT_TYPES[t])
        for t in doc.get("employmentTypes", ())
    ]
    if "status" in doc:
        tags.append(data("status", doc["status"], labels.STATUSES[doc["status"]]))
    if tags:
        lines.append(f'<p class="jp-tags">{_join(tags, " · ")}</p>')
    url = doc.get("application", {}).get("url")
    if url and safe_href(url):
        # A second way to the application form, near the top; the annotated one is below.
        lines.append(f'<p><a class="jp-button" href="{attr(url)}">Apply now</a></p>')
    return "<header>\n" + "\n".join(lines) + "\n</header>"


def _fact(term: str, value: str) -> str:
    return f"<dt>{text(labels.say(term))}</dt><dd>{value}</dd>" if value else ""


def _facts(index: int, doc: Doc) -> str:
    rows = []
    if "locations" in doc:
        items = "".join(f"\n{_location(index, loc)}" for loc in doc["locations"])
        rows.append(_fact("Location", f'<ul class="jp-plain">{items}\n</ul>'))
    if "workArrangement" in doc:
        arrangement = doc["workArrangement"]
        kind = data("type", arrangement["type"], labels.WORK_ARRANGEMENTS[arrangement["type"]])
        areas = ""
        if "applicantLocations" in arrangement:
            areas = f" \N{EM DASH} {labels.say('applicants in:')} " + object_list(
                "applicantLocations", arrangement["applicantLocations"], _area
            )
        note = paragraph("text", arrangement.get("text"))
        rows.append(_fact("Work arrangement", _obj("div", "workArrangement", kind + areas + note)))
    if "workHours" in doc:
        hours = doc["workHours"]
        parts = []
        if "hoursPerWeek" in hours:
            parts.append(
                data("hoursPerWeek", hours["hoursPerWeek"], labels.hours(hours["hoursPerWeek"]))
            )
        parts.append(paragraph("text", hours.get("text")))
        rows.append(_fact("Hours", _obj("div", "workHours", "".join(parts))))
    if "openings" in doc:
        rows.append(_fact("Openings", data("openings", doc["openings"], str(doc["openings"]))))
    for key, term in (
        ("datePosted", "Posted"),
        ("validThrough", "Apply by"),
        ("startDate", "Starts"),
        ("endDate", "Ends"),
    ):
        if key in doc:
            rows.append(_fact(term, moment(key, doc[key], labels.moment(doc[key]))))
    if "startImmediately" in doc:
        flag = doc["startImmediately"]
        rows.append(
            _fact(
                "Start",
                data(
                    "startImmediately",
                    flag,
                    labels.say("Immediately" if flag else "Not immediately"),
                ),
            )
        )
    if "applicationWindow" in doc:
        window = doc["applicationWindow"]
        days = ""
        if "minimumBusinessDays" in window:
            n = window["minimumBusinessDays"]
            said = labels.say("At least {n} business days").format(n=n)
            days = data("minimumBusinessDays", n, said) + ". "
        rows.append(
            _fact(
                "Applications",
                _obj("div", "applicationWindow", days + paragraph("text", window["text"])),
            )
        )
    if not rows:
        return ""
    return '<dl class="jp-facts">\n' + "\n".join(rows) + "\n</dl>"


# -- pay -------------------------------------------------------------------------------------


def _figures(value: Doc, say: Callable[[Any], str]) -> str:
    """A single figure, a range, "from" a minimum or "up to" a maximum, each said by ``say``."""
    parts = [data(key, value[key], say(value[key])) for key in ("value", "minimum", "maximum")
             if key in value]  # fmt: skip
    if "value" in value:
        return parts[0]
    if "minimum" in value and "maximum" in value:
        return f"{parts[0]}\N{EN DASH}{parts[1]}"
    if "minimum" in value:
        return f"{labels.say('from')} {parts[0]}"
    return f"{labels.say('up to')} {parts[0]}"


def _pay_amount(pay: Doc) -> str:
    """Money as base pay shows it: currency, amount or range, and the period when given."""
    out = f"{data('currency', pay['currency'], pay['currency'])} {_figures(pay, labels.amount)}"
    if "period" in pay:
        out += " " + data("period", pay["period"], labels.PERIODS[pay["period"]])
    return out


def _percentage(value: Doc) -> str:
    sign = "\N{NO-BREAK SPACE}%" if labels.german() else "%"
    said = _figures(value, lambda n: labels.percent(n) + sign)
    return f"{said} {labels.say('of base pay')}"


def _pay_scale(scale: Doc) -> str:
    """The pay scale in a line, "Pay scale: TVöD-P, grade P8", then the posting's words."""
    parts = [span("agreement", scale["agreement"])] if "agreement" in scale else []
    for key in ("grade", "step"):
        if key in scale:
            parts.append(f"{labels.say(key)} {span(key, scale[key])}")
    line = f"<p>{text(labels.say('Pay scale:'))} {_join(parts)}</p>"
    return _obj("div", "payScale", line + paragraph("text", scale.get("text")))


def _pay_details(pay: Doc) -> str:
    parts = []
    if "basis" in pay:
        parts.append(data("basis", pay["basis"], labels.BASES[pay["basis"]]))
    if "text" in pay:
        parts.append(span("text", pay["text"], tag="p", cls="jp-text jp-muted"))
    return " ".join(parts)


def _applies_to(index: int, applies: Doc) -> str:
    label = span("label", applies["label"]) if "label" in applies else ""
    parts = []
    if "locationId" in applies:
        target = f' href="#{attr(_anchor(index, applies["locationId"]))}"'
        shown = element("a", None, label or text(applies["locationId"]), extra=target)
        parts.append(data("locationId", applies["locationId"], "") + shown)
    elif label:
        parts.append(label)
    place = _join(
        [span(k, applies[k]) for k in ("locality", "region") if k in applies]
        + [data(k, applies[k], applies[k]) for k in ("regionCode", "country") if k in applies]
    )
    if place:
        parts.append(f'<span class="jp-muted">({place})</span>')
    return element("th", "appliesTo", " ".join(parts), kind="object", extra=' scope="row"')


def _pay_table(index: int, ranges: list[Doc]) -> str:
    rows = []
    for pay in ranges:
        where = (
            _applies_to(index, pay["appliesTo"])
            if "appliesTo" in pay
            else f"<th>{text(labels.say('All locations'))}</th>"
        )
        cells = f"{where}<td>{_pay_amount(pay)}</td><td>{_pay_details(pay)}</td>"
        rows.append(_obj("tr", "basePay[]", cells))
    head = "".join(
        f'<th scope="col">{text(labels.say(name))}</th>'
        for name in ("Where", "Base pay", "Details")
    )
    body = "\n".join(rows)
    return (
        f'<table class="jp-pay">\n<caption>{text(labels.say("Base pay by location"))}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    )


def _pay(index: int, comp: Doc) -> str:
    parts = [paragraph("text", comp.get("text"))]
    ranges = comp.get("basePay", [])
    if any("appliesTo" in pay for pay in ranges):
        parts.append(_pay_table(index, ranges))
    else:
        parts += [
            _obj("div", "basePay[]", f"{_pay_amount(p)} {_pay_details(p)}".strip(), cls="jp-amount")
            for p in ranges
        ]
    parts.append(paragraph("prorationText", comp.get("prorationText")))
    if "payScale" in comp:
        parts.append(_pay_scale(comp["payScale"]))
    if "incentives" in comp:
        parts.append(
            sections.h3("Incentives") + object_list("incentives", comp["incentives"], _incentive)
        )
    parts.append(paragraph("incentiveText", comp.get("incentiveText")))
    if "benefits" in comp:
        parts.append(sections.h3("Benefits") + text_list("benefits", comp["benefits"]))
    return section(
        "Pay and benefits",
        "\n".join(p for p in parts if p),
        cls="jp-pay-section",
        prop="compensation",
    )


def _incentive(value: Doc) -> str:
    parts = [data("type", value["type"], labels.INCENTIVES[value["type"]])]
    if "discretionary" in value:
        flag = value["discretionary"]
        parts.append(
            data(
                "discretionary",
                flag,
                labels.say("(discretionary)" if flag else "(non-discretionary)"),
            )
        )
    out = " ".join(parts)
    figures = []
    if "amount" in value:
        figures.append(_obj("span", "amount", _pay_amount(value["amount"])))
    if "percentOfBasePay" in value:
        figures.append(_obj("span", "percentOfBasePay", _percentage(value["percentOfBasePay"])))
    if figures:
        out += ": " + ", ".join(figures)
    return out + (span("text", value["text"], tag="p", cls="jp-text") if "text" in value else "")


def article(index: int, doc: Doc) -> str:
    """Posting number ``index`` (from 1) of a page, from its canonical JSON."""
    with labels.speaking(doc.get("language")):
        return _article(index, doc)


def _article(index: int, doc: Doc) -> str:
    blocks = [
        _header(doc),
        _facts(index, doc),
        sections.role(doc),
        sections.requirements(doc),
        _pay(index, doc["compensation"]) if "compensation" in doc else "",
        sections.application(doc),
        sections.contacts(doc),
        sections.employer(doc),
        sections.statements(doc),
        sections.details(doc),
    ]
    body = "\n".join(block for block in blocks if block)
    lang = f' lang="{attr(doc["language"])}"' if "language" in doc else ""
    return f'<article class="jobposting" {POSTING}=""{lang}>\n{body}\n</article>'
