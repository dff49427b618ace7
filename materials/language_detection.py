"""Proposing a file's language from its text (lingua, offline), so that an editor checks a
choice instead of making one. Only the project's file languages (``home.Language``) that
lingua knows are candidates, and lingua's low-accuracy mode keeps the worker's memory
near 30 MB instead of 300: it is weak on a few words, so a proposal needs high confidence
and the title is only tried when the text gave none."""

from functools import lru_cache

from lingua import IsoCode639_1, IsoCode639_3, LanguageDetectorBuilder
from lingua import Language as LinguaLanguage

from home.models import Language
from materials.models.documents import CustomDocument

#: The lowest confidence (0…1) at which a detected language is proposed.
MIN_CONFIDENCE = 0.8
#: The text read: enough for a confident answer, and quick on a long booklet.
SAMPLE_CHARS = 20_000


def lingua_language(code):
    """lingua's language for one of our ISO 639 codes, or None when lingua does not know it."""
    try:
        if len(code) == 2:
            return LinguaLanguage.from_iso_code_639_1(IsoCode639_1.from_str(code))
        return LinguaLanguage.from_iso_code_639_3(IsoCode639_3.from_str(code))
    except ValueError:
        return None


@lru_cache(maxsize=4)
def detector(languages):
    """Built once per process for a set of languages; a new language row builds a new one."""
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect(text):
    """The ``home.Language`` the text is confidently written in, or None."""
    text = (text or "")[:SAMPLE_CHARS].strip()
    if not text:
        return None
    codes = {}
    for code in Language.objects.values_list("code", flat=True):
        if (language := lingua_language(code)) is not None:
            codes[language] = code
    if not codes:
        return None
    ordered = tuple(sorted(codes, key=lambda language: language.name))
    values = detector(ordered).compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return Language.objects.get(code=codes[values[0].language])


def propose_language(document):
    """Set the document's language from its extracted text, or failing that its title, and
    mark it proposed (``CustomDocument.language_proposed``) so the edit form asks the editor
    to check it. Only a document still without a language is touched, in one conditional
    update: a language an editor chose meanwhile is never overwritten."""
    language = detect(document.extracted_text) or detect(document.title)
    if language is None:
        return False
    return bool(
        CustomDocument.objects.filter(pk=document.pk, language__isnull=True).update(
            language=language, language_proposed=True
        )
    )
