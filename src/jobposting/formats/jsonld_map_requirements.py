"""The JobPosting node reader's part for the work and what it asks of a candidate.

Reads responsibilities, qualifications, educationRequirements, experienceRequirements,
experienceInPlaceOfEducation and skills. A ``qualifications`` (or ``educationRequirements``) entry
that is an EducationalOccupationalCredential whose ``credentialCategory`` names a licence, a
registration or a certification is a credential (``credentials[]``), not education.
"""

from __future__ import annotations

import re
from typing import Any

from jobposting.formats import jsonld_description as description
from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_map_base import (
    ReaderBase,
    clean_item,
    clean_text,
    plain_number,
    put_clean,
    scheme_name,
)
from jobposting.formats.jsonld_values import at, items

_NO_REQUIREMENT = frozenset({"none", "n/a", "na", "no", "not required", "none required", "-"})
_SKILL_SEPARATORS = re.compile(r"\s*[,;|\u2022\n]\s*")
#: credentialCategory values (lower case) that make a credential node a licence, a register
#: entry or a certification rather than education. The writer writes the first of each kind;
#: "certificate" is not here: schema.org's own example uses it for a qualification from study,
#: and Google's "professional certificate" is an education level.
CREDENTIAL_CATEGORIES = {
    "license": "LICENSE",
    "licence": "LICENSE",
    "licensure": "LICENSE",
    "permit": "LICENSE",
    "registration": "REGISTRATION",
    "certification": "CERTIFICATION",
}


