"""Page chrome: the parts of a careers page that are not the posting.

Cookie and consent banners, "Back to search results", "Apply"/"Save"/"Share" buttons, sign-in
links, footers, counters and the "Similar jobs" tail. Chrome is recognised by its words (in
English, German, French, Spanish and Dutch) on short blocks only: a sentence of the posting
that happens to mention cookies or applying is longer than a button.
"""

from __future__ import annotations

import re

import attrs

from jobposting.extract.blocks import Block
from jobposting.extract.headings import Target, heading_target

__all__ = ["drop_chrome"]

_BUTTONS = (
    # en
    r"back(?: to)?(?: (?:the|all))? (?:search results|results|jobs|job search|job list|"
    r"careers|search|openings|positions)|apply|apply now|apply for this job|apply for this "
    r"position|apply online|easy apply|quick apply|i'm interested|save|save job|save this job|"
    r"saved|share|share this job|share job|print|email this job|email job|send to a friend|"
    r"sign in|log in|login|register|create alert|create (?:a )?job alert|job alert|menu|"
    r"skip to (?:main )?content|search jobs|view all jobs|see all jobs|all jobs|report this job|"
    r"report job|accept|accept all|accept cookies|reject all|deny|decline|manage preferences|"
    r"cookie settings|cookie policy|privacy notice|got it|ok|close|show more|show less|"
    r"read more|see more|view more|jobs powered by.*|powered by.*|indicates a required field|"
    r"\* indicates a required field|required|optional|"
    # de
    r"zurück(?: zur (?:übersicht|suche|stellenübersicht|trefferliste|jobsuche))?|"
    r"jetzt bewerben|bewerben|online bewerben|merken|stelle merken|job merken|teilen|drucken|"
    r"alle akzeptieren|akzeptieren|ablehnen|einstellungen|anmelden|"
    # fr
    r"retour(?: (?:aux offres|à la liste|aux résultats|à la recherche))?|postuler|"
    r"postuler maintenant|je postule|sauvegarder|enregistrer|partager|imprimer|tout accepter|"
    r"accepter|refuser|se connecter|"
    # es
    r"volver(?: (?:a los resultados|a las ofertas|al listado))?|inscribirme|inscribirse|"
    r"aplicar|aplicar ahora|postularme|postular|postúlate|guardar|compartir|imprimir|"
    r"aceptar|aceptar todo|rechazar|iniciar sesión|"
    # nl
    r"terug(?: naar (?:overzicht|zoekresultaten|vacatures|alle vacatures))?|solliciteer|"
    r"solliciteer nu|solliciteer direct|direct solliciteren|opslaan|delen|printen|"
    r"alles accepteren|accepteren|weigeren|inloggen"
)
_CHROME_LINE = re.compile(
    rf"^(?:{_BUTTONS})[\s.!:»\u203a>→]*$|"
    r"^#\w[\w-]*$|"  # an anchor left by a copied page ("#alert")
    r"^[\W_]+$|"  # punctuation alone ("*", "|", "—")
    r"^[^>\u203a\u00bb\n]{1,40}(?:\s[>\u203a\u00bb]\s[^>\u203a\u00bb\n]{1,80}){2,}$|"  # breadcrumbs
    r"^\w+\s*=\s*\d+$|"  # a counter ("Applied = 0")
    # a server or pod name ("(web-675d...-zqw5m)"); it has a digit, "Nice-to-Haves" has none
    r"^(?=\S*\d)\(?[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}\)?$|"
    r"^(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*|.*alle rechte vorbehalten.*|"
    r".*tous droits réservés.*|.*todos los derechos reservados.*|.*alle rechten voorbehouden.*|"
    r"^(?:privacy policy|terms of use|terms|imprint|impressum|datenschutz|mentions légales|"
    r"aviso legal|privacybeleid|cookiebeleid)(?:\s*[|·•]\s*\w[\w ]*)*$",
    re.IGNORECASE,
)
#: The header of a forwarded e-mail: dropped where it opens the text.
_MAIL_HEADER = re.compile(
    r"^(?:from|to|cc|bcc|date|sent|reply-to|von|an|gesendet|datum|de|à|envoyé|para|enviado|"
    r"fecha|van|aan|verzonden)\s*:\s*\S.*$",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"^(?:(?:subject|betreff|objet|asunto|onderwerp)\s*:\s*)?(?:(?:re|fwd?|aw|wg|tr|rv)\s*:\s*)*",
    re.I,
)
_COOKIE = re.compile(r"cookie|consent|einwilligung|consentement|consentimiento|toestemming", re.I)
#: A cookie banner is short; a posting's privacy statement that mentions cookies is not.
_BANNER_WORDS = 70


def drop_chrome(blocks: list[Block]) -> list[Block]:
    """Return the blocks without page chrome, and without everything from a "Similar jobs"
    heading on (once the posting has begun)."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.text
        if not kept and index < 8:  # still the top of the text
            if _MAIL_HEADER.match(text):
                continue
            if (prefix := _SUBJECT.match(text)) and prefix.end():
                text = text[prefix.end() :]
        if _CHROME_LINE.match(text):
            continue
        if _COOKIE.search(text) and len(text.split()) <= _BANNER_WORDS and _is_banner(text):
            continue
        if kept and len(text.split()) <= 8 and heading_target(text) is Target.END:
            break
        kept.append(block if text == block.text else attrs.evolve(block, text=text))
    return kept


def _is_banner(text: str) -> bool:
    return bool(
        re.search(
            r"\b(?:we use|this (?:site|website) uses|uses cookies|by (?:continuing|clicking|using)|"
            r"accept|agree|wir verwenden|diese website verwendet|nous utilisons|ce site utilise|"
            r"utilizamos|este sitio (?:web )?utiliza|wij gebruiken|deze website gebruikt|"
            r"cookie (?:policy|settings|preferences)|find out more)\b",
            text,
            re.IGNORECASE,
        )
    )
