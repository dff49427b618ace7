"""What the visitor typed, made safe to search: printable characters only, at most
256 characters and 32 words (longer queries are cut, and the page says so)."""

from dataclasses import dataclass

MAX_QUERY_LENGTH = 256
MAX_QUERY_WORDS = 32


@dataclass
class SearchQuery:
    text: str
    was_cut: bool = False


def clean(raw):
    typed = "".join(
        char for char in raw[: MAX_QUERY_LENGTH * 4] if char.isprintable() or char.isspace()
    )
    words = typed.split()
    was_cut = len(raw) > MAX_QUERY_LENGTH * 4 or len(words) > MAX_QUERY_WORDS
    text = " ".join(words[:MAX_QUERY_WORDS])
    if len(text) > MAX_QUERY_LENGTH:
        was_cut = True
        text = text[:MAX_QUERY_LENGTH]
        if " " in text:  # do not end in half a word
            text = text.rsplit(" ", 1)[0]
    return SearchQuery(text, was_cut)
