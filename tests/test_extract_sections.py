"""Layout, chrome, headings and statements: how a body is cut up and where its parts go."""

from __future__ import annotations

import pytest
from lxml import html

from jobposting.extract.blocks import BlockKind, blocks_from_html, blocks_from_text
from jobposting.extract.chrome import drop_chrome
from jobposting.extract.headings import Fact, Target, heading_target, label_fact
from jobposting.extract.sections import split_sections
from jobposting.extract.statements import (
    Topic,
    hiring_entities,
    incentive_types,
    read_statements,
    split_sentences,
)
from jobposting.model import IncentiveType, LegalStatementKind


@pytest.mark.parametrize(
    ("heading", "target"),
    [
        ("What you'll do in the role:", Target.RESPONSIBILITIES),
        ("What you\u2019ll do", Target.RESPONSIBILITIES),
        ("Basic Qualifications:", Target.REQUIRED),
        ("Preferred Qualifications:", Target.PREFERRED),
        ("Ihre Aufgaben", Target.RESPONSIBILITIES),
        ("Das bringst du mit", Target.REQUIRED),
        ("Wir bieten", Target.BENEFITS),
        ("Vos missions :", Target.RESPONSIBILITIES),
        ("Votre profil", Target.REQUIRED),
        ("Serait un plus", Target.PREFERRED),
        ("Requisitos", Target.REQUIRED),
        ("Se valorará", Target.PREFERRED),
        ("Ofrecemos", Target.BENEFITS),
        ("Wat ga je doen?", Target.RESPONSIBILITIES),
        ("Wat vragen wij?", Target.REQUIRED),
        ("Wat bieden wij", Target.BENEFITS),
        ("Über uns", Target.COMPANY),
        ("Equal Opportunity", Target.LEGAL),
        ("Similar jobs", Target.END),
        ("NICE TO HAVE", Target.PREFERRED),
        ("A typical day:", Target.RESPONSIBILITIES),
        ("Your expertise:", Target.REQUIRED),
        ("Nice-to-Haves", Target.PREFERRED),
        ("We'd love to hear from you if you have:", Target.REQUIRED),
    ],
)
def test_heading_vocabulary_in_five_languages(heading: str, target: Target) -> None:
    """Headings are matched by their longest known opening phrase, in any case."""
    assert heading_target(heading) is target


@pytest.mark.parametrize(
    "text",
    ["Experience with Python and Java", "Profil der Firma ist gut", "We offer you a career in a"
     " team that values what you'll do and how you grow every single day at work"],
)  # fmt: skip
def test_sentences_are_not_headings(text: str) -> None:
    """Single words that are headings alone, and long lines, are not headings."""
    assert heading_target(text) is None


def test_about_the_employer_is_a_company_heading() -> None:
    """ "About <employer>" is only a company heading when the employer is known."""
    assert heading_target("About Capital One", "Capital One") is Target.COMPANY
    assert heading_target("About Capital One") is None


def test_labels() -> None:
    """Known labels split into a fact and its value; other colons do not."""
    assert label_fact("Location: Kirkland WA") == (Fact.LOCATION, "Kirkland WA")
    assert label_fact("Gehalt: 3.800 €") == (Fact.PAY, "3.800 €")
    assert label_fact("Lieu : Paris") == (Fact.LOCATION, "Paris")
    assert label_fact("Note: bring a pen") is None


def test_text_layout_bullets_headings_and_wrapped_lines() -> None:
    """Bullets are items, Markdown and underlined lines are headings, wrapped lines rejoin."""
    text = (
        "## Backend Engineer\n\nWe build tools for schools and are looking for an engineer who\n"
        "enjoys hard problems.\n\nResponsibilities\n================\n"
        "• Build APIs\n  that scale\n- Review code\n1. Mentor others\n"
    )
    blocks = blocks_from_text(text)
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.HEADING, "Backend Engineer"),
        (BlockKind.PARAGRAPH, "We build tools for schools and are looking for an engineer who "
         "enjoys hard problems."),
        (BlockKind.HEADING, "Responsibilities"),
        (BlockKind.ITEM, "Build APIs that scale"),
        (BlockKind.ITEM, "Review code"),
        (BlockKind.ITEM, "Mentor others"),
    ]  # fmt: skip