class RequirementsReader(ReaderBase):
    """Responsibilities, qualifications, education, experience and skills."""

    def requirements(self) -> None:
        out = self.out
        responsibilities = self.take("responsibilities")
        if responsibilities is not None:
            listed = self.text_list(responsibilities, "/responsibilities", "responsibilities")
            if listed:
                out["responsibilities"] = listed
        required: list[str] = []
        preferred: list[str] = []
        education: list[dict[str, Any]] = []
        credentials: list[dict[str, Any]] = []
        qualifications = self.take("qualifications")
        if qualifications is not None and not v.is_absent(
            qualifications, "/qualifications", self.log, "requiredQualifications"
        ):
            for index, item in items(qualifications):
                if item.__class__ is str:
                    single = clean_item(item)
                    if single is not None:
                        required.append(single)  # what text_list gives for one clean item
                        continue
                where = at("/qualifications", index)
                if isinstance(item, dict):
                    self.credential_or_education(item, where, required, credentials, education)
                elif not self.headed_qualifications(item, where, required, preferred):
                    required.extend(self.text_list(item, where, "requiredQualifications"))
        value = self.take("educationRequirements")
        if value is not None and not v.is_absent(
            value, "/educationRequirements", self.log, "educationRequirements"
        ):
            for index, item in items(value):
                where = at("/educationRequirements", index)
                if isinstance(item, dict):
                    self.credential_or_education(item, where, required, credentials, education)
                else:
                    entry = self.education_text(item, where, required)
                    if entry:
                        education.append(entry)
        if required:
            out["requiredQualifications"] = required
        if preferred:
            out["preferredQualifications"] = preferred
        if education:
            out["educationRequirements"] = education
        if credentials:
            out["credentials"] = credentials
        experience = []
        value = self.take("experienceRequirements")
        if value is not None and not v.is_absent(
            value, "/experienceRequirements", self.log, "experienceRequirements"
        ):
            for index, item in items(value):
                entry = self.experience(item, at("/experienceRequirements", index))
                if entry:
                    experience.append(entry)
        if experience:
            out["experienceRequirements"] = experience
        flag = self.take("experienceInPlaceOfEducation")
        if flag is not None:
            parsed = v.boolean(
                flag, "/experienceInPlaceOfEducation", self.log, "experienceInPlaceOfEducation"
            )
            if parsed is None:
                self.log.keep(
                    "/experienceInPlaceOfEducation",
                    flag,
                    "experienceInPlaceOfEducation",
                    "not a boolean",
                )
            else:
                out["experienceInPlaceOfEducation"] = parsed
        self.skills()

    def headed_qualifications(
        self, value: Any, where: str, required: list[str], preferred: list[str]
    ) -> bool:
        """Read HTML qualifications whose lists have headings, one naming preferred ones.

        Workable writes "<p><strong>What you'll need</strong></p><ul>...</ul><p><strong>Nice
        to have</strong></p><ul>...</ul>" in one ``qualifications`` text: the items under the
        second heading are preferred. False (nothing read) when no heading names them.
        """
        if not isinstance(value, str) or "<li" not in value:
            return False
        lists = description.headed_lists(value)
        if not any(field == "preferredQualifications" for field, _ in lists):
            return False
        for field, listed in lists:
            (preferred if field == "preferredQualifications" else required).extend(listed)
        self.log.note(
            where,
            "qualifications.preferred-heading",
            "held lists under headings; the items under a heading such as 'Nice to have' "
            "were read as preferredQualifications",
            "preferredQualifications",
        )
        return True

    def credential_or_education(
        self,
        item: dict[str, Any],
        where: str,
        required: list[str],
        credentials: list[dict[str, Any]],
        education: list[dict[str, Any]],
    ) -> None:
        """A credential node of qualifications or educationRequirements, as what it names."""
        if item.__class__ is dict and (regular := _regular_education(item)) is not None:
            education.append(regular)
            return
        node = self.open(item, where)
        if self.is_credential(node):
            if found := self.credential(node, where):
                credentials.append(found)
        elif entry := self.education(node, where, required):
            education.append(entry)

    def education(
        self, node: dict[str, Any], where: str, required: list[str]
    ) -> dict[str, Any] | None:
        levels: list[str] = []
        guessed = False
        for index, item in items(
            node.get("credentialCategory") or node.get("educationalLevel") or []
        ):
            category = self.text(
                item, at(where + "/credentialCategory", index), "educationRequirements"
            )
            if category:
                found = v.education_levels(category)
                guessed |= category.strip().lower() not in v.GOOGLE_CREDENTIALS
                levels.extend(level for level in found if level not in levels)
        text = self.text(node.get("description"), where + "/description", "educationRequirements")
        if not levels and text:
            levels = v.education_levels(text)
            guessed = True
        fields = []
        for index, item in items(node.get("about") or []):
            field = self.text(item, at(where + "/about", index), "educationRequirements")
            if field:
                fields.append(field)
        self.keep_rest(
            node, where, {"credentialCategory", "educationalLevel", "description", "about"}
        )
        if not levels:
            if text:
                required.append(text)
                self.log.note(
                    where,
                    "education.as-qualification",
                    "names no education level; kept as a required qualification",
                    "educationRequirements",
                )
            elif node:
                self.log.keep(where, node, "educationRequirements", "names no education level")
            return None
        if guessed:
            self.log.note(
                where,
                "education.level-guessed",
                f"read as {', '.join(levels)}",
                "educationRequirements",
            )
        entry: dict[str, Any] = {"levels": levels}
        if fields:
            entry["fieldsOfStudy"] = fields
        entry["requirement"] = "REQUIRED"
        if text:
            entry["text"] = text
        return entry

    @staticmethod
    def is_credential(node: dict[str, Any]) -> bool:
        """Whether a credential node's credentialCategory names a licence, registration or cert."""
        category = node.get("credentialCategory")
        return isinstance(category, str) and category.strip().lower() in CREDENTIAL_CATEGORIES

    def credential(self, node: dict[str, Any], where: str) -> dict[str, Any] | None:
        """A credential from an EducationalOccupationalCredential that :meth:`is_credential`."""
        kind = CREDENTIAL_CATEGORIES[node["credentialCategory"].strip().lower()]
        name = self.text(node.get("name"), where + "/name", "credentials")
        text = self.text(node.get("description"), where + "/description", "credentials")
        used = {"credentialCategory", "name", "description"}
        if name is None:
            if text is None:
                self.log.keep(where, node, "credentials", "a credential without a name")
                return None
            name, text = text, None
            self.log.note(
                where, "value.type", "a credential without a name; read its description",
                "credentials",
            )  # fmt: skip
        entry: dict[str, Any] = {"kind": kind, "name": name}
        issuer = self.resolve(node.get("recognizedBy"), where + "/recognizedBy")
        if isinstance(issuer, dict):
            issuer = self.open(issuer, where + "/recognizedBy")
            found = self.text(issuer.get("name"), where + "/recognizedBy/name", "credentials")
            if found:
                entry["issuer"] = found
                used.add("recognizedBy")
                self.keep_rest(issuer, where + "/recognizedBy", {"name"})
        elif isinstance(issuer, str):
            found = self.text(issuer, where + "/recognizedBy", "credentials")
            if found:
                entry["issuer"] = found
                used.add("recognizedBy")
        entry["requirement"] = "REQUIRED"
        if text is not None:
            entry["text"] = text
        self.keep_rest(node, where, used)
        return entry

    def education_text(self, value: Any, where: str, required: list[str]) -> dict[str, Any] | None:
        text = self.text(value, where, "educationRequirements")
        if text is None:
            return None
        if text.strip().lower().rstrip(".") in _NO_REQUIREMENT:
            self.log.keep(where, value, "educationRequirements", f"{text!r} means no requirement")
            return None
        levels = v.education_levels(text)
        if not levels:
            required.append(text)
            self.log.note(
                where,
                "education.as-qualification",
                "names no education level; kept as a required qualification",
                "educationRequirements",
            )
            return None
        self.log.note(
            where,
            "education.level-guessed",
            f"read as {', '.join(levels)}",
            "educationRequirements",
        )
        return {"levels": levels, "requirement": "REQUIRED", "text": text}

    def experience(self, value: Any, where: str) -> dict[str, Any] | None:
        if value.__class__ is dict and (regular := _regular_experience(value)) is not None:
            return regular
        entry: dict[str, Any] = {}
        if isinstance(value, dict):
            node = self.open(value, where)
            months = node.get("monthsOfExperience")
            if months is not None:
                parsed = v.number(
                    months, where + "/monthsOfExperience", self.log, "experienceRequirements"
                )
                if parsed is not None and parsed >= 0:
                    entry["months"] = round(parsed)
                else:
                    self.log.keep(
                        where + "/monthsOfExperience",
                        months,
                        "experienceRequirements",
                        "not a number of months",
                    )
            subject = self.text(
                node.get("description"), where + "/description", "experienceRequirements"
            )
            if subject:
                entry["subject"] = subject
            self.keep_rest(node, where, {"monthsOfExperience", "description"})
        else:
            subject = self.text(value, where, "experienceRequirements")
            if subject is None:
                return None
            if subject.strip().lower().rstrip(".") in _NO_REQUIREMENT:
                self.log.keep(
                    where, value, "experienceRequirements", f"{subject!r} means no requirement"
                )
                return None
            months = _months(subject)
            if months is not None:
                entry["months"] = months
                self.log.note(
                    where,
                    "experience.months-parsed",
                    f"read as {months} months",
                    "experienceRequirements",
                )
            entry["subject"] = subject
        if not entry:
            return None
        entry["requirement"] = "REQUIRED"
        return entry

    def skills(self) -> None:
        value = self.take("skills")
        if value is None or v.is_absent(value, "/skills", self.log, "skills"):
            return
        found = []
        for index, item in items(value):
            if item.__class__ is str and isinstance(value, list):
                clean = item.strip()
                if clean and "<" not in clean and "&" not in clean:
                    found.append({"name": clean})  # what self.text gives, without its checks
                    continue
            where = at("/skills", index)
            if isinstance(item, dict):
                node = self.open(self.resolve(item, where) or {}, where)
                name = self.text(node.get("name"), where + "/name", "skills")
                used = {"name", "termCode", "inDefinedTermSet"}
                if name is None and node.get("description"):
                    name = self.text(node.get("description"), where + "/description", "skills")
                    used.add("description")
                    self.log.note(
                        where,
                        "value.type",
                        "a DefinedTerm without a name; read its description",
                        "skills",
                    )
                if name is None:
                    self.log.keep(where, item, "skills", "a skill without a name")
                    continue
                skill: dict[str, Any] = {"name": name}
                code = self.text(node.get("termCode"), where + "/termCode", "skills")
                if code:
                    skill["code"] = code
                scheme = scheme_name(node.get("inDefinedTermSet"))
                if scheme:
                    skill["scheme"] = scheme
                self.keep_rest(node, where, used)
                found.append(skill)
            elif isinstance(value, list):
                name = self.text(item, where, "skills")
                if name:
                    found.append({"name": name})
            else:
                names = self.skill_names(item, where)
                found.extend({"name": name} for name in names)
        if found:
            self.out["skills"] = found

    def skill_names(self, value: Any, where: str) -> list[str]:
        text = self.text(value, where, "skills")
        if text is None:
            return []
        parts = [p.strip() for p in _SKILL_SEPARATORS.split(text) if p.strip()]
        if len(parts) > 1 and all(len(p.split()) <= 5 for p in parts):
            self.log.note(
                where, "list.split", f"held {len(parts)} skills in one text; split", "skills"
            )
            return parts
        return [text]


