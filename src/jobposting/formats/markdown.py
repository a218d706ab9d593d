"""The ``markdown`` format (write only): a posting as GitHub-flavoured Markdown.

The same content as the HTML page, in the same order, for READMEs, issue trackers and e-mail:
a heading per part, lists as lists, pay that differs by place as a table, links only for http,
https, mailto and tel. Markdown has no place for machine values, so it is not read back; the
HTML page is the format that round-trips.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any

from jobposting import codec
from jobposting.errors import WriteError
from jobposting.formats import alternatives
from jobposting.formats import html_labels as labels
from jobposting.formats import markdown_about as about
from jobposting.formats.base import WriteOptions
from jobposting.formats.markdown_text import (
    bullet,
    bullets,
    cell,
    code,
    escape,
    heading,
    inline,
    link,
    rich,
)

if TYPE_CHECKING:
    from jobposting.model import Posting

Doc = dict[str, Any]


def _place(value: Doc) -> str:
    parts = [
        escape(str(value[k]))
        for k in (
            "label",
            "streetAddress",
            "locality",
            "region",
            "postalCode",
            "regionCode",
            "country",
        )
        if k in value
    ]
    if "geo" in value:
        parts.append(f"{value['geo']['latitude']}, {value['geo']['longitude']}")
    return ", ".join(parts)


def _applies_to(applies: Doc) -> str:
    name = str(applies.get("label", applies.get("locationId", "")))
    place = ", ".join(
        str(applies[k]) for k in ("locality", "region", "regionCode", "country") if k in applies
    )
    return f"{name} ({place})" if name and place else name or place


def _moment(value: str) -> str:
    return inline(labels.moment(value))


def _facts(doc: Doc) -> list[str]:
    facts = []
    if "locations" in doc:
        facts.append(
            "**"
            + labels.say("Location")
            + ":** "
            + "; ".join(_place(loc) for loc in doc["locations"])
        )
    if "workArrangement" in doc:
        arrangement = doc["workArrangement"]
        line = (
            "**"
            + labels.say("Work arrangement")
            + ":** "
            + labels.WORK_ARRANGEMENTS[arrangement["type"]]
        )
        if "applicantLocations" in arrangement:
            line += (
                f" ({labels.say('applicants in:')} "
                + "; ".join(
                    _place({"label": a.get("name"), **a} if "name" in a else a)
                    for a in arrangement["applicantLocations"]
                )
                + ")"
            )
        if "text" in arrangement:
            line += " \N{EM DASH} " + escape(arrangement["text"])
        facts.append(line)
    if "workHours" in doc:
        hours = doc["workHours"]
        parts = [labels.hours(hours["hoursPerWeek"])] if "hoursPerWeek" in hours else []
        parts += [escape(hours["text"])] if "text" in hours else []
        facts.append("**" + labels.say("Hours") + ":** " + " \N{EM DASH} ".join(parts))
    if "openings" in doc:
        facts.append(f"**Openings:** {doc['openings']}")
    for key, term in (
        ("datePosted", "Posted"),
        ("validThrough", "Apply by"),
        ("startDate", "Starts"),
        ("endDate", "Ends"),
    ):
        if key in doc:
            facts.append(f"**{labels.say(term)}:** {_moment(doc[key])}")
    if "startImmediately" in doc:
        facts.append(
            "**"
            + labels.say("Start")
            + ":** "
            + labels.say("Immediately" if doc["startImmediately"] else "Not immediately")
        )
    if "applicationWindow" in doc:
        facts.append(
            "**" + labels.say("Applications") + ":** " + escape(doc["applicationWindow"]["text"])
        )
    return [bullet(fact) for fact in facts]


def _figures(value: Doc, say: Callable[[Any], str]) -> str:
    shown = {k: say(value[k]) for k in ("value", "minimum", "maximum") if k in value}
    if "value" in shown:
        return shown["value"]
    if "minimum" in shown and "maximum" in shown:
        return f"{shown['minimum']}\N{EN DASH}{shown['maximum']}"
    if "minimum" in shown:
        return f"{labels.say('from')} {shown['minimum']}"
    return f"{labels.say('up to')} {shown['maximum']}"


def _amount(pay: Doc) -> str:
    """Money: currency, amount or range, and the period when given."""
    out = f"{pay['currency']} {_figures(pay, labels.amount)}"
    return out + (f" {labels.PERIODS[pay['period']]}" if "period" in pay else "")


def _percentage(value: Doc) -> str:
    sign = "\N{NO-BREAK SPACE}%" if labels.german() else "%"
    return f"{_figures(value, lambda n: labels.percent(n) + sign)} {labels.say('of base pay')}"


def _incentive(incentive: Doc) -> str:
    line = labels.INCENTIVES[incentive["type"]]
    if "discretionary" in incentive:
        flag = incentive["discretionary"]
        line += " " + labels.say("(discretionary)" if flag else "(non-discretionary)")
    figures = [_amount(incentive["amount"])] if "amount" in incentive else []
    if "percentOfBasePay" in incentive:
        figures.append(_percentage(incentive["percentOfBasePay"]))
    said = ", ".join(figures)
    if "text" in incentive:
        said += (" \N{EM DASH} " if said else "") + escape(incentive["text"])
    return line + (": " + said if said else "")


def _pay_scale(scale: Doc) -> list[str]:
    parts = [escape(scale["agreement"])] if "agreement" in scale else []
    parts += [f"{labels.say(k)} {escape(scale[k])}" for k in ("grade", "step") if k in scale]
    out = [f"**{labels.say('Pay scale:')}** " + ", ".join(parts)]
    return out + ([escape(scale["text"])] if "text" in scale else [])


def _pay_details(pay: Doc) -> str:
    parts = [labels.BASES[pay["basis"]]] if "basis" in pay else []
    return "; ".join(parts + ([pay["text"]] if "text" in pay else []))


def _pay(doc: Doc) -> list[str]:
    comp: Doc = doc["compensation"]
    out = ["## " + labels.say("Pay and benefits")]
    if "text" in comp:
        out.append(escape(comp["text"]))
    ranges = comp.get("basePay", [])
    if any("appliesTo" in pay for pay in ranges):
        head = " | ".join(labels.say(name) for name in ("Where", "Base pay", "Details"))
        rows = [f"| {head} |", "|---|---|---|"]
        for pay in ranges:
            where = (
                _applies_to(pay["appliesTo"]) if "appliesTo" in pay else labels.say("All locations")
            )
            rows.append(f"| {cell(where)} | {_amount(pay)} | {cell(_pay_details(pay))} |")
        out.append("\n".join(rows))
    else:
        out += [
            f"**{_amount(pay)}**" + (f" ({escape(_pay_details(pay))})" if _pay_details(pay) else "")
            for pay in ranges
        ]
    if "prorationText" in comp:
        out.append(escape(comp["prorationText"]))
    if "payScale" in comp:
        out += _pay_scale(comp["payScale"])
    if "incentives" in comp:
        out += [
            "### " + labels.say("Incentives"),
            bullets(_incentive(i) for i in comp["incentives"]),
        ]
    if "incentiveText" in comp:
        out.append(escape(comp["incentiveText"]))
    if "benefits" in comp:
        out += ["### " + labels.say("Benefits"), bullets(escape(b) for b in comp["benefits"])]
    return out


def _requirement(value: Doc) -> str:
    return f"*({labels.REQUIREMENTS[value['requirement']]})*"


# Entries of credentials, skills and languages that share an alternativeGroup are alternatives:
# an entry is said by a function of (entry, its requirement as said or "", a note or "").
Entry = Callable[[Doc, str, str], str]


def _alternatives(values: list[Doc], say: Entry, *, nested: bool) -> str:
    """The entries as a list; a group of alternatives that stands together is one item,
    "One of: Java, Kotlin *(required)*", and an entry of a group split up or alone says so."""
    items = []
    for run, whole in alternatives.runs(values):
        levels = {value.get("requirement") for value in run}
        if not whole:
            for value in run:
                note = ""
                if "alternativeGroup" in value:
                    marked = labels.say("one of the alternatives marked")
                    note = f"({marked} {code(value['alternativeGroup'])})"
                badge = _requirement(value) if "requirement" in value else ""
                items.append(say(value, badge, note))
            continue
        one_level = len(levels) == 1
        badge = _requirement(run[0]) if one_level and "requirement" in run[0] else ""
        said = [
            say(value, "" if one_level or "requirement" not in value else _requirement(value), "")
            for value in run
        ]
        lead = labels.say("One of:")
        if nested:
            items.append(" ".join(filter(None, [lead, badge])) + "\n" + bullets(said))
        else:
            items.append(" ".join(filter(None, [lead, ", ".join(said), badge])))
    return bullets(items)


def _skill(skill: Doc, requirement: str, note: str) -> str:
    detail = [escape(skill["scheme"])] if "scheme" in skill else []
    detail += [link(skill["code"])] if "code" in skill else []
    parts = [escape(skill["name"]), requirement, f"({' '.join(detail)})" if detail else "", note]
    return " ".join(part for part in parts if part)


def _language(lang: Doc, requirement: str, note: str) -> str:
    level = labels.LANGUAGE_LEVELS[lang["level"]] if "level" in lang else ""
    return " ".join(part for part in [lang["language"], level, requirement, note] if part)


def _credential(value: Doc, requirement: str, note: str) -> str:
    name = escape(value["name"])
    if "issuer" in value:
        name += f", {labels.say('issued by')} {escape(value['issuer'])}"
    parts = [f"**{labels.CREDENTIAL_KINDS[value['kind']]}:** {name}", requirement, note]
    line = " ".join(part for part in parts if part)
    return line + ("\n\n" + escape(value["text"]) if "text" in value else "")


def _requirements(doc: Doc) -> list[str]:
    out: list[str] = []
    for key, title in (
        ("requiredQualifications", "Required"),
        ("preferredQualifications", "Preferred"),
    ):
        if key in doc:
            out += [f"### {labels.say(title)}", bullets(escape(item) for item in doc[key])]
    if "educationRequirements" in doc:
        items = []
        for edu in doc["educationRequirements"]:
            line = f" {labels.say('or')} ".join(
                labels.EDUCATION_LEVELS[level] for level in edu["levels"]
            )
            if "fieldsOfStudy" in edu:
                line += f" {labels.say('in')} " + ", ".join(escape(f) for f in edu["fieldsOfStudy"])
            if "relatedFieldsAccepted" in edu:
                related = edu["relatedFieldsAccepted"]
                line += " " + labels.say("or a related field" if related else "(only these fields)")
            if "inProgress" in edu:
                done = "(in progress accepted)" if edu["inProgress"] else "(completed)"
                line += " " + labels.say(done)
            line += " " + _requirement(edu)
            items.append(line + ("\n\n" + escape(edu["text"]) if "text" in edu else ""))
        out += ["### " + labels.say("Education"), bullets(items)]
    if "credentials" in doc:
        out += [
            "### " + labels.say("Licences and certifications"),
            _alternatives(doc["credentials"], _credential, nested=True),
        ]
    if "experienceRequirements" in doc:
        items = []
        for exp in doc["experienceRequirements"]:
            parts = [labels.experience(exp["months"])] if "months" in exp else []
            if "subject" in exp:
                parts.append((labels.say("in") + " " if parts else "") + escape(exp["subject"]))
            line = " ".join([*parts, _requirement(exp)])
            if "exclusions" in exp:
                line += "\n" + bullets(escape(x) for x in exp["exclusions"])
            items.append(line)
        out += ["### " + labels.say("Experience"), bullets(items)]
    if "experienceInPlaceOfEducation" in doc:
        out.append(
            labels.say(
                "Experience can replace the education requirement."
                if doc["experienceInPlaceOfEducation"]
                else "Experience does not replace the education requirement."
            )
        )
    if "skills" in doc:
        out += ["### " + labels.say("Skills"), _alternatives(doc["skills"], _skill, nested=False)]
    if "languageRequirements" in doc:
        out += [
            "### " + labels.say("Languages"),
            _alternatives(doc["languageRequirements"], _language, nested=False),
        ]
    if "workAuthorization" in doc:
        auth = doc["workAuthorization"]
        out += [
            "### " + labels.say("Work authorization"),
            "**" + labels.VISA_SPONSORSHIP[auth["visaSponsorship"]] + "**",
        ]
        if "text" in auth:
            out.append(escape(auth["text"]))
    return ["## " + labels.say("Qualifications"), *out] if out else []


def _apply(doc: Doc) -> list[str]:
    value: Doc = doc["application"]
    out = ["## " + labels.say("How to apply")]
    if "url" in value:
        out.append(f"**{link(value['url'], labels.say('Apply now'))}**")
    if "email" in value:
        out.append(f"{labels.say('E-mail:')} {link('mailto:' + value['email'], value['email'])}")
    if "phone" in value:
        out.append(f"{labels.say('Phone:')} {escape(value['phone'])}")
    if "instructions" in value:
        out.append(escape(value["instructions"]))
    if "directApply" in value:
        out.append(
            labels.say(
                "You apply directly on this site."
                if value["directApply"]
                else "You apply on another site."
            )
        )
    return out


def markdown(posting: Posting) -> str:
    """One posting as Markdown (ends with a newline), labelled in the posting's language."""
    doc = codec.to_dict(posting)
    with labels.speaking(doc.get("language")):
        return _markdown(doc)


