"""Import a JSONL file of passages as pages, to measure search quality on real pages.

Each line is ``{"id", "title", "body", "lang"}``; each passage becomes a guide page
whose slug is the passage id, in the locale named by ``lang``, under a "corpus"
section of that locale's home page, hidden from menus (a locale without a home page
gets a translation of the default one). Running it again updates the
pages in place. Used by ``search_quality.py``; call it after ``setup_django()``.
"""

import json
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from home.models import StandardPage

SECTION_SLUG = "corpus"


class CorpusError(ValueError):
    """A passage file or a site that the corpus cannot be imported into."""


def read_passages(path):
    passages = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            passage = json.loads(line)
            passages.append({key: str(passage[key]) for key in ("id", "title", "body", "lang")})
        except (ValueError, KeyError) as error:
            raise CorpusError(f"{path}, line {number}: not a passage ({error}).") from None
    return passages


def corpus_section(language_code):
    """The hidden "corpus" section of a locale's home page, created when missing."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        raise CorpusError(f"No locale {language_code!r}: add it to LANGUAGES and run migrate.")
    home = Page.objects.filter(depth=2, locale=locale).first()
    if home is None:
        # A fresh site has a home page in the default language only: translate it.
        source = Page.objects.filter(depth=2).order_by("path").first()
        if source is None:
            raise CorpusError(
                "The site has no home page to put the corpus under; run migrate first."
            )
        home = source.specific.copy_for_translation(locale)
        home.save_revision().publish()
    section = home.get_children().filter(slug=SECTION_SLUG).first()
    if section is None:
        section = StandardPage(
            title="Corpus", slug=SECTION_SLUG, locale=locale, show_in_menus=False
        )
        home.add_child(instance=section)
        section.save_revision().publish()
    return section


def paragraphs(text):
    return RichText(
        "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())
    )


@transaction.atomic
def import_passages(path):
    """Import the passages of a JSONL file; returns (created, updated)."""
    sections = {}
    created = updated = 0
    for passage in read_passages(path):
        language = passage["lang"]
        if language not in sections:
            sections[language] = corpus_section(language)
        section = sections[language]
        page = section.get_children().filter(slug=passage["id"]).first()
        body = [("paragraph", paragraphs(passage["body"]))]
        if page is None:
            page = StandardPage(slug=passage["id"], locale=section.locale, show_in_menus=False)
            page.title, page.body = passage["title"], body
            section.add_child(instance=page)
            created += 1
        else:
            page = page.specific
            page.title, page.body = passage["title"], body
            updated += 1
        page.save_revision().publish()
    return created, updated
