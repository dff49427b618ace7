"""Text analysis for full-text search: each word becomes a few tokens, and a query word
matches a document when one of its tokens equals one of the document's.

Finnish goes through Voikko (the lemmas of every reading, compound parts), Ukrainian
and Russian through pymorphy3 (lemmas), Somali through a light suffix stripper
(``search.somali``), other languages through Snowball stemmers (Arabic and Farsi letters
normalised first), Swedish and English compounds are split against a Hunspell word list
(``search.compounds``), and every token also comes without diacritics;
``docs/search.md`` shows the tokens with examples. Voikko handles and Snowball stemmers
are not thread-safe: each is created once per process, and every call holds one lock.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from functools import lru_cache

from django.core.exceptions import ImproperlyConfigured

from search import compounds, somali

__all__ = ["VoikkoUnavailable", "analyse_document", "analyse_query", "tokens"]

logger = logging.getLogger(__name__)

#: Words longer than this (after normalisation) are not words: long URLs, base64, ... dropped.
MAX_WORD_LENGTH = 64
#: At most this many tokens are produced for one source word.
MAX_TOKENS_PER_WORD = 24
#: Bound of the per-word analysis cache (entries of (word, language)).
WORD_CACHE_SIZE = 50_000
#: Unknown Finnish words of this length are tried as compounds with an unknown last part.
SPLIT_MIN_LENGTH, SPLIT_MAX_LENGTH = 8, 40
#: Shortest known left part and shortest remainder when splitting an unknown word.
SPLIT_MIN_LEFT, SPLIT_MIN_REST = 3, 4

# PyStemmer algorithm per ISO 639-1 code; filtered by what the installed PyStemmer has.
_STEMMER_NAMES = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
# Voikko word classes of proper names: these also get a Snowball stem.
_NAME_CLASSES = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})
_DEBIAN_PACKAGES = "libvoikko1 voikko-fi"


class VoikkoUnavailable(ImproperlyConfigured):
    """libvoikko or its Finnish dictionary cannot be loaded."""


# ---------------------------------------------------------------------------- tokenizer


def _combining_marks_class() -> str:
    """A regex character class body of every combining mark (categories Mn, Mc, Me)."""
    ranges: list[list[int]] = []
    for code in [*range(0x300, 0x20000), *range(0xE0100, 0xE01F0)]:
        if unicodedata.category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in ranges
    )


_MARKS = _combining_marks_class()
# Python's \w leaves out combining marks (Devanagari vowel signs, Arabic harakat), so they
# are added; zero-width (non-)joiners belong to Persian and Indic words. A word starts with
# a letter or digit; an apostrophe between letters stays inside it (Finnish "vaa'an",
# English "parent's"). Hyphens, underscores and all other punctuation separate words.
_LETTERS = r"[^\W_]"  # letters and digits
_JOINERS = f"{_MARKS}\u200c\u200d"
_PART = rf"{_LETTERS}+(?:[{_JOINERS}]+{_LETTERS}*)*"
_WORD_RE = re.compile(rf"{_PART}(?:['\u2019]{_PART})*")
_HAS_MARK_RE = re.compile(f"[{_MARKS}]")
# Output tokens: apostrophes and joiners are dropped, anything else that is not a letter,
# digit or mark separates (Voikko base forms such as "EU-maa").
_DROP_RE = re.compile("['\u2019\u200c\u200d]")
_NON_TOKEN_RE = re.compile(rf"(?:[^\w{_MARKS}]|_)+")
# Latin letters that do not decompose into a base letter and a mark.
_FOLD_SPECIAL = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def _is_latin(char: str) -> bool:
    return char < "\u0080" or unicodedata.name(char, "").startswith("LATIN")


def _strip_latin_marks(text: str) -> str:
    """Drop combining marks that follow a Latin letter; marks of other scripts stay."""
    out: list[str] = []
    latin_base = False
    for char in text:
        if unicodedata.category(char)[0] == "M":
            if latin_base:
                continue
        else:
            latin_base = _is_latin(char)
        out.append(char)
    return "".join(out)


def _normalise_word(word: str) -> str:
    if _HAS_MARK_RE.search(word):
        # Marks left after NFKC composition have no precomposed form; on Latin letters
        # they are decoration (or Zalgo), never part of Finnish, Swedish or English.
        word = unicodedata.normalize("NFC", _strip_latin_marks(word))
    if word.isdecimal() and not word.isascii():
        word = "".join(str(unicodedata.decimal(char)) for char in word)  # "٢٠٢٤" -> "2024"
    return word


def tokens(text: str) -> list[str]:
    """Split text into normalised words: NFKC, lower case, Unicode letters and digits.

    Hyphen-joined words become separate words ("Womento-työuramentorointi" -> "womento",
    "työuramentorointi"), punctuation, symbols and emoji are dropped, as are words longer
    than :data:`MAX_WORD_LENGTH`. Never raises; a non-string becomes its ``str()``.
    """
    if not text:
        return []
    if not isinstance(text, str):
        text = str(text)
    text = unicodedata.normalize("NFKC", text).lower()
    words = []
    for match in _WORD_RE.finditer(text):
        word = match.group()
        if len(word) > MAX_WORD_LENGTH * 4:  # cheap bound before any per-character work
            continue
        word = _normalise_word(word)
        if len(word) <= MAX_WORD_LENGTH:
            words.append(word)
    return words


def fold(token: str) -> str:
    """Strip diacritics of Latin letters: "äiti" -> "aiti", "café" -> "cafe"."""
    if token.isascii():
        return token
    token = token.translate(_FOLD_SPECIAL)
    return unicodedata.normalize("NFC", _strip_latin_marks(unicodedata.normalize("NFD", token)))


def _clean(candidates) -> list[str]:
    """Lower-cased, deduplicated tokens made of word characters only, plus folded copies."""
    out: dict[str, None] = {}
    for candidate in candidates:
        for piece in _NON_TOKEN_RE.split(_DROP_RE.sub("", candidate.lower())):
            if piece:
                out[piece] = None
                out[fold(piece)] = None
    return list(out)[:MAX_TOKENS_PER_WORD]


# ---------------------------------------------------------------------------- engines

_lock = threading.RLock()
_voikko_handle = None
_stemmers: dict = {}
_morph_handles: dict = {}
_decompounders: dict = {}


def _reset_lock_after_fork() -> None:
    # A forked worker keeps its private copy of the handles, but a lock held by another
    # thread of the parent at fork time would never be released in the child.
    global _lock
    _lock = threading.RLock()


os.register_at_fork(after_in_child=_reset_lock_after_fork)


def _voikko():
    """The process's Voikko handle; call with the lock held."""
    global _voikko_handle
    if _voikko_handle is None:
        try:
            import libvoikko

            _voikko_handle = libvoikko.Voikko("fi")
        except ImportError as exc:
            raise VoikkoUnavailable(
                "The Python package 'libvoikko' is missing: run scripts/install.sh."
            ) from exc
        except Exception as exc:  # OSError: no libvoikko.so.1; VoikkoException: no dictionary
            raise VoikkoUnavailable(
                f"Finnish text analysis needs Voikko ({exc}). Install the Debian packages "
                f"{_DEBIAN_PACKAGES} (sudo apt-get install {_DEBIAN_PACKAGES}), "
                "e.g. by running scripts/install.sh."
            ) from exc
    return _voikko_handle


