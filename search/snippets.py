"""Result snippets: the passage of a page's text where the query's words occur, with
those words marked. A word counts as found when its analysis shares a token with a
query word's alternatives, so "äitien" is marked for the query "äiti"."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from materials.models import MaterialPage
from search.analysis import analyse_word

WORD = re.compile(r"\w+", re.UNICODE)
WINDOW = 32
BEFORE = 8
MAX_TEXT = 20_000


def texts_of(page, own_language=None):
    """The searchable texts of a page, each with its language's code (None where not known):
    its description or summary and its body in ``own_language`` (the page's), and for
    materials the text of each public file in the file's."""
    parts = [
        getattr(page, "search_description", ""),
        strip_tags(str(getattr(page, "intro", "") or "")),
    ]
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(strip_tags(str(body)))
    texts = [(" ".join(part for part in parts if part), own_language)]
    files = getattr(page, "public_file_texts", None)
    if callable(files):
        texts += [(text, code) for code, text in files()]
    return texts


def text_of(page):
    """The searchable text of a page (``texts_of``) in one."""
    return " ".join(text for text, _code in texts_of(page) if text)[:MAX_TEXT]


def word_matcher(tokens, language):
    """A test of one word: does its analysis share a token with ``tokens``?"""
    verdicts = {}

    def matches(word):
        if word not in verdicts:
            verdicts[word] = not tokens.isdisjoint(analyse_word(word, language))
        return verdicts[word]

    return matches


def add_snippets(pages, tokens, language):
    """Give each of ``pages`` its ``snippet`` and the language it is in (``snippet_language``,
    None where not known: a file without one); the files of all of them are checked for
    login at once."""
    with MaterialPage.prepare_search_texts(
        [page for page in pages if isinstance(page, MaterialPage)]
    ):
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        for page in pages:
            page.snippet, page.snippet_language = None, None
            for text, code in texts_of(page, codes.get(page.locale_id)):
                if found := snippet(text[:MAX_TEXT], tokens, language):
                    page.snippet, page.snippet_language = found, code
                    break


def mentions(text, tokens, language):
    """Whether a word of ``text`` matches ``tokens`` (analysed up to the first that does)."""
    matches = word_matcher(tokens, language)
    return any(matches(word.group()) for word in WORD.finditer(text))


def snippet(text, tokens, language):
    """HTML: about WINDOW words of ``text`` around the first word matching ``tokens``
    (a set of query tokens), matching words in <mark>; None when no word matches.
    Only the words up to the first match and those in the window are analysed."""
    matches = word_matcher(tokens, language)
    words = list(WORD.finditer(text))
    first = next((i for i, word in enumerate(words) if matches(word.group())), None)
    if first is None:
        return None
    start = max(0, first - BEFORE)
    end = min(len(words), start + WINDOW)
    marked, position = [], words[start].start()
    for i in range(start, end):
        word = words[i]
        marked.append(escape(text[position : word.start()]))
        hit = i >= first and matches(word.group())
        marked.append(f"<mark>{escape(word.group())}</mark>" if hit else escape(word.group()))
        position = word.end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(words) else ""
    return mark_safe(prefix + "".join(marked).strip() + suffix)  # noqa: S308 - every piece is escaped
