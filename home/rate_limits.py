"""Requests counted per visitor's address in the cache every worker process sees
(``CACHES["shared"]``): the limits of comments and of referral PDFs. The address itself is
never stored, in the database or the cache: keys hold an HMAC of it salted with SECRET_KEY."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches


def client_address(request):
    # REMOTE_ADDR only: X-Forwarded-For can be forged by the client unless a trusted proxy sets it.
    return request.META.get("REMOTE_ADDR", "")


def rate_limit_key(scope, ip_address):
    """The cache key of ``scope``'s count for an address, which does not reveal it."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), (ip_address or "").encode(), hashlib.sha256
    ).hexdigest()
    return f"{scope}-rate:{digest}"


def over_limit(scope, ip_address, limit, window):
    """Count one more request of ``scope`` from the address; whether it makes more than
    ``limit`` within ``window`` seconds."""
    cache = caches["shared"]
    key = rate_limit_key(scope, ip_address)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
