"""The canonical posting as frozen attrs classes, written by hand to mirror the JSON Schema.

``schemas/jobposting.schema.json`` is the truth; ``tests/test_model_parity.py`` fails when this
module and the schema disagree. Names are the snake_case of the schema's camelCase properties
and fields are in the schema's property order, which is also the key order of canonical JSON.
Absent is ``None`` for a scalar and ``()`` for a list (the schema forbids empty lists). The
model holds types only; checking values against the schema and its rules is ``schema.py``'s job.
"""

import datetime
import enum
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = [
    "Application",
    "ApplicationWindow",
    "Area",
    "Classification",
    "Compensation",
    "Contact",
    "ContactRole",
    "Credential",
    "CredentialKind",
    "DateOrDateTime",
    "EducationLevel",
    "EducationRequirement",
    "EmploymentType",
    "ExperienceRequirement",
    "Geo",
    "HiringEntity",
    "Identifier",
    "Incentive",
    "IncentiveType",
    "LanguageLevel",
    "LanguageRequirement",
    "LegalStatement",
    "LegalStatementKind",
    "Location",
    "MonetaryAmount",
    "Number",
    "Organization",
    "PayAppliesTo",
    "PayBasis",
    "PayPeriod",
    "PayRange",
    "PayScale",
    "Percentage",
    "Posting",
    "PostingStatus",
    "RequirementLevel",
    "Section",
    "Skill",
    "Source",
    "SourceFormat",
    "VisaSponsorship",
    "WorkArrangement",
    "WorkArrangementType",
    "WorkAuthorization",
    "WorkHours",
]

#: ``$defs/dateOrDateTime``: a calendar date, or a date-time that carries a UTC offset.
DateOrDateTime = datetime.date | datetime.datetime
#: A JSON number: kept as the int or float it was written as (never a bool).
Number = int | float


# Closed vocabularies: member values are exactly the schema's enum values.


class PostingStatus(enum.StrEnum):
    """The posting's state."""

    DRAFT = "DRAFT"
    OPEN = "OPEN"
    ON_HOLD = "ON_HOLD"
    CLOSED = "CLOSED"
    FILLED = "FILLED"
    CANCELLED = "CANCELLED"


class EmploymentType(enum.StrEnum):
    """One employment type (Google's values)."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"
    CONTRACTOR = "CONTRACTOR"
    TEMPORARY = "TEMPORARY"
    INTERN = "INTERN"
    VOLUNTEER = "VOLUNTEER"
    PER_DIEM = "PER_DIEM"
    OTHER = "OTHER"


class RequirementLevel(enum.StrEnum):
    """Whether the posting requires something or merely prefers it."""

    REQUIRED = "REQUIRED"
    PREFERRED = "PREFERRED"


class WorkArrangementType(enum.StrEnum):
    """Onsite, hybrid or fully remote (schema.org jobLocationType TELECOMMUTE is REMOTE)."""

    ONSITE = "ONSITE"
    HYBRID = "HYBRID"
    REMOTE = "REMOTE"


class PayPeriod(enum.StrEnum):
    """The period pay amounts are paid for (schema.org unitText, HR Open intervalCode)."""

    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    YEAR = "YEAR"


class PayBasis(enum.StrEnum):
    """The work pattern pay amounts assume: full-time equivalent or the part-time hours."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"


class IncentiveType(enum.StrEnum):
    """The kind of incentive pay."""

    BONUS = "BONUS"
    SIGN_ON_BONUS = "SIGN_ON_BONUS"
    COMMISSION = "COMMISSION"
    EQUITY = "EQUITY"
    LONG_TERM_INCENTIVE = "LONG_TERM_INCENTIVE"
    PROFIT_SHARING = "PROFIT_SHARING"
    TIPS = "TIPS"
    OVERTIME = "OVERTIME"
    OTHER = "OTHER"


class EducationLevel(enum.StrEnum):
    """One acceptable education level (Google credentialCategory, ISCED levels 3 to 8)."""

    HIGH_SCHOOL = "HIGH_SCHOOL"
    VOCATIONAL = "VOCATIONAL"
    ASSOCIATE_DEGREE = "ASSOCIATE_DEGREE"
    BACHELOR_DEGREE = "BACHELOR_DEGREE"
    MASTER_DEGREE = "MASTER_DEGREE"
    DOCTORATE = "DOCTORATE"
    POSTGRADUATE_DEGREE = "POSTGRADUATE_DEGREE"
    PROFESSIONAL_CERTIFICATE = "PROFESSIONAL_CERTIFICATE"


class CredentialKind(enum.StrEnum):
    """The kind of a credential: a licence, a register entry or a certification."""

    LICENSE = "LICENSE"
    REGISTRATION = "REGISTRATION"
    CERTIFICATION = "CERTIFICATION"


