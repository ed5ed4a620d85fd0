"""Limits on how often one address may post a form, so that nobody can flood
the site with sign-ups or make it send email in bulk.

Counts live in Django's cache. In production that is Redis (CACHE_URL), shared
by every web server, so a limit holds however many servers answer. Only POSTs
are counted: reading pages is never limited.
"""

import functools
import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_address(request: HttpRequest) -> str:
    """The visitor's address, as far as we can trust it.

    REMOTE_ADDR is the address that connected to us. Behind load balancers
    that is the nearest balancer, so TRUSTED_PROXY_COUNT says how many of
    ours stand in front: each appends the address it saw to X-Forwarded-For,
    and the entry that many places from the end is the one our outermost
    balancer saw. Entries before it were written by the visitor, who could
    make up a fresh one with every request, so they are never used.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _count(key: str, *, per_seconds: int) -> int:
    """Add one to the count under `key` and return it; the count expires with its window."""
    # add() only writes when the key is missing, so two servers starting the
    # same window do not reset each other; incr() is atomic in Redis.
    cache.add(key, 0, timeout=per_seconds + 1)
    try:
        return cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is the first post of a new window.
        cache.add(key, 1, timeout=per_seconds + 1)
        return 1


def within_limit(*, scope: str, key: str, limit: int, per_seconds: int) -> bool:
    """Count one use of `key` in `scope`; whether it is within `limit` per `per_seconds`.

    For limits on something other than a visitor's posts (the emails one
    address is sent, say). The key is hashed: cache keys must be short and
    plain, and an email address in one would sit in the cache as typed.
    """
    window = int(time.time() // per_seconds)
    digest = hashlib.sha256(key.encode()).hexdigest()
    return _count(f"ratelimit:{scope}:{digest}:{window}", per_seconds=per_seconds) <= limit


def rate_limit(*, scope: str, limit: int, per_seconds: int) -> Callable:
    """Allow `limit` POSTs per `per_seconds` from one address to views sharing `scope`.

    Over the limit, the visitor gets a GOV.UK-styled page with status 429 and a
    Retry-After header saying when the current window ends. Windows are fixed
    (counted from the epoch), which is simple and, for limits this generous, fair.
    """

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "POST":
                return view(request, *args, **kwargs)
            now = time.time()
            window = int(now // per_seconds)
            key = f"ratelimit:{scope}:{client_address(request)}:{window}"
            if _count(key, per_seconds=per_seconds) > limit:
                retry_after = max(1, int((window + 1) * per_seconds - now))
                response = render(
                    request,
                    "errors/429.html",
                    {"retry_after_minutes": -(-retry_after // 60)},
                    status=429,
                )
                response["Retry-After"] = str(retry_after)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
