"""Idempotent building blocks for ``manage.py load_demo``.

Each area's demo content (``demo.home``, ``demo.network``, ``demo.materials``)
registers its steps with ``demo_step``; ``load_demo`` runs them in order. The builder only writes
when something differs, so a second run changes nothing and duplicates nothing.
"""

import re

from django.conf import settings
from django.utils.html import escape
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

STEPS = []


def demo_step(order):
    """Register a function ``step(builder)`` to run at ``order`` (lower first)."""

    def register(function):
        STEPS.append((order, function))
        return function

    return register


def comparable(page, name, value):
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        holder = type(page)()
        setattr(holder, name, value)  # let the field's descriptor build a StreamValue
        return [
            (block["type"], block["value"]) for block in field.get_prep_value(getattr(holder, name))
        ]
    if field.many_to_many:
        items = value.all() if hasattr(value, "all") else value
        return sorted(item.pk for item in items)
    if field.one_to_many:  # a child relation (an inline): its rows' own values, in order
        items = value.all() if hasattr(value, "all") else value
        own = [
            column
            for column in field.related_model._meta.concrete_fields
            if not column.primary_key and column.name not in ("sort_order", field.field.name)
        ]
        return [
            tuple(column.to_python(getattr(item, column.attname)) for column in own)
            for item in items
        ]
    return value


class DemoBuilder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0
        self.updated = 0

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def _differs(self, page, fields):
        for name, value in fields.items():
            if name == "tags":
                if sorted(t.name for t in page.tags.all()) != sorted(value):
                    return True
                continue
            if comparable(page, name, getattr(page, name)) != comparable(page, name, value):
                return True
        return False

    def _assign(self, page, fields):
        for name, value in fields.items():
            if name == "tags":
                page.tags.set(value, clear=True)
            else:
                setattr(page, name, value)

    def _publish(self, page):
        page.save_revision().publish()

    def page(self, parent, model, slug, **fields):
        """The child of ``parent`` with ``slug``, created or brought up to date."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, locale=parent.locale)
            self._assign(page, fields)
            parent.add_child(instance=page)
            self._publish(page)
            self.created += 1
            self.log(f"created {model.__name__} {parent.locale.language_code}:{slug}")
            return page
        return self.update(existing.specific, **fields)

    def translation(self, source, language_code, **fields):
        """The translation of ``source`` into a language, created or brought up to date.

        The parent must already exist in that language."""
        locale = Locale.objects.get(language_code=language_code)
        page = source.get_translation_or_none(locale)
        if page is None:
            page = source.copy_for_translation(locale)
            self._assign(page, fields)
            self._publish(page)
            self.created += 1
            self.log(f"translated {source.slug} into {language_code}")
            return page
        return self.update(page.specific, **fields)

    def localize(self, source, language_code, texts):
        """The translation of ``source`` made the way a translator makes one, through
        wagtail-localize (so that it stays in sync with the source): every text
        segment of the source is looked up in ``texts``, a mapping from source text
        (without markup) to its translation; slugs stay as they are. Created once;
        after that the page is the translators'. The parent must already exist in
        that language."""
        locale = Locale.objects.get(language_code=language_code)
        existing = source.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        translation_source, _created = TranslationSource.get_or_create_from_instance(source)
        translation, _created = Translation.objects.get_or_create(
            source=translation_source, target_locale=locale
        )
        missing = []
        for segment in StringSegment.objects.filter(source=translation_source).select_related(
            "string", "context"
        ):
            text = texts.get(plain(segment.string.data))
            if segment.context.path == "slug":
                text = segment.string.data
            if text is None:
                missing.append(segment.string.data)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
        if missing:
            raise ValueError(f"Demo texts miss the {language_code} of: {missing}")
        # wagtail-localize defers publishing to the end of the transaction, with a copy
        # of the page that would overwrite the tree counts of pages added meanwhile;
        # publishing the saved draft straight away avoids that.
        translation.save_target(publish=False)
        page = source.get_translation(locale)
        page.get_latest_revision().publish()
        self.created += 1
        self.log(f"translated {source.slug} into {language_code} with wagtail-localize")
        return page.specific

    def localize_pages(self, slugs, translations):
        """``localize`` the pages with ``slugs`` (parents first) into each configured language
        of ``translations``, a mapping {source text: {language code: translation}}."""
        codes = {code for by_language in translations.values() for code in by_language}
        for code in configured(sorted(codes)):
            texts = {
                source: by_language[code]
                for source, by_language in translations.items()
                if code in by_language
            }
            for slug in slugs:
                self.localize(self.find(slug), code, texts)

    def update(self, page, **fields):
        """Bring ``page`` up to date with ``fields``, publishing only if they differ."""
        if self._differs(page, fields):
            self._assign(page, fields)
            self._publish(page)
            self.updated += 1
            self.log(f"updated {page.locale.language_code}:{page.slug}")
        return page

    def find(self, slug, locale=None):
        """A page by slug in a locale (default: the source language), or None."""
        locale = locale or Locale.get_default()
        page = Page.objects.filter(slug=slug, locale=locale).first()
        return page.specific if page else None


def configured(codes):
    """Those of ``codes`` that are configured languages (the LANGUAGES variable)."""
    available = {code for code, _name in settings.LANGUAGES}
    return [code for code in codes if code in available]


def plain(html):
    """Text without markup, as the key of a demo translation."""
    return re.sub(r"<[^>]+>", "", html).strip()


def body_from_text(text):
    """StreamField content from plain text: blank lines separate blocks, ``## `` starts a
    heading, ``- `` list items, ``> `` a quote whose source may follow on a ``-- `` line."""
    stream, html = [], []

    def flush():
        if html:
            stream.append(("paragraph", RichText("".join(html))))
            html.clear()

    for chunk in (part.strip() for part in text.split("\n\n")):
        if not chunk:
            continue
        lines = [line.strip() for line in chunk.splitlines()]
        if chunk.startswith("## "):
            flush()
            stream.append(("heading", {"text": chunk[3:].strip(), "level": "h2"}))
        elif chunk.startswith("> "):
            flush()
            quote = " ".join(
                line.removeprefix("> ") for line in lines if not line.startswith("-- ")
            )
            source = next((line[3:] for line in lines if line.startswith("-- ")), "")
            stream.append(("quote", {"text": quote, "attribution": source}))
        elif chunk.startswith("-- ") and stream and stream[-1][0] == "quote":
            stream[-1][1]["attribution"] = chunk[3:].strip()
        elif all(line.startswith("- ") for line in lines):
            html.append(
                "<ul>" + "".join(f"<li>{escape(line[2:])}</li>" for line in lines) + "</ul>"
            )
        else:
            html.append(f"<p>{escape(' '.join(lines))}</p>")
    flush()
    return stream