def _stemmer(algorithm: str):
    """The process's PyStemmer stemmer for an algorithm; call with the lock held."""
    if algorithm not in _stemmers:
        import Stemmer

        # PyStemmer's own cache is off: results are cached per word in this module.
        _stemmers[algorithm] = Stemmer.Stemmer(algorithm, 0)
    return _stemmers[algorithm]


@lru_cache(maxsize=1)
def _stemmer_languages() -> dict[str, str]:
    import Stemmer

    available = set(Stemmer.algorithms())
    return {code: name for code, name in _STEMMER_NAMES.items() if name in available}


def _morph(language: str):
    """The process's pymorphy3 analyser of Ukrainian or Russian; call with the lock held."""
    if language not in _morph_handles:
        import pymorphy3

        _morph_handles[language] = pymorphy3.MorphAnalyzer(lang=language)
    return _morph_handles[language]


# Ukrainian apostrophes as typed on different keyboards: pymorphy3's dictionary has "'".
_UKRAINIAN_APOSTROPHES = str.maketrans({"\u02bc": "'", "\u2019": "'"})


def _lemmas(word: str, language: str) -> list[str]:
    """The lemmas of every reading of a Ukrainian or Russian word: a dictionary form for
    known words, a guess from the ending for unknown ones. Russian ё is read as е (most
    text is typed without it), and Russian words also keep their Snowball stem, so that
    derived words still meet (Snowball has no Ukrainian)."""
    if language == "uk":
        word = word.translate(_UKRAINIAN_APOSTROPHES)
    else:
        word = word.replace("ё", "е")
    with _lock:
        readings = _morph(language).parse(word)
    lemmas = [reading.normal_form.replace("ё", "е") for reading in readings] or [word]
    if language == "ru":
        lemmas.append(_stem("russian", word))
    return list(dict.fromkeys(lemmas))