_MONTHS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*\+?\s*(?:-\s*\d+\s*)?(years?|yrs?|jahre?n?|ans?|años|lat|months?|monate?n?|mois|meses)\b",
    re.I,
)


def _months(text: str) -> int | None:
    match = _MONTHS.search(text)
    if not match:
        return None
    amount = v.parse_number(match.group(1))
    if amount is None:
        return None
    unit = match.group(2).lower()
    factor = 1 if unit.startswith(("month", "monat", "mois", "mes")) else 12
    return round(amount * factor)


_REGULAR_EXPERIENCE_KEYS = frozenset({"@type", "monthsOfExperience", "description"})


def _regular_experience(node: dict[str, Any]) -> dict[str, Any] | None:
    """The requirement of an OccupationalExperienceRequirements in the writer's shape, or None.

    The shape: ``monthsOfExperience`` a finite JSON number, not negative, and a clean
    ``description``, at least one of them; no null, no prefixed key, no other property. For it
    :meth:`RequirementsReader.experience` reads each value as it is, notes nothing and keeps
    nothing, and gives this requirement.
    """
    if not node.keys() <= _REGULAR_EXPERIENCE_KEYS or None in node.values():
        return None
    entry: dict[str, Any] = {}
    if "monthsOfExperience" in node:
        months = node["monthsOfExperience"]
        if not plain_number(months) or months < 0:
            return None
        entry["months"] = round(months)
    if not put_clean(node, "description", entry, "subject"):
        return None
    if not entry:
        return None
    entry["requirement"] = "REQUIRED"
    return entry