def _markdown(doc: Doc) -> str:
    org = doc["hiringOrganization"]
    byline = f"**{link(org['url'], org['name']) if 'url' in org else escape(org['name'])}**"
    if org.get("disclosed") is False:
        byline += " *" + escape(labels.say("(employer not named)")) + "*"
    tags = [escape(doc["department"])] if "department" in doc else []
    tags += [labels.EMPLOYMENT_TYPES[t] for t in doc.get("employmentTypes", ())]
    tags += [labels.STATUSES[doc["status"]]] if "status" in doc else []
    blocks = [f"# {heading(doc['title'])}", " · ".join([byline, *tags])]
    facts = _facts(doc)
    if facts:
        blocks.append("\n".join(facts))
    if "description" in doc:
        blocks += ["## " + labels.say("About the role"), rich(doc["description"])]
    if "responsibilities" in doc:
        blocks += [
            "## " + labels.say("Responsibilities"),
            bullets(escape(r) for r in doc["responsibilities"]),
        ]
    blocks += _requirements(doc)
    for section in doc.get("sections", ()):
        blocks += [f"## {heading(section['heading'])}", rich(section["content"])]
    if "compensation" in doc:
        blocks += _pay(doc)
    if "application" in doc:
        blocks += _apply(doc)
    if "contacts" in doc:
        blocks += [
            "## " + labels.say("Contacts"),
            bullets(about.contact(c) for c in doc["contacts"]),
        ]
    blocks += about.employer(doc)
    if "legalStatements" in doc:
        blocks += [
            "## " + labels.say("Legal notices"),
            bullets(
                f"**{labels.LEGAL_KINDS[s['kind']]}:** {escape(s['text'])}"
                for s in doc["legalStatements"]
            ),
        ]
    blocks += about.details(doc)
    return "\n\n".join(block for block in blocks if block) + "\n"


def write(postings: Iterable[Posting], sink: IO[bytes], options: WriteOptions) -> None:
    """Write postings as Markdown, separated by a horizontal rule."""
    texts = [markdown(posting) for posting in postings]
    if not texts:
        raise WriteError("markdown needs at least one posting to write")
    sink.write("\n---\n\n".join(texts).encode("utf-8"))
