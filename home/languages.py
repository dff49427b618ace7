"""Language names a reader can read: a language is named in the interface language,
followed by its own name where the two differ ("arabia – العربية"), so that a Finnish
worker can tell العربية from فارسی and a client still finds their own script. Lists of
languages are sorted by the name the reader sees.

The names in the interface language are the English names below, translated in the
project's catalogues (Django's own catalogues lack many of these languages, and Somali),
under a context of their own so that Django's admin keeps its own names.
"""

import unicodedata
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import pgettext_lazy

from cms.languages import reference

# Every language of the reference list (``home/data/languages.csv``), by its English name.
NAMES = {
    "fi": pgettext_lazy("language name", "Finnish"),
    "sv": pgettext_lazy("language name", "Swedish"),
    "en": pgettext_lazy("language name", "English"),
    "se": pgettext_lazy("language name", "Northern Sami"),
    "ar": pgettext_lazy("language name", "Arabic"),
    "fa": pgettext_lazy("language name", "Persian (Farsi)"),
    "prs": pgettext_lazy("language name", "Dari"),
    "ps": pgettext_lazy("language name", "Pashto"),
    "ku": pgettext_lazy("language name", "Kurdish"),
    "ckb": pgettext_lazy("language name", "Sorani (Kurdish)"),
    "so": pgettext_lazy("language name", "Somali"),
    "ti": pgettext_lazy("language name", "Tigrinya"),
    "am": pgettext_lazy("language name", "Amharic"),
    "sw": pgettext_lazy("language name", "Swahili"),
    "uk": pgettext_lazy("language name", "Ukrainian"),
    "ru": pgettext_lazy("language name", "Russian"),
    "et": pgettext_lazy("language name", "Estonian"),
    "lv": pgettext_lazy("language name", "Latvian"),
    "lt": pgettext_lazy("language name", "Lithuanian"),
    "pl": pgettext_lazy("language name", "Polish"),
    "ro": pgettext_lazy("language name", "Romanian"),
    "bg": pgettext_lazy("language name", "Bulgarian"),
    "sq": pgettext_lazy("language name", "Albanian"),
    "bs": pgettext_lazy("language name", "Bosnian"),
    "tr": pgettext_lazy("language name", "Turkish"),
    "fr": pgettext_lazy("language name", "French"),
    "es": pgettext_lazy("language name", "Spanish"),
    "pt": pgettext_lazy("language name", "Portuguese"),
    "de": pgettext_lazy("language name", "German"),
    "it": pgettext_lazy("language name", "Italian"),
    "zh": pgettext_lazy("language name", "Chinese"),
    "vi": pgettext_lazy("language name", "Vietnamese"),
    "th": pgettext_lazy("language name", "Thai"),
    "my": pgettext_lazy("language name", "Burmese"),
    "ne": pgettext_lazy("language name", "Nepali"),
    "hi": pgettext_lazy("language name", "Hindi"),
    "ur": pgettext_lazy("language name", "Urdu"),
    "bn": pgettext_lazy("language name", "Bengali"),
    "ta": pgettext_lazy("language name", "Tamil"),
    "tl": pgettext_lazy("language name", "Tagalog"),
    "fil": pgettext_lazy("language name", "Filipino"),
    "he": pgettext_lazy("language name", "Hebrew"),
    "ln": pgettext_lazy("language name", "Lingala"),
    "yo": pgettext_lazy("language name", "Yoruba"),
    "ha": pgettext_lazy("language name", "Hausa"),
    "om": pgettext_lazy("language name", "Oromo"),
    "fse": pgettext_lazy("language name", "Finnish Sign Language"),
}

# Letters that the reader's language sorts apart from the Latin, Cyrillic or Arabic
# code point order, in that language's order (without PyICU, which needs the system's
# ICU, this tailoring is the collation; letters not listed sort by code point).
ALPHABETS = {
    "fi": "abcdefghijklmnopqrstuvwxyzåäö",
    "sv": "abcdefghijklmnopqrstuvwxyzåäö",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ru": "абвгдежзийклмнопрстуфхцчшщъыьэюя",
    "fa": "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
}


@cache
def _reference():
    """``{code: (name in itself, right to left)}`` of the reference list (read once)."""
    return {code: (row["native_name"], row["is_rtl"] == "1") for code, row in reference().items()}


def _own(code, default=None):
    """``(name in itself, right to left)``: from the reference list, else ``LANGUAGES``."""
    if code in _reference():
        return _reference()[code]
    name = dict(settings.LANGUAGES).get(code, default or code)
    return name, code in settings.LANGUAGES_BIDI


def own_name(code, default=None):
    """The language's name in itself (``ar`` → العربية)."""
    return _own(code, default)[0]


def shown_name(code, default=None):
    """The language's name in the interface language (in Finnish: ``ar`` → arabia); its own
    name when the project has no name for it (one an administrator added)."""
    return str(NAMES[code]) if code in NAMES else own_name(code, default)


def _same(shown, own):
    """Whether the two names are one (``Svenska``, ``svenska``; ``العربيّة``, ``العربية``)."""
    return _bare(shown) == _bare(own)


def _bare(text):
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_text(code, default=None):
    """``arabia – العربية`` as plain text, for an ``<option>`` or an attribute; the own name
    alone where the reader's language names it so."""
    shown, own = shown_name(code, default), own_name(code, default)
    return own if _same(shown, own) else f"{shown} – {own}"


def name_html(code, default=None):
    """``arabia – <span lang="ar" dir="rtl">العربية</span>``: the own name isolated in its
    direction and labelled with its language, so a screen reader reads it in that voice."""
    own, rtl = _own(code, default)
    shown, direction = shown_name(code, default), "rtl" if rtl else "ltr"
    if _same(shown, own):
        return format_html('<span lang="{}" dir="{}">{}</span>', code, direction, own)
    return format_html('{} – <span lang="{}" dir="{}">{}</span>', shown, code, direction, own)


def _language_key(alphabet):
    """A sort key of text: case and accents ignored, but letters of ``alphabet`` (ä, ö in
    Finnish) kept as letters of their own, in the alphabet's order."""
    ranks = {letter: rank for rank, letter in enumerate(alphabet)}

    def weight(character):
        if character in ranks:
            return (1, ranks[character])
        return (0 if not character.isalnum() else 2, ord(character))

    def key(text):
        weights = []
        for character in unicodedata.normalize("NFC", str(text).casefold()):
            if character not in ranks:
                character = unicodedata.normalize("NFD", character)
            weights.extend(weight(c) for c in character if not unicodedata.combining(c))
        return weights

    return key


def collation_key():
    """The sort key of names in the interface language (``sorted(names, key=collation_key())``)."""
    current = translation.get_language()
    shown = current if current in settings.INTERFACE_LANGUAGES else settings.LANGUAGE_CODE
    return _language_key(ALPHABETS.get(shown, ""))


def by_name(languages):
    """``[(code, name_text)]`` of ``languages`` (``(code, name in itself)`` pairs) sorted by
    the name the reader sees."""
    key = collation_key()
    named = ((code, name_text(code, own)) for code, own in languages)
    return sorted(named, key=lambda pair: key(pair[1]))