_REGULAR_EDUCATION_KEYS = frozenset({"@type", "credentialCategory", "about", "description"})


def _regular_education(node: dict[str, Any]) -> dict[str, Any] | None:
    """The requirement of an EducationalOccupationalCredential in the writer's shape, or None.

    The shape: ``credentialCategory`` one or more of Google's categories (a clean text each),
    ``about`` clean texts, a clean ``description``; no null, no prefixed key, no other property.
    No such category names a licence, a registration or a certification, so
    :meth:`RequirementsReader.credential_or_education` reads it as education; it reads each
    value as it is, guesses nothing, notes nothing and keeps nothing, and gives this requirement.
    """
    if not node.keys() <= _REGULAR_EDUCATION_KEYS or None in node.values():
        return None
    categories = node.get("credentialCategory")
    if not categories:
        return None
    levels: list[str] = []
    for item in categories if categories.__class__ is list else (categories,):
        category = clean_text(item)
        level = v.GOOGLE_CREDENTIALS.get(category.lower()) if category is not None else None
        if level is None:
            return None
        if level not in levels:
            levels.append(level)
    entry: dict[str, Any] = {"levels": levels}
    if "about" in node:
        about = node["about"]
        fields = []
        for item in about if about.__class__ is list else (about,):
            if (field := clean_text(item)) is None:
                return None
            fields.append(field)
        if fields:
            entry["fieldsOfStudy"] = fields
    entry["requirement"] = "REQUIRED"
    if not put_clean(node, "description", entry, "text"):
        return None
    return entry
