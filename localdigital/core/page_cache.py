"""Whole public pages, kept in the shared cache for visitors who are not signed in.

A view is public when it is wrapped in `public_page` (in its app's urls.py or
on the view): its page is the same for every visitor who is not signed in,
and carries no secret. For those pages, and only for GET and HEAD from a
visitor with no session or pending messages, PageCacheMiddleware:

- keeps the response in the cache (CACHE_URL: Redis in production, shared by
  every server) under its address, with the host and scheme it was asked
  for, beside the generation of the site's content version
  (localdigital/core/content_version.py) it was drawn in, which every public
  change advances once its transaction commits: the next request after a
  change draws the page anew, and a page served from the cache costs one trip
  to the cache (the page and the generation together) and none to the
  database;
- answers `If-None-Match` with 304, from a weak ETag made from the body;
- sends `Cache-Control: public` so that browsers and a CDN may keep it for
  PAGE_CACHE_SECONDS (a minute: what a copy outside our servers may lag a
  change by, and what a round opening or closing at its time may lag by);
- compresses it with brotli or gzip when the browser accepts either, once per
  version, kept beside the plain body;
- keeps it, and lets others keep it, no later than the time its view gave with
  `keep_until` (the next scheduled news post's publication): content that
  appears at its time, with no save to raise the content version, is not
  shown late.
- draws a page once when many requests miss it at once (after a change, or
  when a popular page expires): the first takes a short lock in the cache
  and draws it, the others wait briefly for its copy (`drawn_elsewhere`).

Every other response (signed-in visitors, journeys, admin) is sent
`Cache-Control: private, no-store` unless its view says otherwise, and is
never compressed: a page that carries a secret, such as a CSRF token or an
officer's bid, must not be compressed beside text a visitor can choose
(BREACH). A response that sets a cookie (a CSRF token does) is never kept
or compressed.
"""

import datetime
import functools
import gzip
import hashlib
import math
import time
import zlib
from collections.abc import Iterator

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers

from localdigital.core import content_version

# The cache entry's own fields; the other headers of the view's response are kept as they are.
RECOMPUTED_HEADERS = {"content-length", "content-encoding", "etag", "cache-control", "vary"}
COMPRESSIBLE_TYPES = (
    "text/html",
    "text/csv",
    "text/plain",
    "application/json",
    "application/atom+xml",
    "application/xml",
)
# Smaller bodies gain nothing from compression.
MIN_COMPRESSED_BYTES = 512
# Each page is compressed once per content version, so quality can be high;
# 11 (the most) takes a tenth of a second for a big list page, 9 a few ms.
BROTLI_QUALITY = 9
PRIVATE = "private, no-store"
# The stampede guard (drawn_elsewhere): how long a request that missed waits
# for the copy another request is drawing, and how often it looks. A drawing
# lock outlives a request that died holding it by at most DRAWING_LOCK_SECONDS.
WAIT_SECONDS = 1.0
POLL_SECONDS = 0.02
DRAWING_LOCK_SECONDS = 5


def public_page(view):
    """Mark a view's page as the same for every visitor who is not signed in."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapper.public_page = True
    return wrapper


def keep_until(response: HttpResponse, moment: datetime.datetime | None) -> HttpResponse:
    """Say that the page changes by itself at `moment` (None: not by itself).

    The page cache keeps it no later than that, and tells browsers the same.
    """
    if moment is not None:
        response.keep_until = moment
    return response


def seconds_to_keep(moment: datetime.datetime | None) -> int:
    """PAGE_CACHE_SECONDS, or fewer when the page changes by itself sooner."""
    seconds = settings.PAGE_CACHE_SECONDS
    if moment is None:
        return seconds
    left = math.ceil((moment - timezone.now()).total_seconds())
    return max(0, min(seconds, left))


def is_public(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)


def is_anonymous(request: HttpRequest) -> bool:
    """No session (staff, officers, sign-up journeys) and no messages waiting to be shown."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def accepted_encoding(request: HttpRequest) -> str:
    """br, gzip or identity: the best the browser accepts."""
    accepted = set()
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if params.strip().replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(name.strip().lower())
    for encoding in ("br", "gzip"):
        if encoding in accepted:
            return encoding
    return "identity"


def compress(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY)
    # mtime=0: the same body gives the same bytes, whenever it is compressed.
    return gzip.compress(body, compresslevel=6, mtime=0)


def is_compressible(content_type: str, size: int) -> bool:
    return size >= MIN_COMPRESSED_BYTES and content_type.split(";")[0].strip() in COMPRESSIBLE_TYPES


def public_cache_control(seconds: int | None = None) -> str:
    seconds = settings.PAGE_CACHE_SECONDS if seconds is None else seconds
    return f"public, max-age={seconds}, s-maxage={seconds}"