def test_html_layout_skips_scripts_forms_navigation_and_chrome() -> None:
    """Visible blocks only; a bold-only paragraph is a heading; <br> ends a line."""
    page = html.document_fromstring(
        "<html><body><nav>Home | Jobs</nav><div class='cookie-banner'>We use cookies</div>"
        "<h1>Nurse</h1><p><strong>Location:</strong> Berlin<br><strong>Salary:</strong> 4.000 €"
        "</p><p><b>Your tasks</b></p><ul><li><p>Care</p></li><li>Document</li></ul>"
        "<form><button>Apply</button></form><script>var x = 1;</script>"
        "<footer>© 2025 Clinic</footer></body></html>"
    )
    assert [(b.kind.value, b.text) for b in blocks_from_html(page)] == [
        ("heading", "Nurse"),
        ("paragraph", "Location: Berlin"),
        ("paragraph", "Salary: 4.000 €"),
        ("heading", "Your tasks"),
        ("item", "Care"),
        ("item", "Document"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies. Find out more about it here. By continuing to browse this site you are "
        "agreeing to our use of cookies.",
        "#alert",
        "Back to search results",
        "Applied = 0",
        "(web-675dddd98f-zqw5m)",
        "Apply now",
        "Jetzt bewerben",
        "Zurück zur Übersicht",
        "Retour aux offres",
        "Postuler",
        "Volver a los resultados",
        "Inscribirme",
        "Terug naar overzicht",
        "Solliciteer nu",
        "© 2025 Example GmbH. Alle Rechte vorbehalten.",
        "*",
    ],
)
def test_chrome_lines_are_dropped(line: str) -> None:
    """Banners, buttons, navigation, counters and footers are not part of the posting."""
    blocks = blocks_from_text(f"Nurse\n\n{line}\n\nWe care for patients in a friendly team.")
    assert [b.text for b in drop_chrome(blocks)] == [
        "Nurse", "We care for patients in a friendly team.",
    ]  # fmt: skip


def test_similar_jobs_tail_and_mail_headers_are_dropped() -> None:
    """Everything from "Similar jobs" on goes; a forwarded mail's header lines go too."""
    text = (
        "From: hr@example.com\nSubject: Fwd: Nurse\n\nNurse\n\nGood job.\n\nÄhnliche Jobs\nDoctor\n"
    )
    assert [b.text for b in drop_chrome(blocks_from_text(text))] == ["Nurse", "Nurse", "Good job."]


def test_sections_split_at_known_and_list_headings() -> None:
    """A known heading, and a short line with a colon before a list, open sections."""
    text = "Intro text here.\n\nYour tasks\n- a\n- b\n\nTools we use:\n- Git\n\nOther text.\n"
    sections = split_sections(blocks_from_text(text))
    assert [(s.heading, s.target, [b.text for b in s.blocks]) for s in sections] == [
        (None, None, ["Intro text here."]),
        ("Your tasks", Target.RESPONSIBILITIES, ["a", "b"]),
        ("Tools we use", Target.SECTION, ["Git", "Other text."]),
    ]


def test_sentences_keep_abbreviations_inside() -> None:
    """ "i.e.", "Corp." and e-mail addresses do not end sentences."""
    text = (
        "We will not sponsor visas (i.e. H1B, F-1 OPT). Contact us at jobs@example.com. "
        "Positions in the Philippines are for Example Service Corp. (ESC). No agencies please."
    )
    assert split_sentences(text) == [
        "We will not sponsor visas (i.e. H1B, F-1 OPT).",
        "Contact us at jobs@example.com.",
        "Positions in the Philippines are for Example Service Corp. (ESC).",
        "No agencies please.",
    ]


