"""Requests counted per visitor's address in the cache every worker process sees
(``CACHES["shared"]``): the limits of comments and of referral PDFs. The address itself is
never stored, in the database or the cache: keys hold an HMAC of it salted with SECRET_KEY."""

import hashlib
import hmac
import ipaddress
import logging

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)


def _trusted(address):
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_address(request):
    """The visitor's address, for these limits and for django-axes's login throttling.

    REMOTE_ADDR, unless it is one of the ``TRUSTED_PROXIES``: then the nearest address in
    X-Forwarded-For that is not a trusted proxy (each proxy appends its client's address; what
    stands left of it, the client may have forged)."""
    address = request.META.get("REMOTE_ADDR", "")
    if not _trusted(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([hop.strip() for hop in forwarded.split(",") if hop.strip()]):
        if not _trusted(hop):
            return hop
        address = hop
    return address


def rate_limit_key(scope, ip_address):
    """The cache key of ``scope``'s count for an address, which reveals neither (a scope may
    name a page: the key must not tell which pages an address viewed)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}\0{ip_address or ''}".encode(), hashlib.sha256
    ).hexdigest()
    return f"rate:{digest}"


def over_limit(scope, ip_address, limit, window):
    """Count one more request of ``scope`` from the address; whether it makes more than
    ``limit`` within ``window`` seconds. While the shared cache is out of reach (Redis
    restarting) nothing is counted and nothing refused: a reader's comment is not lost for the
    sake of a limit that only slows down floods."""
    cache = caches["shared"]
    key = rate_limit_key(scope, ip_address)
    try:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # the entry expired between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
    except Exception:  # noqa: BLE001 - django-redis and the database cache raise their own
        logger.warning("The shared cache is out of reach: %s is not rate limited", scope)
        return False
    return count > limit