class LanguageLevel(enum.StrEnum):
    """The proficiency needed, on the CEFR scale (A1 to C2) or NATIVE."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"
    NATIVE = "NATIVE"


class VisaSponsorship(enum.StrEnum):
    """Whether the employer sponsors work visas or employment authorisation."""

    YES = "YES"
    NO = "NO"
    UNKNOWN = "UNKNOWN"


class ContactRole(enum.StrEnum):
    """What a contact is for."""

    RECRUITER = "RECRUITER"
    HIRING_MANAGER = "HIRING_MANAGER"
    HR = "HR"
    ACCOMMODATION = "ACCOMMODATION"
    TECHNICAL_SUPPORT = "TECHNICAL_SUPPORT"
    GENERAL = "GENERAL"
    OTHER = "OTHER"


class LegalStatementKind(enum.StrEnum):
    """The kind of a legal or policy statement."""

    EQUAL_OPPORTUNITY = "EQUAL_OPPORTUNITY"
    FAIR_CHANCE = "FAIR_CHANCE"
    PAY_TRANSPARENCY = "PAY_TRANSPARENCY"
    ACCOMMODATION = "ACCOMMODATION"
    DRUG_FREE_WORKPLACE = "DRUG_FREE_WORKPLACE"
    E_VERIFY = "E_VERIFY"
    DATA_PRIVACY = "DATA_PRIVACY"
    AGENCY = "AGENCY"
    DISCLAIMER = "DISCLAIMER"
    OTHER = "OTHER"


class SourceFormat(enum.StrEnum):
    """The format key of the input a posting was read from."""

    JSON = "json"
    JSONL = "jsonl"
    JSONLD = "jsonld"
    HROPEN = "hropen"
    HRXML3 = "hrxml3"
    HTML = "html"
    TEXT = "text"
    MARKDOWN = "markdown"


# Objects, in the order of the schema's $defs; each class only uses classes defined above it.
# Country codes (ISO 3166-1) and currency codes (ISO 4217) are plain str: the schema lists them.


@attrs.frozen(kw_only=True)
class Identifier:
    """An identifier in a named scheme, optionally with the body that issued it."""

    scheme: str
    value: str
    name: str | None = None
    issuer: str | None = None


@attrs.frozen(kw_only=True)
class Classification:
    """A code or term from a classification scheme (occupation or industry), or a plain name."""

    scheme: str | None = None
    code: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class Geo:
    """Geographic coordinates in WGS 84 decimal degrees."""

    latitude: Number
    longitude: Number


@attrs.frozen(kw_only=True)
class Location:
    """A place where the work is done."""

    id: str | None = None
    label: str | None = None
    street_address: str | None = None
    locality: str | None = None
    region: str | None = None
    region_code: str | None = None
    postal_code: str | None = None
    country: str | None = None
    geo: Geo | None = None


@attrs.frozen(kw_only=True)
class Area:
    """A country or region, used to say where remote applicants must live."""

    country: str | None = None
    region: str | None = None
    region_code: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class WorkArrangement:
    """Where the work is done (locations, partly or fully remote) and who may apply from where."""

    type: WorkArrangementType
    applicant_locations: tuple[Area, ...] = ()
    text: str | None = None


@attrs.frozen(kw_only=True)
class HiringEntity:
    """The legal entity that employs the person hired in a given country."""

    country: str
    name: str
    alternate_name: str | None = None


@attrs.frozen(kw_only=True)
class Organization:
    """The organization that hires (schema.org hiringOrganization).

    ``disclosed`` is False when the posting does not name the employer: ``name`` is then what
    stands in its place ("Confidential", the agency or employment service that publishes it).
    """

    name: str
    disclosed: bool | None = None
    legal_name: str | None = None
    url: str | None = None
    logo: str | None = None
    same_as: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    description: str | None = None
    industries: tuple[Classification, ...] = ()
    hiring_entities: tuple[HiringEntity, ...] = ()


@attrs.frozen(kw_only=True)
class PayAppliesTo:
    """What a pay range applies to: a location of the posting, or a place named for pay only."""

    location_id: str | None = None
    label: str | None = None
    locality: str | None = None
    region: str | None = None
    region_code: str | None = None
    country: str | None = None


@attrs.frozen(kw_only=True)
class PayRange:
    """One base pay range (or a single amount) in one currency per period."""

    currency: str
    minimum: Number | None = None
    maximum: Number | None = None
    value: Number | None = None
    period: PayPeriod
    applies_to: PayAppliesTo | None = None
    basis: PayBasis | None = None
    text: str | None = None


@attrs.frozen(kw_only=True)
class PayScale:
    """A collective agreement or public pay scale and the grade of the position in it."""

    agreement: str | None = None
    grade: str | None = None
    step: str | None = None
    text: str | None = None


@attrs.frozen(kw_only=True)
class MonetaryAmount:
    """An amount of money, or a range of amounts, in one currency."""

    currency: str
    minimum: Number | None = None
    maximum: Number | None = None
    value: Number | None = None
    period: PayPeriod | None = None


@attrs.frozen(kw_only=True)
class Percentage:
    """A percentage, or a range of percentages, as numbers of percent (15 is 15 %)."""

    minimum: Number | None = None
    maximum: Number | None = None
    value: Number | None = None


@attrs.frozen(kw_only=True)
class Incentive:
    """One kind of pay on top of base pay."""

    type: IncentiveType
    discretionary: bool | None = None
    amount: MonetaryAmount | None = None
    percent_of_base_pay: Percentage | None = None
    text: str | None = None


@attrs.frozen(kw_only=True)
class Compensation:
    """Pay: base pay ranges, the pay scale they follow, incentive pay and benefits."""

    base_pay: tuple[PayRange, ...] = ()
    text: str | None = None
    proration_text: str | None = None
    pay_scale: PayScale | None = None
    incentives: tuple[Incentive, ...] = ()
    incentive_text: str | None = None
    benefits: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class EducationRequirement:
    """An education requirement: acceptable levels (alternatives), optionally in given fields."""

    levels: tuple[EducationLevel, ...]
    fields_of_study: tuple[str, ...] = ()
    related_fields_accepted: bool | None = None
    requirement: RequirementLevel
    in_progress: bool | None = None
    text: str | None = None


@attrs.frozen(kw_only=True)
class ExperienceRequirement:
    """An experience requirement."""

    months: int | None = None
    subject: str | None = None
    requirement: RequirementLevel
    exclusions: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Credential:
    """A licence, registration or certification the posting asks for."""

    kind: CredentialKind
    name: str
    issuer: str | None = None
    requirement: RequirementLevel
    alternative_group: str | None = None
    text: str | None = None


@attrs.frozen(kw_only=True)
class Skill:
    """A skill, tool, technology or competency the posting names."""

    name: str
    requirement: RequirementLevel | None = None
    code: str | None = None
    scheme: str | None = None
    alternative_group: str | None = None


@attrs.frozen(kw_only=True)
class LanguageRequirement:
    """A language the job needs."""

    language: str
    level: LanguageLevel | None = None
    requirement: RequirementLevel
    alternative_group: str | None = None


@attrs.frozen(kw_only=True)
class WorkAuthorization:
    """What the posting says about the right to work and visa sponsorship."""

    visa_sponsorship: VisaSponsorship
    text: str | None = None


@attrs.frozen(kw_only=True)
class Application:
    """How to apply."""

    url: str | None = None
    email: str | None = None
    phone: str | None = None
    instructions: str | None = None
    direct_apply: bool | None = None


@attrs.frozen(kw_only=True)
class ApplicationWindow:
    """How long applications are accepted, as the posting says it in words."""

    minimum_business_days: int | None = None
    text: str


@attrs.frozen(kw_only=True)
class Contact:
    """A person or team to contact, by role."""

    role: ContactRole
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    text: str | None = None


@attrs.frozen(kw_only=True)
class LegalStatement:
    """A statement the employer makes for legal or policy reasons, kept verbatim."""

    kind: LegalStatementKind
    text: str


@attrs.frozen(kw_only=True)
class Section:
    """A headed block of content that has no dedicated field."""

    heading: str
    content: str


@attrs.frozen(kw_only=True)
class Source:
    """Where and when this posting was read, and from which format."""

    format: SourceFormat
    url: str | None = None
    file: str | None = None
    retrieved_at: DateOrDateTime | None = None
    publisher: str | None = None


@attrs.frozen(kw_only=True)
class WorkHours:
    """Working hours or schedule."""

    hours_per_week: Number | None = None
    text: str | None = None


@attrs.frozen(kw_only=True)
class Posting:
    """The canonical job posting (the schema's top level).

    Postings are hashable. ``extensions`` holds plain JSON (dicts and lists), so it takes
    part in equality but not in the hash: equal postings still hash equal.
    """

    id: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    url: str | None = None
    language: str | None = None
    status: PostingStatus | None = None
    source: Source | None = None
    title: str
    department: str | None = None
    description: str | None = None
    sections: tuple[Section, ...] = ()
    hiring_organization: Organization
    date_posted: DateOrDateTime | None = None
    valid_through: DateOrDateTime | None = None
    start_date: DateOrDateTime | None = None
    start_immediately: bool | None = None
    end_date: DateOrDateTime | None = None
    application_window: ApplicationWindow | None = None
    locations: tuple[Location, ...] = ()
    work_arrangement: WorkArrangement | None = None
    employment_types: tuple[EmploymentType, ...] = ()
    work_hours: WorkHours | None = None
    openings: int | None = None
    compensation: Compensation | None = None
    responsibilities: tuple[str, ...] = ()
    required_qualifications: tuple[str, ...] = ()
    preferred_qualifications: tuple[str, ...] = ()
    education_requirements: tuple[EducationRequirement, ...] = ()
    credentials: tuple[Credential, ...] = ()
    experience_requirements: tuple[ExperienceRequirement, ...] = ()
    experience_in_place_of_education: bool | None = None
    skills: tuple[Skill, ...] = ()
    language_requirements: tuple[LanguageRequirement, ...] = ()
    occupational_categories: tuple[Classification, ...] = ()
    work_authorization: WorkAuthorization | None = None
    application: Application | None = None
    contacts: tuple[Contact, ...] = ()
    legal_statements: tuple[LegalStatement, ...] = ()
    extensions: Mapping[str, Any] | None = attrs.field(default=None, hash=False)
