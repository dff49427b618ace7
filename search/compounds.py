"""Splitting Swedish and English closed compounds against a fixed Hunspell word list.

Swedish writes compounds as one word ("specialundervisning", "integrationsstöd"), and
English has both "childcare" and "child care". A word is split into a known first part
and a known rest, longest first part first, the rest split again up to
:data:`MAX_PARTS` parts; a search for one part then finds the compound, and the
compound's parts find the words written apart. The word list is Debian's Hunspell
dictionary (``hunspell-sv``: the LibreOffice Swedish dictionary by Göran Andersson,
LGPL-3; ``hunspell-en-us``: SCOWL by Kevin Atkinson, a permissive licence), fixed per
release: a page's parts never depend on other pages. Where the dictionary marks which
words may begin or end a compound (Swedish: ``COMPOUNDBEGIN``, ``COMPOUNDEND``), only
those are used, with the forms its suffix rules make for them inside a compound (the
joints of Swedish compounds: "integrations-" for "integration", "skol-" for "skola").
The rest is compared by its Snowball stem, so it may be inflected ("mamma-grupper").
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

logger = logging.getLogger(__name__)

#: Where Debian installs Hunspell dictionaries.
HUNSPELL_DIR = Path("/usr/share/hunspell")
DICTIONARIES = {"sv": "sv_SE", "en": "en_US"}
DEBIAN_PACKAGES = {"sv": "hunspell-sv", "en": "hunspell-en-us"}
#: Shortest first part and shortest rest; at most this many parts in one word. English marks
#: no word as a compound's beginning, so a short word there would cut ordinary words
#: ("the" + "rapist" of "therapist", "tog" + "ether" of "together").
MIN_FIRST, MIN_REST, MAX_PARTS = {"sv": 3, "en": 4}, 4, 4


def _read_aff(aff: Path) -> tuple[dict[str, str], list[list[str]]]:
    """(compound flags by name, suffix rules as [flag, strip, add/flags, condition])."""
    flags, rules = {}, []
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0].startswith("COMPOUND"):
            flags[fields[0]] = fields[1]
        elif len(fields) >= 5 and fields[0] == "SFX":
            rules.append(fields[1:5])
    return flags, rules


def _joint_rules(flags: dict[str, str], rules: list[list[str]]) -> dict[str, list]:
    """Per affix flag, the suffix rules whose forms begin or continue a compound:
    [(strip, add, condition)]."""
    inside = {flags.get("COMPOUNDBEGIN"), flags.get("COMPOUNDMIDDLE")} - {None}
    out: dict[str, list] = {}
    for flag, strip, add, condition in rules:
        add, _slash, continuation = add.partition("/")
        if inside & set(continuation):
            strip = "" if strip == "0" else strip
            out.setdefault(flag, []).append(
                (strip, "" if add == "0" else add, re.compile(f"(?:{condition})$"))
            )
    return out


class Decompounder:
    """The first parts and the stems of last parts of one language's dictionary."""

    def __init__(self, language: str, stem, directory: Path):
        name = DICTIONARIES[language]
        flags, rules = _read_aff(directory / f"{name}.aff")
        joints = _joint_rules(flags, rules)
        begin_flag, end_flag = flags.get("COMPOUNDBEGIN"), flags.get("COMPOUNDEND")
        self.stem = stem
        self.min_first = MIN_FIRST[language]
        self.first: dict[str, str] = {}  # a first part as written -> its dictionary word
        self.last: set[str] = set()
        lines = (directory / f"{name}.dic").read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            word, _slash, word_flags = line.split("\t")[0].split(" ")[0].partition("/")
            if len(word) < 2 or not word.isalpha() or not word.islower():
                continue  # names, abbreviations, word pieces
            if begin_flag is None or begin_flag in word_flags:
                self.first[word] = word
            for flag in word_flags:
                for strip, add, condition in joints.get(flag, ()):
                    if condition.search(word) and word.endswith(strip):
                        self.first.setdefault(word[: len(word) - len(strip)] + add, word)
            if end_flag is None or end_flag in word_flags:
                self.last.add(stem(word))

    def split(self, word: str, parts_left: int = MAX_PARTS) -> list[str]:
        """The parts of a compound as dictionary words (the last as written), or []."""
        if parts_left < 2 or len(word) < self.min_first + MIN_REST:
            return []
        for cut in range(len(word) - MIN_REST, self.min_first - 1, -1):
            first = self.first.get(word[:cut])
            if first is None:
                continue
            rest = word[cut:]
            if self.stem(rest) in self.last:
                return [first, rest]
            rest_parts = self.split(rest, parts_left - 1)
            if rest_parts:
                return [first, *rest_parts]
        return []


def load(language: str, stem) -> Decompounder | None:
    """The language's decompounder, or None (logged) when its dictionary is missing."""
    try:
        return Decompounder(language, stem, HUNSPELL_DIR)
    except OSError as exc:
        logger.warning(
            "No compound splitting for %r (%s): install the Debian package %s "
            "(scripts/install.sh does).",
            language,
            exc,
            DEBIAN_PACKAGES[language],
        )
        return None
