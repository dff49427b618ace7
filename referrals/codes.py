"""The referral list as text: page ids in base 36 joined by hyphens (``2s-2t-9k``), the same
in the cookie that keeps a professional's list and in the share link. Nothing else is kept:
no client data, no server-side state."""

import re

COOKIE_NAME = "referral_list"
COOKIE_MAX_AGE = 60 * 60 * 24 * 30  # a month
# A list for one client fits on a few printed pages; more ids in a forged cookie or link are
# ignored.
MAX_ITEMS = 30
# An id beyond this is not a page of the site (and keeps int() on forged text cheap).
MAX_TOKEN_LENGTH = 12

TOKEN = re.compile(r"[0-9a-z]{1,%d}" % MAX_TOKEN_LENGTH)


def decode(text):
    """The page ids of ``text`` in order, without repeats; tokens that are not base 36
    numbers are ignored, and so is anything after ``MAX_ITEMS`` ids."""
    ids = []
    for token in (text or "").lower().split("-"):
        if TOKEN.fullmatch(token):
            number = int(token, 36)
            if number > 0 and number not in ids:
                ids.append(number)
        if len(ids) == MAX_ITEMS:
            break
    return ids


def encode(ids):
    return "-".join(_base36(number) for number in ids)


def _base36(number):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text or "0"


def from_request(request):
    return decode(request.COOKIES.get(COOKIE_NAME, ""))


def store(response, ids, request):
    """Keep ``ids`` in the cookie (readable by the page's script, which shows the count)."""
    from django.conf import settings

    if not ids:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return
    response.set_cookie(
        COOKIE_NAME,
        encode(ids[:MAX_ITEMS]),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,
    )