def _decompounder(language: str):
    """The process's compound splitter of a language (None: no dictionary installed)."""
    with _lock:
        if language not in _decompounders:
            stemmer = _STEMMER_NAMES[language]
            _decompounders[language] = compounds.load(language, lambda w: _stem(stemmer, w))
        return _decompounders[language]


def _compound_part_stems(word: str, language: str) -> list[str]:
    """Snowball stems of the parts of a Swedish or English closed compound."""
    if not word.isalpha() or len(word) > SPLIT_MAX_LENGTH:
        return []
    splitter = _decompounder(language)
    parts = splitter.split(word) if splitter else []
    return [_stem(_STEMMER_NAMES[language], part) for part in parts]


def _stem(algorithm: str, word: str) -> str:
    with _lock:
        return _stemmer(algorithm).stemWord(word) or word


def _language(language_code) -> str:
    """ "fi", "fi-FI", "FI_fi" -> "fi"; anything unusable -> ""."""
    if not isinstance(language_code, str):
        return ""
    return language_code.strip().replace("_", "-").split("-")[0].lower()


# ---------------------------------------------------------------------------- Finnish


def _compound_parts(wordbases: str, baseform: str, structure: str) -> list[str]:
    """Lemmas of the parts of a compound from Voikko's WORDBASES.

    '+maahanmuuttaja(maahan=muuttaja)+äiti(äiti)' -> maahanmuuttaja, maahan, muuttaja, äiti.
    Only analyses whose STRUCTURE shows at least two parts ('=ppp=pppp') count as
    compounds. Derivational pieces ('+ja(+ja)', '+us(+us)', '+to(+to)') are glued back to
    the preceding part, and the last part is taken from the base form, so
    'turvapaikanhakijoiden' yields turva, paikka, hakija, and the compounds of
    neighbouring parts: turvapaikka, paikanhakija.
    """
    if structure.count("=") < 2:
        return []
    parts: list[list] = []  # [surface, lemma, sub-lemmas]
    for plus, surface, lemma in re.findall(r"(\+?)([^+()]*)(?:\(([^)]*)\))?", wordbases):
        if not surface and not lemma:
            continue
        if not lemma and plus and len(surface) > 2:  # '+yhteis+työ(työ)': no lemma given
            lemma = surface
        if not plus or not lemma or lemma.startswith("+"):  # derivational suffix
            if parts:
                parts[-1][0] += surface
                parts[-1][1] = parts[-1][0]
            continue
        parts.append([surface, lemma.replace("=", ""), lemma.split("=") if "=" in lemma else []])
    if len(parts) < 2:
        return []
    prefix = "".join(part[0] for part in parts[:-1]).lower()
    base = baseform.lower()
    if base.startswith(prefix) and len(base) > len(prefix):
        parts[-1][1] = base[len(prefix) :]
    out: list[str] = []
    for _surface, lemma, subs in parts:
        out.append(lemma)
        out.extend(subs)
    # The shorter compounds inside a longer one, as a word of their own would give them:
    # the parts as written, the last one as its lemma ("perheenyhdistämisprosessin" ->
    # "perheenyhdistää", "perhetyöntekijältä" -> "perhetyö", "työntekijä").
    for first in range(len(parts) - 1):
        for last in range(first + 1, len(parts)):
            if last - first < len(parts) - 1:
                written = "".join(part[0] for part in parts[first:last])
                out.append(written + parts[last][1])
    return [part.lower() for part in out if len(part) > 2]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _voikko_analyse(word: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """-> (lemmas, compound-part lemmas, is a proper name); no lemmas: an unknown word."""
    with _lock:
        analyses = _voikko().analyze(word)
    lemmas: dict[str, None] = {}
    parts: dict[str, None] = {}
    name = False
    for analysis in analyses:
        baseform = analysis.get("BASEFORM")
        if not baseform:
            continue
        lemmas[baseform.lower()] = None
        name = name or analysis.get("CLASS") in _NAME_CLASSES
        if "WORDBASES" in analysis:
            for part in _compound_parts(
                analysis["WORDBASES"], baseform, analysis.get("STRUCTURE", "")
            ):
                parts[part] = None
    return tuple(lemmas), tuple(part for part in parts if part not in lemmas), name


def _split_unknown(word: str) -> list[str]:
    """Longest known left part of an unknown word, its lemmas, the remainder and its stem."""
    if not SPLIT_MIN_LENGTH <= len(word) <= SPLIT_MAX_LENGTH or not word.isalpha():
        return []
    for cut in range(len(word) - SPLIT_MIN_REST, SPLIT_MIN_LEFT - 1, -1):
        lemmas, _parts, _name = _voikko_analyse(word[:cut])
        if lemmas:
            rest = word[cut:]
            return [*lemmas, rest, _stem("finnish", rest)]
    return []


def _finnish(word: str) -> tuple[list[str], list[str]]:
    """(whole-word tokens, part tokens) of a Finnish word."""
    if word.isdecimal():
        return [word], []
    lemmas, parts, name = _voikko_analyse(word)
    if lemmas:
        return list(lemmas), [*parts, _stem("finnish", word)] if name else list(parts)
    return [word], [_stem("finnish", word), *_split_unknown(word)]


@lru_cache(maxsize=WORD_CACHE_SIZE // 10)
def _accent_restored(word: str) -> str | None:
    """An unknown query word with its missing ä/ö/å put back by Voikko's speller, or None."""
    if (
        len(word) > SPLIT_MAX_LENGTH
        or not word.isalpha()
        or not ("a" in word or "o" in word)
        or any(char in word for char in "äöå")  # typed with accents: nothing to restore
    ):
        return None
    with _lock:
        suggestions = _voikko().suggest(word)
    for suggestion in suggestions:
        suggestion = suggestion.lower()
        if suggestion != word and fold(suggestion) == word:
            return suggestion
    return None


def spelling_suggestions(word: str, language_code: str | None) -> tuple[str, ...]:
    """Words a speller offers for a mistyped query word, best first; none for a word it
    accepts. Finnish only: Voikko's speller knows inflection and compounds, so it mends
    a typo inside a compound or an inflected form ("maahanmuutajaäidit" ->
    "maahanmuuttajaäidit"), where an edit distance to the index's lemmas is too large."""
    if _language(language_code) != "fi":
        return ()
    return _finnish_suggestions(word)


def misspelled(word: str, language_code: str | None) -> bool:
    """Whether a speller rejects ``word``; False where there is none (Finnish only has one),
    so that a correctly spelt compound whose parts the index has is never "corrected"."""
    return _language(language_code) == "fi" and _finnish_misspelled(word.lower())


@lru_cache(maxsize=WORD_CACHE_SIZE // 10)
def _finnish_misspelled(word: str) -> bool:
    if len(word) > SPLIT_MAX_LENGTH or not word.isalpha():
        return False
    with _lock:
        return not _voikko().spell(word)


@lru_cache(maxsize=WORD_CACHE_SIZE // 10)
def _finnish_suggestions(word: str) -> tuple[str, ...]:
    if not _finnish_misspelled(word):
        return ()
    with _lock:
        suggestions = _voikko().suggest(word)
    return tuple(dict.fromkeys(found.lower() for found in suggestions if found.isalpha()))


# ---------------------------------------------------------------------------- Arabic script

# Harakat, superscript alef and Quranic marks, and tatweel: how a word is spelt out or
# stretched, not which word it is.
_ARABIC_DECORATION = dict.fromkeys([*range(0x610, 0x61B), *range(0x64B, 0x660), 0x670, 0x640])
# Letters typed both ways for the same word. Snowball's Arabic stemmer reads hamza forms of
# alef, harakat and tatweel itself (and needs the hamza to see the prefixes "بأ", "كأ"), but
# not alef maqsura for yeh at the end of a word. Farsi keyboards give Persian yeh and
# keheh, Arabic ones Arabic yeh and kaf, and both appear in both languages.
_ARABIC_LETTERS = str.maketrans({"ى": "ي", "ی": "ي", "ک": "ك"})
_PERSIAN_LETTERS = str.maketrans(
    {**_ARABIC_DECORATION, "أ": "ا", "إ": "ا", "ٱ": "ا", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"}
)


def _arabic_script(word: str, language: str) -> str:
    """An Arabic or Farsi word with its letters normalised, before stemming; in Farsi the
    zero-width non-joiner goes too ("می‌روم" and "میروم" are one word)."""
    if language == "fa":
        return word.translate(_PERSIAN_LETTERS).replace("\u200c", "")
    return word.translate(_ARABIC_LETTERS)


# Farsi plural endings Snowball's Persian stemmer leaves, which the stemmer of Hazm (the
# Persian NLP toolkit, MIT) strips: "مهاجران" -> "مهاجر", "داوطلبان" -> "داوطلب".
_PERSIAN_PLURALS = ("های", "ها", "ان")
_PERSIAN_MIN_STEM = 3


def _persian(word: str) -> list[str]:
    """The Snowball stem of a Farsi word, and that of the word without a plural ending."""
    out = [_stem("persian", word)]
    for suffix in _PERSIAN_PLURALS:
        if word.endswith(suffix) and len(word) - len(suffix) >= _PERSIAN_MIN_STEM:
            out.append(_stem("persian", word[: -len(suffix)]))
            break
    return out


# British -ise/-yse, -our and -tre spellings read as American ones, in both text and
# query, so "organisation" and "organization" (Snowball: "organis", "organiz") meet.
_AMERICAN_SPELLING = (
    (re.compile(r"(?<=\w\w)([iy])s(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"\1z\2"),
    (re.compile(r"(?<=\w\w\w)our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w\w\w)tre(s|d)?$"), r"ter\1"),
)


def _american(word: str) -> str:
    for pattern, replacement in _AMERICAN_SPELLING:
        word = pattern.sub(replacement, word)
    return word


# ---------------------------------------------------------------------------- analysis


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_token_kinds(word: str, language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole-word tokens, part tokens) of one normalised word (as produced by
    :func:`tokens`): lemmas or the stem of the word itself, and what only matches a
    part of it (compound parts, the stem of an unknown word)."""
    try:
        if language == "fi":
            whole, parts = _finnish(word)
        elif word.isdecimal():
            whole, parts = [word], []
        elif language in ("uk", "ru"):
            whole, parts = _lemmas(word, language), []
        elif language == "so":
            whole, parts = [somali.stem(word)], []
        elif language == "fa":
            whole, parts = _persian(_arabic_script(word, language)), []
        elif language in ("sv", "en"):
            spelt = _american(word) if language == "en" else word
            algorithm = _STEMMER_NAMES[language]
            whole, parts = [_stem(algorithm, spelt)], _compound_part_stems(spelt, language)
        else:
            algorithm = _stemmer_languages().get(language)
            if language == "ar":
                word = _arabic_script(word, language)
            whole, parts = [_stem(algorithm, word) if algorithm else word], []
    except VoikkoUnavailable:
        raise
    except Exception:  # noqa: BLE001 - an engine's surprise must not fail indexing or search
        logger.exception("Text analysis failed for a word of %d characters", len(word))
        whole, parts = [word], []
    whole_tokens = tuple(_clean(whole)) or (word,)
    part_tokens = tuple(token for token in _clean(parts) if token not in whole_tokens)
    return whole_tokens, part_tokens[: MAX_TOKENS_PER_WORD - len(whole_tokens)]


def _word_tokens(word: str, language: str) -> tuple[str, ...]:
    """Index tokens of one normalised word: whole-word tokens first, then parts."""
    whole, parts = _word_token_kinds(word, language)
    return whole + parts


@lru_cache(maxsize=WORD_CACHE_SIZE // 10)
def _query_word_token_kinds(word: str, language: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole-word tokens, part tokens) of a query word, with a Finnish word typed
    without ä/ö also read with them put back, and an Arabic word ending in ه also read
    with ة (ta marbuta is often typed as ha)."""
    whole, parts = _word_token_kinds(word, language)
    restored = None
    if language == "fi" and not _voikko_analyse(word)[0]:
        restored = _accent_restored(word)
    elif language == "ar" and word.endswith("ه") and len(word) > 2:
        restored = f"{word[:-1]}ة"
    if restored:
        restored_whole, restored_parts = _word_token_kinds(restored, language)
        whole, parts = restored_whole + whole, restored_parts + parts
    whole = tuple(dict.fromkeys(whole))
    parts = tuple(token for token in dict.fromkeys(parts) if token not in whole)
    return whole[:MAX_TOKENS_PER_WORD], parts[: max(0, MAX_TOKENS_PER_WORD - len(whole))]


def _query_word_tokens(word: str, language: str) -> tuple[str, ...]:
    whole, parts = _query_word_token_kinds(word, language)
    return whole + parts


def analyse_document(text: str, language_code: str | None) -> str:
    """The index-time token string of a text in the given language ("fi", "sv", "en", ...).

    Space-separated; each source word contributes its analysis tokens, in text order.
    Never raises on any input (but raises :class:`VoikkoUnavailable` for Finnish when
    Voikko is not installed).
    """
    language = _language(language_code)
    return " ".join(token for word in tokens(text) for token in _word_tokens(word, language))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def analyse_word(word: str, language_code: str | None) -> frozenset[str]:
    """The index-time tokens of one word of a text (as :func:`analyse_document` gives
    them), kept: result snippets test the same words again and again, and analysing a
    word's text anew costs some fifty times looking it up here."""
    return frozenset(analyse_document(word, language_code).split())


def analyse_document_by_kind(text: str, language_code: str | None) -> tuple[str, str]:
    """The index-time tokens of a text split in two token strings: whole-word tokens and
    part tokens (see :func:`_word_token_kinds`), for engines that weigh a match on a
    whole word above a match on a compound part. Together they hold the tokens of
    :func:`analyse_document`."""
    language = _language(language_code)
    whole, parts = [], []
    for word in tokens(text):
        word_whole, word_parts = _word_token_kinds(word, language)
        whole.extend(word_whole)
        parts.extend(word_parts)
    return " ".join(whole), " ".join(parts)


def analyse_query(text: str, language_code: str | None) -> list[list[str]]:
    """Per query word, its alternative tokens: a document matches the word when its token
    string (:func:`analyse_document`) has any of them.

    The caller combines the words (AND) and bounds their number: a Finnish word Voikko
    does not know costs a speller call (a few milliseconds) for accent restoration.
    Never raises on any input, as :func:`analyse_document`.
    """
    language = _language(language_code)
    return [list(_query_word_tokens(word, language)) for word in tokens(text)]


def analyse_query_by_kind(
    text: str, language_code: str | None
) -> list[tuple[list[str], list[str]]]:
    """Per query word, (whole-word tokens, part tokens): together the alternatives of
    :func:`analyse_query`, split for engines that weigh whole-word matches higher."""
    language = _language(language_code)
    return [tuple(map(list, _query_word_token_kinds(word, language))) for word in tokens(text)]
