"""Requests counted per visitor's address in the cache every worker process sees
(``CACHES["shared"]``): the limits of comments and of referral PDFs. The address itself is
never stored, in the database or the cache: keys hold an HMAC of it salted with SECRET_KEY."""

import hashlib
import hmac
import ipaddress
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

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


def out_of_reach(error):
    """Whether ``error`` (or what django-redis wrapped in it) says the cache server could not
    be reached, rather than that it refused the command (out of memory, wrong password)."""
    unreachable = (OSError, OperationalError, RedisConnectionError, RedisTimeoutError)
    return any(isinstance(cause, unreachable) for cause in (error, error.__cause__))


def over_limit(scope, ip_address, limit, window, *, refuse_when_out_of_reach=False):
    """Count one more request of ``scope`` from the address; whether it makes more than
    ``limit`` within ``window`` seconds. While the shared cache is out of reach (Redis
    restarting) nothing is counted, and nothing refused unless ``refuse_when_out_of_reach``
    (work expensive enough to be worth refusing): a reader's comment is not lost for the sake
    of a limit that only slows down floods."""
    cache = caches["shared"]
    key = rate_limit_key(scope, ip_address)
    try:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # the entry expired between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
    except Exception as error:  # noqa: BLE001 - django-redis wraps what redis raises
        if not out_of_reach(error):
            raise
        logger.warning("The shared cache is out of reach: %s is not rate limited", scope)
        return refuse_when_out_of_reach
    return count > limit
