"""The interface catalogues (every language in ``settings.INTERFACE_LANGUAGES``) cover every
string in the code and templates, with the plural forms of each language."""

import shutil
from pathlib import Path

import django
import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = settings.INTERFACE_LANGUAGES


@pytest.fixture(scope="module")
def refreshed_catalogues(tmp_path_factory):
    """Every interface catalogue after makemessages over the current sources: ``{code: path}``.
    makemessages writes into ./locale, so it runs on a copy of the sources, once for all."""
    copy = tmp_path_factory.mktemp("sources") / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".*", "var", "bench", "tests", "*.mo", "__pycache__"),
    )
    locale_dir = copy / "locale"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "LOCALE_PATHS", [str(locale_dir)])
        patch.chdir(copy)
        call_command("makemessages", locale=LANGUAGES, no_obsolete=True, verbosity=0)
    return {code: locale_dir / code / "LC_MESSAGES" / "django.po" for code in LANGUAGES}


@pytest.mark.parametrize("code", LANGUAGES)
def test_makemessages_finds_nothing_untranslated_or_fuzzy(refreshed_catalogues, code):
    catalogue = polib.pofile(str(refreshed_catalogues[code]))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"{code}: untranslated {missing}"
    assert not fuzzy, f"{code}: fuzzy {fuzzy}"


# The rule of a language Django has no catalogue for, from the Unicode CLDR plural rules
# (Somali: one, other).
PLURAL_FORMS_DJANGO_LACKS = {"so": "nplurals=2; plural=(n != 1);"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_plural_forms_are_djangos_for_the_language(code):
    """Django's own catalogue for the language has the rule its numbers follow (Arabic has
    six forms); ours must count the same way, or a count picks the wrong form."""
    django_catalogue = Path(django.__file__).parent / "conf" / "locale" / code / "LC_MESSAGES"
    if (django_catalogue / "django.po").exists():
        theirs = polib.pofile(str(django_catalogue / "django.po")).metadata["Plural-Forms"]
    else:
        theirs = PLURAL_FORMS_DJANGO_LACKS[code]
    ours = polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))
    assert ours.metadata.get("Plural-Forms") == theirs
    nplurals = int(theirs.split("nplurals=")[1].split(";")[0])
    short = [
        entry.msgid for entry in ours if entry.msgid_plural and len(entry.msgstr_plural) != nplurals
    ]
    assert not short, f"{code}: not {nplurals} plural forms in {short}"


@pytest.mark.parametrize(
    "code,expected",
    [
        ("fi", "Siirry pääsisältöön"),
        ("sv", "Hoppa till huvudinnehållet"),
        ("ar", "الانتقال إلى المحتوى الرئيسي"),
    ],
)
def test_compiled_catalogues_are_used(code, expected):
    with translation.override(code):
        assert translation.gettext("Skip to main content") == expected


def installed_catalogues(code, domain="django"):
    """The catalogues of Django and of the Wagtail packages for ``code``."""
    packages = [Path(django.__file__).parent, Path(wagtail.__file__).parent]
    packages.append(Path(wagtail_localize.__file__).parent)
    for package in packages:
        yield from package.glob(f"**/locale/{code}/LC_MESSAGES/{domain}.po")


# A deliberate correction of a library's translation says so in its translator comment,
# with its reason ("# Correction: ..."): nothing else of theirs may read differently in ours.
CORRECTION = "Correction: "


def says(entry):
    """What a catalogue entry says: its text, or its plural forms in order."""
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[form] for form in sorted(entry.msgstr_plural))
    return entry.msgstr


@pytest.mark.parametrize(
    "path",
    [
        path.relative_to(ROOT)
        for locale_path in settings.LOCALE_PATHS  # ours, and the libraries' strings we add
        for code in LANGUAGES
        for domain in ("django", "djangojs")  # djangojs: the admin's scripts, fi and sv
        if (path := Path(locale_path) / code / "LC_MESSAGES" / f"{domain}.po").exists()
    ],
    ids=str,
)
def test_our_catalogues_never_retranslate_django_or_wagtail(path):
    """Our catalogue comes first for every string: one of ours without a context that Wagtail
    or Django also uses would change their admin (the Wagtail menu's "Pages" once read
    "Sivutus", pagination, and its "Actions" menu lost the name editors know). Where our
    meaning differs, ours carries a context; where it is the same, it reads the same. Plural
    entries too: gettext finds them by their singular."""
    code, domain = path.parent.parent.name, path.stem
    theirs = {}
    for catalogue in installed_catalogues(code, domain):
        for entry in polib.pofile(str(catalogue)):
            if (entry.msgstr or any(entry.msgstr_plural.values())) and not entry.msgctxt:
                theirs.setdefault(entry.msgid, set()).add(says(entry))
    ours = polib.pofile(str(ROOT / path))
    clashes = {
        entry.msgid: (says(entry), theirs[entry.msgid])
        for entry in ours
        if not entry.msgctxt
        and entry.msgid in theirs
        and says(entry) not in theirs[entry.msgid]
        and not entry.tcomment.startswith(CORRECTION)
    }
    assert not clashes


def test_search_results_count_in_our_words_and_the_admins_in_djangos():
    with translation.override("fi"):
        ours = translation.npgettext(
            "search results", "%(counter)s result", "%(counter)s results", 2
        )
        admins = translation.ngettext("%(counter)s result", "%(counter)s results", 2)
    assert (ours, admins) == ("%(counter)s tulosta", "%(counter)s osumaa")
