"""Language of parts (WCAG 3.1.2) on the demo site in Arabic and Farsi: every piece of text on
every public page type, and every text attribute a screen reader reads, is in the language
its nearest ``lang`` says, and a part in the other direction says its direction. Farsi has no
pages of its own in the demo, so its pages are the Finnish ones under ``/fa/``: the fallback
this test is for.

Text is judged by its script (Arabic script under a left-to-right language; Latin or Cyrillic
words under Arabic or Farsi; Persian-only letters under Arabic, Arabic-only ones under Farsi)
and longer Latin runs by lingua among the site's languages. Proper names are WCAG's
exception: the names the database holds (organisations, places, people to contact, addresses,
languages' own names, licences, file formats), names quoted in an Arabic-script sentence
(``QUOTED_NAME``), and addresses, numbers and dates are taken out of a text before it is
judged."""

import re

import pytest
from bs4 import BeautifulSoup, Comment, Doctype
from django.conf import settings
from wagtail.models import Page, Site

from home.models import Language
from materials import language_detection
from materials.language_detection import lingua_language
from materials.models import MaterialPage
from materials.models.documents import CustomDocument
from materials.models.pages import LICENCE_URLS
from network.models import (
    ActivityIndexPage,
    ActivityPage,
    EventPage,
    Municipality,
    OrganisationPage,
    Region,
)
from network.models.activity_places import ActivityPlace
from tests.page_types import PAGE_TYPES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

UNTRANSLATED = "blogin-kommentointi"  # the demo's page left untranslated (test_languages)
SEARCH = "kotoutuminen"
ATTRIBUTES = ["alt", "aria-label", "title", "placeholder"]
NOT_TEXT = {"script", "style", "template", "noscript"}

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
PERSIAN_ONLY = re.compile(r"[پچژگ]")
ARABIC_ONLY = re.compile(r"[يكة]")
LATIN_OR_CYRILLIC_WORD = re.compile(r"[A-Za-zÀ-ɏЀ-ӿ]{2,}")
# A run of Latin words that starts with a capital inside a sentence of a script without
# capitals is a name quoted in it ("… لدى Womento …", the name of a project or a method).
LATIN = "A-Za-zÀ-ɏЀ-ӿ"
QUOTED_NAME = re.compile(rf"(?<![{LATIN}])[A-ZÀ-ÞЀ-Я][{LATIN}-]*(?:[ ]+[{LATIN}][{LATIN}-]*)*")
# Addresses, numbers and dates in digits: no language of their own.
NEUTRAL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\+?[0-9][0-9 ()./:–-]*[0-9]|[0-9]+")
# A run this long is long enough for lingua to tell Finnish from Swedish or English.
DETECTED_WORDS = 6


def proper_names():
    """The names WCAG 3.1.2 lets stand in any language: what the database holds as a name."""
    names = set(OrganisationPage.objects.values_list("title", flat=True))
    names |= set(Municipality.objects.values_list("name", flat=True))
    names |= set(Region.objects.values_list("name", flat=True))
    names |= set(Language.objects.values_list("native_name", flat=True))
    # the licences with a link are named by their makers ("CC BY 4.0")
    licences = MaterialPage._meta.get_field("licence").choices
    names |= {str(label) for value, label in licences if value in LICENCE_URLS}
    names |= set(ActivityPlace.objects.values_list("street_address", flat=True))
    names |= set(EventPage.objects.values_list("address", flat=True))
    for address in OrganisationPage.objects.values_list("address", flat=True):
        names |= set(address.splitlines())
    for model in PAGE_TYPES:
        if hasattr(model, "contact_name"):
            names |= set(model.objects.values_list("contact_name", flat=True))
    names |= set(Site.objects.values_list("site_name", flat=True))
    names |= {extension.upper() for extension in file_extensions()}
    names = {name.strip() for name in names if name and name.strip()}
    # the longest first, so that a name inside another is not taken out of it first
    return sorted(names, key=len, reverse=True)


def file_extensions():
    return {
        document.file_extension
        for document in CustomDocument.objects.all()
        if document.file_extension
    }


def detector():
    """lingua's detector among the site's languages, built as for files' languages."""
    languages = filter(None, (lingua_language(code) for code, _name in settings.LANGUAGES))
    return language_detection.detector(tuple(sorted(languages, key=lambda found: found.name)))


def address(page, code):
    """``page`` in ``code`` where it is translated, else the Finnish page under ``/code/``
    (what a locale without its own home page serves)."""
    versions = Page.objects.live().filter(translation_key=page.translation_key)
    own = versions.filter(locale__language_code=code).first()
    if own is not None:
        return own.url
    return f"/{code}/" + versions.get(locale__language_code="fi").url.split("/", 2)[2]


