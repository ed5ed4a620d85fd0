"""What our log lines carry and what they leave out.

Each request has an id (localdigital.core.middleware.RequestLogMiddleware
sets it); every line written while it is served carries that id, so one
request's lines can be found among many servers' and workers'. Lines are JSON
for the log collector, or plain text for someone reading a terminal
(settings.LOG_FORMAT).

Paths are logged without their query strings and without the tokens of the
single-use links we email: a log is read by more people, and kept longer,
than the link is meant to be known, and a token in a path still works until
it is used or expires.
"""

import logging
import re
import uuid
from contextvars import ContextVar
from typing import Any

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)

# What a well-formed id from a load balancer or tracing proxy looks like (a
# UUID, a hex digest...): short, and nothing that could forge a log line.
_WELL_FORMED_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")

# The pages opened by the links we email, whose last segment is the link's
# token (signatories.sign.urls, funding.apply.urls). The officers' "check
# your email" page shares the sign-in prefix and carries no token.
_TOKEN_IN_PATH = re.compile(
    r"(/sign/(?:confirm|edit|approve)/|/fund/apply/sign-in/(?!check-your-email/))[^/\s?#]+"
)


def request_id_for(header: str | None) -> str:
    """The id a load balancer gave the request, if it is well-formed; else a new one."""
    if header and _WELL_FORMED_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def without_tokens(text: str) -> str:
    """The text with the token in every emailed link's path replaced by "…"."""
    return _TOKEN_IN_PATH.sub(r"\g<1>…", text)


def forget_request_id(**kwargs: Any) -> None:
    current_request_id.set(None)


class RequestContextFilter(logging.Filter):
    """Adds the id of the request being served to each line, and hides tokens.

    Django's request loggers (django.request, django.security) write the path
    into their message and attach the request: their message has its tokens
    replaced, and the formatters leave the request object out.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = current_request_id.get()
        if request_id is not None:
            record.request_id = request_id
        if hasattr(record, "request"):
            record.msg = without_tokens(record.getMessage())
            record.args = ()
        return True


class RefusalsOnOneLine(logging.Filter):
    """Django's refusals of bad requests as one warning line each, without a traceback.

    Django logs a SuspiciousOperation (DisallowedHost, RequestDataTooBig,
    DisallowedModelAdminToField...) at ERROR on its django.security.<name>
    logger, and a MultiPartParserError, BadRequest or PermissionDenied on
    django.request, each with the exception's traceback. They are answered
    with a 4xx page: the visitor sent something wrong, our code did not fail,
    so a traceback is noise, and an error line would page someone. What was
    refused and where is in the message. Server errors (5xx) keep theirs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        security = record.name == "django.security" or record.name.startswith("django.security.")
        refused = record.name == "django.request" and 400 <= getattr(record, "status_code", 0) < 500
        if security or refused:
            record.levelno = logging.WARNING
            record.levelname = logging.getLevelName(logging.WARNING)
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


class JsonLineFormatter(JsonFormatter):
    """One JSON object a line: time, level, logger, message and any extra fields."""

    def __init__(self) -> None:
        super().__init__(
            ["levelname", "name", "message"],
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",
            # The request's own repr would show its path whole.
            reserved_attrs=[*RESERVED_ATTRS, "request"],
        )


def sentry_event_without_tokens(event: dict, hint: dict) -> dict:
    """Sentry's copy of a request, with the path's token hidden and no query string."""
    request = event.get("request")
    if request:
        if "url" in request:
            request["url"] = without_tokens(request["url"])
        request.pop("query_string", None)
    return event


def logging_config(*, level: str, log_format: str) -> dict:
    """Django's LOGGING: every line to standard output in `log_format` ("json"
    or "text"), through the filters above, at `level` and above."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_context": {"()": "localdigital.core.logging.RequestContextFilter"},
            "refusals_on_one_line": {"()": "localdigital.core.logging.RefusalsOnOneLine"},
        },
        "formatters": {
            "json": {"()": "localdigital.core.logging.JsonLineFormatter"},
            "text": {
                "()": "logging.Formatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
                "defaults": {"request_id": "-"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["refusals_on_one_line", "request_context"],
                "formatter": log_format,
                "level": level,
            },
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own console handler would print its lines a second time, in
        # neither format: they go to the root's instead.
        # Refusals of bad requests (django.security.*, and django.request's 4xx)
        # are written as one warning line each (RefusalsOnOneLine).
        "loggers": {
            "django": {"handlers": [], "level": "INFO"},
            "django.security": {"handlers": [], "level": "WARNING"},
        },
    }