def test_a_mixed_paragraph_becomes_one_statement_per_topic() -> None:
    """Runs of sentences about one topic stay together; topic-less ones join a neighbour."""
    paragraph = (
        "This role is expected to accept applications for a minimum of 5 business days. "
        "No agencies please. Example Bank is an equal opportunity employer. We value you. "
        "Example Bank promotes a drug-free workplace."
    )
    assert [(s.topic, s.kind) for s in read_statements(paragraph)] == [
        (Topic.APPLICATION_WINDOW, None),
        (Topic.LEGAL, LegalStatementKind.AGENCY),
        (Topic.LEGAL, LegalStatementKind.EQUAL_OPPORTUNITY),
        (Topic.LEGAL, LegalStatementKind.DRUG_FREE_WORKPLACE),
    ]
    assert read_statements(paragraph)[2].text.endswith("We value you.")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Wir begrüßen Bewerbungen unabhängig von Geschlecht, Alter und Herkunft.",
         LegalStatementKind.EQUAL_OPPORTUNITY),
        ("Nous étudions toutes les candidatures sans distinction.",
         LegalStatementKind.EQUAL_OPPORTUNITY),
        ("Promovemos la igualdad de oportunidades.", LegalStatementKind.EQUAL_OPPORTUNITY),
        ("Acquisitie naar aanleiding van deze vacature wordt niet op prijs gesteld.",
         LegalStatementKind.AGENCY),
        ("Informationen zum Datenschutz finden Sie hier.", LegalStatementKind.DATA_PRIVACY),
        ("We participate in E-Verify.", LegalStatementKind.E_VERIFY),
        ("We will consider qualified applicants with arrest and conviction records.",
         LegalStatementKind.FAIR_CHANCE),
        ("The actual salary offered will depend on experience.",
         LegalStatementKind.PAY_TRANSPARENCY),
    ],
)  # fmt: skip
def test_legal_statement_kinds(sentence: str, kind: LegalStatementKind) -> None:
    """Legal statements are recognised by their words in five languages."""
    assert [(s.topic, s.kind) for s in read_statements(sentence)] == [(Topic.LEGAL, kind)]


def test_hiring_entities_per_country() -> None:
    """ "posted in <country> is for <entity> (<short name>)" gives one entity per country."""
    entities = hiring_entities(
        "Please note that any position posted in Canada is for Example Canada, any position "
        "posted in the United Kingdom is for Example Europe and any position posted in the "
        "Philippines is for Example Service Corp. (ESC)."
    )
    assert [(e.country, e.name, e.alternate_name) for e in entities] == [
        ("CA", "Example Canada", None),
        ("GB", "Example Europe", None),
        ("PH", "Example Service Corp.", "ESC"),
    ]


def test_incentive_kinds_in_text_order() -> None:
    """Bonus, long-term incentives, sign-on bonus (not also a plain bonus), equity."""
    assert incentive_types("cash bonus(es) and/or long term incentives (LTI)") == [
        IncentiveType.BONUS, IncentiveType.LONG_TERM_INCENTIVE,
    ]  # fmt: skip
    assert incentive_types("a sign-on bonus and stock options") == [
        IncentiveType.SIGN_ON_BONUS, IncentiveType.EQUITY,
    ]  # fmt: skip


def test_a_page_banner_is_chrome_unless_it_holds_the_title() -> None:
    """A site's <header> (skip link, logo) is left out; a banner holding the <h1> is kept.

    Airbnb's careers page puts the title in a "job-page-banner" div after a <header> of
    links; Workable puts it in a role="banner" header.
    """
    page = html.fromstring(
        "<body><header><a href='#main'>Skip to main content</a><a href='/'>Careers</a></header>"
        "<div class='job-page-banner'><h1>Account Manager</h1>"
        "<div class='offices'><span>London, United Kingdom</span></div></div>"
        "<header role='banner'><h1>Second title</h1><span>Remote</span></header>"
        "<div class='banner'><p>Join our talent community</p></div></body>"
    )
    blocks = blocks_from_html(page)
    assert [(b.text, b.hint) for b in blocks] == [
        ("Account Manager", None),
        ("London, United Kingdom", "location"),
        ("Second title", None),
        ("Remote", None),
    ]


def test_offices_is_a_location_label() -> None:
    """ "Offices: London, United Kingdom" (Airbnb) labels the location."""
    found = label_fact("Offices: London, United Kingdom")
    assert found is not None
    assert found[0] is Fact.LOCATION


def test_a_hyphenated_heading_is_no_server_name() -> None:
    """ "Nice-to-Haves" (Ashby) has the shape of a pod name but no digit: it is kept."""
    kept = drop_chrome(blocks_from_text("Cook\n\nNice-to-Haves\n\n(web-675dddd98f-zqw5m)"))
    assert [b.text for b in kept] == ["Cook", "Nice-to-Haves"]


def test_side_by_side_spans_are_separate_words() -> None:
    """Workable lines up "Remote", "Product" and "Full time" as spans with no space between."""
    page = html.fromstring(
        "<div><p><span><strong>Remote</strong></span><span>Product</span><span>Full time</span>"
        "</p><p><span>\u00a346,000</span><span>\u2014</span><span>\u00a354,000 GBP</span></p>"
        "<p>Py<b>thon</b> and <span>Go</span>.</p></div>"
    )
    assert [b.text for b in blocks_from_html(page)] == [
        "Remote Product Full time",
        "\u00a346,000 \u2014 \u00a354,000 GBP",
        "Python and Go.",
    ]
