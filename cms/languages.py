"""The languages content can be published in: names and writing direction.

They come from the project's reference list of languages (``home/data/languages.csv``,
ISO 639 codes with the name of each language in itself and its direction), falling
back to Django's own table, so that adding a locale is a matter of configuration:
list its code in the ``LANGUAGES`` environment variable.
"""

import csv
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

REFERENCE_LIST = Path(__file__).resolve().parent.parent / "home" / "data" / "languages.csv"

# The languages the interface is written in (each has a complete catalogue in
# ``locale/``): the national languages, English and the languages the network's clients
# read. Pages in other languages show the interface in the default language (Django's
# fallback), marked with its ``lang``.
INTERFACE_LANGUAGES = ["fi", "sv", "en", "ar", "fa", "so", "uk", "ru"]
# Finnish first, the national languages, then the languages the network's clients read.
DEFAULT_CONTENT_LANGUAGES = ["fi", "sv", "en", "ar", "fa", "so", "uk", "ru"]


def reference():
    """The reference list: ``{code: row}`` with the CSV's columns."""
    with REFERENCE_LIST.open(encoding="utf-8") as rows:
        return {row["code"]: row for row in csv.DictReader(rows)}


def language_fields(row):
    """A reference row as the fields of ``home.Language``."""
    return {
        "native_name": row["native_name"],
        "finnish_name": row["finnish_name"],
        "is_rtl": row["is_rtl"] == "1",
    }


def describe(codes):
    """``(languages, bidi_codes)``: ``[(code, name in itself)]`` and the codes of
    the right-to-left ones, for Django's ``LANGUAGES`` and ``LANGUAGES_BIDI``."""
    known = reference()
    languages, bidi = [], []
    for code in codes:
        if code in known:
            name, rtl = known[code]["native_name"], known[code]["is_rtl"] == "1"
        elif code in LANG_INFO and "name_local" in LANG_INFO[code]:
            name, rtl = LANG_INFO[code]["name_local"], LANG_INFO[code].get("bidi", False)
        else:
            raise ImproperlyConfigured(
                f"LANGUAGES names {code!r}, which is not an ISO 639 code known to Tarjotin; "
                "add it to home/data/languages.csv."
            )
        languages.append((code, name[:1].upper() + name[1:]))
        if rtl:
            bidi.append(code)
    return languages, bidi
