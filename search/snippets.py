"""Result snippets: the passage of a page's text where the query's words occur, with
those words marked. A word counts as found when its analysis shares a token with a
query word's alternatives, so "äitien" is marked for the query "äiti"."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.analysis import analyse_document

WORD = re.compile(r"\w+", re.UNICODE)
WINDOW = 32
BEFORE = 8
MAX_TEXT = 20_000


def text_of(page):
    """The searchable text of a page: its description or summary, its body, and for
    materials the text of their public files."""
    parts = [getattr(page, "search_description", ""), strip_tags(str(getattr(page, "intro", "") or ""))]
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(strip_tags(str(body)))
    files = getattr(page, "public_file_text", None)
    if callable(files):
        parts.append(files())
    return " ".join(part for part in parts if part)[:MAX_TEXT]


def snippet(text, tokens, language):
    """HTML: about WINDOW words of ``text`` around the first word matching ``tokens``
    (a set of query tokens), matching words in <mark>; None when no word matches."""
    words = list(WORD.finditer(text))
    hits = [i for i, word in enumerate(words) if tokens & set(analyse_document(word.group(), language).split())]
    if not hits:
        return None
    start = max(0, hits[0] - BEFORE)
    end = min(len(words), start + WINDOW)
    marked, position = [], words[start].start()
    hit_set = set(hits)
    for i in range(start, end):
        word = words[i]
        marked.append(escape(text[position : word.start()]))
        marked.append(f"<mark>{escape(word.group())}</mark>" if i in hit_set else escape(word.group()))
        position = word.end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(words) else ""
    return mark_safe(prefix + "".join(marked).strip() + suffix)  # noqa: S308 - every piece is escaped
