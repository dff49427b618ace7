"""A light suffix stripper for Somali, which has no Snowball stemmer or other library.

It removes, at most once each and in this order, what Somali grammars describe as the
endings of a noun (John I. Saeed, *Somali*, London Oriental and African Language Library
10, John Benjamins 1999, the chapters on nouns and determiners; Martin Orwin, *Colloquial
Somali*, Routledge 1995):

1. a determiner: the article consonant (k, g, h of masculine nouns; t, d, sh of feminine
   ones, chosen by the sound before it) with the definite ``-a``, the remote ``-ii``, the
   demonstratives ``-an``, ``-aas``, the interrogative ``-ee``, the subject ``-u``, or a
   possessive (``-ayga``, ``-aaga``, ``-iisa``, ``-eeda``, ``-eenna``, ``-ayaga``,
   ``-iinna``, ``-ooda``): "qoyska", "dugsiga", "carruurta", "xannaanada";
2. a plural ending ``-ooyin``, ``-oyin``, ``-yaal``, ``-aal``, ``-iin`` ("waalidiin"), or
   the plural of a one-syllable noun that repeats its last consonant after ``a``
   ("qoysas");
3. the abstract-noun suffix ``-nimo`` ("waalidnimo", parenthood);
4. the final vowel ``a``/``o``/``e`` that alternates before the article ("hooyo",
   "hooyada").

Nothing is removed that would leave fewer than :data:`MIN_STEM` letters, so short words
stay whole. Index and query words go through the same steps, so a wrong cut only merges
two words that share the remaining stem.
"""

MIN_STEM = 3

_ARTICLE_CONSONANTS = ("sh", "k", "g", "h", "t", "d")
_DETERMINER_VOWELS = (
    *("a", "ii", "an", "aas", "ee", "u"),
    *("ayga", "aaga", "iisa", "eeda", "eenna", "ayaga", "iinna", "ooda"),
)
_DETERMINERS = sorted(
    {consonant + vowels for consonant in _ARTICLE_CONSONANTS for vowels in _DETERMINER_VOWELS},
    key=len,
    reverse=True,
)
_PLURALS = ("ooyin", "oyin", "yaal", "aal", "iin")
_ABSTRACT = ("nimo", "nima")  # "-nima" before the article: "waalidnimada"


def _strip_one(word: str, suffixes) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def stem(word: str) -> str:
    """The stem of a lower-case Somali word: "qoysaska", "qoyska", "qoys" -> "qoys"."""
    stem = _strip_one(word, _DETERMINERS)
    plural = _strip_one(stem, _PLURALS)
    if plural == stem and len(stem) >= MIN_STEM + 2 and stem[-2] == "a" and stem[-1] == stem[-3]:
        plural = stem[:-2]  # "qoysas" -> "qoys", "buugag" -> "buug"
    stem = _strip_one(plural, _ABSTRACT)
    if stem[-1:] in ("a", "o", "e") and len(stem) > MIN_STEM:
        stem = stem[:-1]
    return stem