def page_urls(code):
    """One address of each public page type in ``code``: the demo's pages that have an
    Arabic translation (``address``); the place trays and coverage, a search, a tag, the
    referral list and the notice of a page not translated."""
    arabic = Page.objects.live().filter(locale__language_code="ar", depth__gt=1)
    urls = {address(page, code) for page in arabic}
    tray = address(ActivityIndexPage.objects.get(locale__language_code="fi"), code)
    activity = ActivityPage.objects.live().filter(municipalities__isnull=False).first()
    municipality = activity.municipalities.first()
    untranslated = Page.objects.get(slug=UNTRANSLATED, locale__language_code="fi")
    urls |= {
        f"{tray}kunta/{municipality.slug}/",
        f"{tray}alue/{municipality.region.slug}/",
        f"{tray}kattavuus/",
        f"/{code}/search/?q={SEARCH}",
        f"/{code}/tags/{activity.tags.first().slug}/",
        f"/{code}/unavailable/{untranslated.pk}/",
        f"/{code}/lista/",
    }
    return sorted(urls)


def nearest(tag, attribute):
    while tag is not None:
        if getattr(tag, "attrs", None) and tag.has_attr(attribute):
            return tag[attribute]
        tag = tag.parent
    return None


def direction(code):
    return "rtl" if code in settings.LANGUAGES_BIDI else "ltr"


class Judge:
    def __init__(self):
        self.names = proper_names()
        self.detector = detector()

    def without_names(self, text):
        for name in self.names:
            text = text.replace(name, " ")
        return NEUTRAL.sub(" ", text)

    def fault(self, text, lang):
        """Why ``text`` is not in ``lang``, or None."""
        text = self.without_names(text)
        base = (lang or "").split("-")[0]
        if ARABIC_SCRIPT.search(text):
            if direction(base) != "rtl":
                return "Arabic script"
            if base == "ar" and PERSIAN_ONLY.search(text):
                return "Persian letters"
            if base == "fa" and ARABIC_ONLY.search(text):
                return "Arabic-only letters"
        if ARABIC_SCRIPT.search(text):
            text = QUOTED_NAME.sub(" ", text)
        words = LATIN_OR_CYRILLIC_WORD.findall(text)
        if base in ("ar", "fa") and len(words) >= 2:
            return "Latin or Cyrillic words"
        if direction(base) == "ltr" and len(words) >= DETECTED_WORDS:
            found = self.detector.detect_language_of(" ".join(words))
            confidence = (
                self.detector.compute_language_confidence(" ".join(words), found) if found else 0
            )
            if found and confidence > 0.9 and found.iso_code_639_1.name.lower() != base:
                return f"reads as {found.name.title()}"
        return None


def text_attributes(tag):
    """The attributes of ``tag`` that are read out as text."""
    names = [name for name in ATTRIBUTES if tag.get(name)]
    if tag.name == "input" and tag.get("type") in ("submit", "button") and tag.get("value"):
        names.append("value")
    return names


def faults_on(html, judge):
    """Texts in another language than their nearest ``lang``, and parts in another
    direction than the text around them that do not say theirs."""
    soup = BeautifulSoup(html, "html.parser")
    faults = []
    for text in soup.body.find_all(string=True):
        if isinstance(text, (Comment, Doctype)) or not text.strip():
            continue
        if any(parent.name in NOT_TEXT for parent in text.parents):
            continue
        lang = nearest(text.parent, "lang")
        if why := judge.fault(str(text), lang):
            faults.append(f"{why} under lang={lang}: {text.strip()[:80]!r}")
    for tag in soup.body.find_all(True):
        for attribute in text_attributes(tag):
            lang = nearest(tag, "lang")
            if why := judge.fault(tag[attribute], lang):
                faults.append(f"{why} in {attribute} under lang={lang}: {tag[attribute][:80]!r}")
        if tag.has_attr("lang") and not tag.has_attr("dir"):
            around = nearest(tag.parent, "dir")
            if around != "auto" and direction(tag["lang"].split("-")[0]) != around:
                faults.append(f"lang={tag['lang']} without dir inside dir={around}: <{tag.name}>")
    return faults


@pytest.fixture
def judge():
    return Judge()


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_every_text_is_in_the_language_its_lang_says(client, judge, code):
    client.defaults["HTTP_ORIGIN"] = "http://testserver"  # adding to the list is posted so
    for model in (MaterialPage, ActivityPage):
        for page in model.objects.live().filter(locale__language_code__in=["fi", code])[:2]:
            client.post(f"/{code}/lista/lisaa/", {"page": page.pk})
    urls = page_urls(code)
    faults = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        faults += [f"{url}: {fault}" for fault in faults_on(response.content.decode(), judge)]
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_the_tag_pages_heading_says_the_tags_language(client, code):
    """A tag is named once, in Finnish, for every language. One Finnish word inside an Arabic
    sentence is less than the judge above counts as another language, so the tag page's
    heading is checked by the tag's name."""
    tag = ActivityPage.objects.live().filter(municipalities__isnull=False).first().tags.first()
    html = client.get(f"/{code}/tags/{tag.slug}/").content.decode()
    heading = BeautifulSoup(html, "html.parser").find("main").h1
    name = heading.find(string=lambda text: tag.name in text)
    assert name.parent.name == "bdi", heading
    assert (nearest(name.parent, "lang"), nearest(name.parent, "dir")) == ("fi", "ltr")
