import codecs
import logging
import time

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.signals import request_finished
from django.utils.http import parse_header_parameters

from localdigital.core.logging import (
    current_request_id,
    forget_request_id,
    request_id_for,
    without_tokens,
)

request_log = logging.getLogger("localdigital.requests")


class RequestLogMiddleware:
    """Gives each request an id, and logs one line when it is answered.

    First in MIDDLEWARE, so that the line times all the others and every line
    they write carries the id. The id goes back in the X-Request-ID header, for
    a visitor reporting a problem to quote. It is taken from the request's own
    header when settings say a proxy of ours sets it (a visitor's could say
    anything), and only if it is well-formed.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Django logs a refused request (a 404, say) after the last middleware
        # has returned: the id is forgotten only once the response is closed.
        request_finished.connect(forget_request_id, dispatch_uid="forget_request_id")

    def __call__(self, request):
        trusted = request.headers.get("X-Request-ID") if settings.TRUST_REQUEST_ID_HEADER else None
        request_id = request_id_for(trusted)
        current_request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        # request.path has no query string; the links' tokens are hidden too.
        path = without_tokens(request.path)
        request_log.info(
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        response.headers["X-Request-ID"] = request_id
        return response


class PermissionsPolicyMiddleware:
    """Tells browsers that no page of ours may use the camera, location and so on.

    Django's SecurityMiddleware sets the other security headers; this one it
    does not know about.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminRefusesNulMiddleware:
    """Answers 400 to an admin address whose query string holds a NUL byte.

    The admin's lists filter on whatever their query string says, and
    PostgreSQL refuses a NUL byte in any text it is sent, which would be a
    server error. No real filter or search has one; the public pages, which
    are ours, drop them where they read their query strings.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix) and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise SuspiciousOperation("A NUL byte in an admin query string.")
        return self.get_response(request)


# The character sets a form post may name. Browsers send none (the body is in
# the page's own UTF-8); tools and old clients name one of these. An
# allow-list, not codecs' own "is this a text encoding" flag (a private
# attribute): Python also counts as text codecs that no form is sent in and
# some that fail on any input ("undefined", "idna", "unicode_escape"...).
FORM_CHARSETS = frozenset({"utf-8", "ascii", "iso8859-1", "iso8859-15", "cp1252"})


class UnreadableCharset(SuspiciousOperation):
    """A request body in a character set we do not read."""


def readable_charset(name: str) -> bool:
    try:
        return codecs.lookup(name).name in FORM_CHARSETS
    except LookupError:
        return False


class RefuseUnreadableCharsetMiddleware:
    """Answers 400 to a request whose Content-Type names a charset we do not read.

    Django decodes a form's fields in the charset its Content-Type names. One
    that is not a text encoding at all ("rot13", "base64", "zlib") raised
    LookupError as soon as the CSRF middleware read the body, a server error.
    Placed before CsrfViewMiddleware, so it refuses before anything reads the
    body; Django answers SuspiciousOperation with the GOV.UK 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
        charset = params.get("charset")
        if charset is not None and not readable_charset(charset):
            raise UnreadableCharset("A request body in a character set we do not read.")
        return self.get_response(request)


class AdminNoIndexMiddleware:
    """Tells search engines not to index or follow anything under the admin.

    robots.txt cannot say so without publishing the admin's address, so each
    admin response says it for itself, whatever its status (the sign-in page,
    its redirects, its errors).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.ADMIN_URL}"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