class CachedPage:
    """A public response as kept in the cache: status, headers, ETag and bodies by encoding."""

    def __init__(self, response: HttpResponse, generation: int | None):
        # The content version's generation it was drawn in: served only while it is current.
        self.generation = generation
        # When it changes by itself (see keep_until): never served after that.
        self.keep_until = getattr(response, "keep_until", None)
        self.status = response.status_code
        self.headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in RECOMPUTED_HEADERS
        ]
        self.content_type = response.headers.get("Content-Type", "")
        body = response.content
        self.etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
        self.bodies = {"identity": body}

    def body_for(self, encoding: str) -> tuple[str, bytes, bool]:
        """(encoding used, body, whether a new body was made and the entry should be kept again)."""
        plain = self.bodies["identity"]
        if encoding == "identity" or not is_compressible(self.content_type, len(plain)):
            return "identity", plain, False
        if encoding in self.bodies:
            return encoding, self.bodies[encoding], False
        self.bodies[encoding] = compress(plain, encoding)
        return encoding, self.bodies[encoding], True

    def response(self, request: HttpRequest) -> HttpResponse:
        encoding, body, _ = self.body_for(accepted_encoding(request))
        response = HttpResponse(body, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        if encoding != "identity":
            response.headers["Content-Encoding"] = encoding
        response.headers["Content-Length"] = str(len(body))
        response.headers["ETag"] = self.etag
        return response


def _compressed_stream(chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    # Quality 5 for brotli: fast enough to keep up with the rows as they are read.
    if encoding == "br":
        compressor = brotli.Compressor(quality=5)
        for chunk in chunks:
            yield compressor.process(chunk)
        yield compressor.finish()
    else:
        compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip framing
        for chunk in chunks:
            yield compressor.compress(chunk)
        yield compressor.flush()


def drawing_key(key: str) -> str:
    return f"{key}:drawing"


def drawn_elsewhere(key: str) -> "CachedPage | None":
    """After a miss: None if this request is to draw the page (it now holds the
    page's drawing lock), or the copy that the request holding it has kept.

    So that the many requests that miss at once after a change (or when a
    popular page expires) draw it once, not each for itself: the others wait
    for the stored copy, a little at a time, and draw the page themselves if
    the one drawing it finishes without keeping it (a streamed file, an
    error) or takes longer than WAIT_SECONDS.
    """
    if cache.add(drawing_key(key), True, timeout=DRAWING_LOCK_SECONDS):
        return None
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        found = cache.get_many([content_version.GENERATION_KEY, key, drawing_key(key)])
        page = found.get(key)
        if page is not None and page.generation == found.get(content_version.GENERATION_KEY):
            return page
        if drawing_key(key) not in found:
            return None  # drawn and not kept: this request draws its own
    return None


class PageCacheMiddleware:
    """Serves and keeps public pages (see the module's docstring).

    It stands before the session, CSRF and authentication middleware, so that
    a page served from the cache costs none of their work; it knows a visitor
    is not signed in from their cookies alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_public(request):
            response = self.get_response(request)
            response.headers.setdefault("Cache-Control", PRIVATE)
            return response
        if request.method not in ("GET", "HEAD") or not is_anonymous(request):
            response = self.get_response(request)
            # The page may show this visitor's own messages or name.
            response.headers["Cache-Control"] = PRIVATE
            return response
        return self.public_response(request)

    def public_response(self, request: HttpRequest) -> HttpResponse:
        keeping = settings.PAGE_CACHE_SECONDS > 0
        key = self.key(request)
        generation, page = None, None
        if keeping:
            generation, page = self.kept(key)
            if page is None:
                page = drawn_elsewhere(key)
        if page is None:
            try:
                response = self.get_response(request)
                if response.status_code != 200 or response.cookies:
                    # An error, a redirect or a page that sets a cookie: not kept,
                    # not compressed, not to be kept by anyone else either.
                    response.headers["Cache-Control"] = PRIVATE
                    return response
                if response.streaming:
                    return self.streamed(request, response)
                page = CachedPage(response, generation)
                page.body_for(accepted_encoding(request))
                if keeping and seconds_to_keep(page.keep_until):
                    cache.set(key, page, seconds_to_keep(page.keep_until))
            finally:
                if keeping:
                    cache.delete(drawing_key(key))
        else:
            _, _, made = page.body_for(accepted_encoding(request))
            if made and seconds_to_keep(page.keep_until):
                cache.set(key, page, seconds_to_keep(page.keep_until))
        response = page.response(request)
        self.add_public_headers(response, seconds_to_keep(page.keep_until))
        return get_conditional_response(request, etag=page.etag, response=response)

    @staticmethod
    def kept(key: str) -> tuple[int, "CachedPage | None"]:
        """The generation, and the page kept under `key` if it was drawn in it."""
        generation, page = content_version.generation_with(key)
        if page is not None and (
            getattr(page, "generation", None) != generation
            or seconds_to_keep(getattr(page, "keep_until", None)) == 0
        ):
            page = None  # drawn before a change, or a scheduled one is due
        return generation, page

    def streamed(self, request: HttpRequest, response: StreamingHttpResponse):
        """A file too big to hold (open data at scale): compressed as it goes, never kept."""
        encoding = accepted_encoding(request)
        content_type = response.headers.get("Content-Type", "")
        if encoding != "identity" and is_compressible(content_type, MIN_COMPRESSED_BYTES):
            response.streaming_content = _compressed_stream(response.streaming_content, encoding)
            response.headers.pop("Content-Length", None)
            response.headers["Content-Encoding"] = encoding
        # Its body is not known until it is sent: the content version stands for it.
        etag = f'W/"v{content_version.current()}"'
        response.headers["ETag"] = etag
        self.add_public_headers(response)
        return get_conditional_response(request, etag=etag, response=response)

    @staticmethod
    def add_public_headers(response: HttpResponse, seconds: int | None = None) -> None:
        response.headers["Cache-Control"] = public_cache_control(seconds)
        # A signed-in visitor's copy differs (messages, their name): kept apart by Cookie.
        patch_vary_headers(response, ["Accept-Encoding", "Cookie"])

    @staticmethod
    def key(request: HttpRequest) -> str:
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page:{digest}"
