"""The fi/sv/en interface catalogues cover every string in the code and templates."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["fi", "sv", "en"]


def test_makemessages_finds_nothing_untranslated_or_fuzzy(tmp_path, settings, monkeypatch):
    # makemessages writes into ./locale, so it runs on a copy of the sources.
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".*", "var", "bench", "tests", "*.mo", "__pycache__"),
    )
    locale_dir = copy / "locale"
    settings.LOCALE_PATHS = [str(locale_dir)]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=LANGUAGES, no_obsolete=True, verbosity=0)
    for code in LANGUAGES:
        catalogue = polib.pofile(str(locale_dir / code / "LC_MESSAGES" / "django.po"))
        missing = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert not missing, f"{code}: untranslated {missing}"
        assert not fuzzy, f"{code}: fuzzy {fuzzy}"


@pytest.mark.parametrize(
    "code,expected", [("fi", "Siirry pääsisältöön"), ("sv", "Hoppa till huvudinnehållet")]
)
def test_compiled_catalogues_are_used(code, expected):
    with translation.override(code):
        assert translation.gettext("Skip to main content") == expected
