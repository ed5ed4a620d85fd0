"""The Jinja2 environment for public pages.

One environment is built when the process starts and reused for every request,
so the GOV.UK Frontend macros are compiled once.
"""

import datetime
import functools

from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import dateformat, timezone
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader
from markupsafe import Markup

from localdigital.core.titles import fitting_title


@functools.lru_cache(maxsize=256)
def _fixed_url(name: str, script_prefix: str) -> str:
    # A page names some twenty fixed addresses (navigation, breadcrumbs, links
    # to lists): each is reversed once per process, not once per render.
    return reverse(name)


def url(name: str, *args, **kwargs) -> str:
    """Reverse a URL by name, as Django's {% url %} tag does."""
    if not args and not kwargs:
        return _fixed_url(name, get_script_prefix())
    return reverse(name, args=args or None, kwargs=kwargs or None)


def govuk_date(moment: datetime.datetime | datetime.date | None) -> str:
    """A date as GOV.UK writes it, like 4 March 2025, on the UK's calendar."""
    if not moment:
        return ""
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment)
    return dateformat.format(moment, "j F Y")


def govuk_time(moment: datetime.datetime) -> str:
    """A time of day as GOV.UK writes it, in UK time: 9am, 5:30pm, midday, midnight."""
    local = timezone.localtime(moment)
    if local.minute == 0 and local.hour in (0, 12):
        return "midnight" if local.hour == 0 else "midday"
    hour = local.hour % 12 or 12
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{hour}{minutes}{'am' if local.hour < 12 else 'pm'}"


def govuk_date_time(moment: datetime.datetime) -> str:
    """Like 13 October 2022 at 9am, in UK time."""
    return f"{govuk_date(moment)} at {govuk_time(moment)}"


def drop_leading_line_breaks(value):
    """A macro's HTML without the line breaks it starts with.

    GOV.UK Frontend's macros begin their output with a line break (the blank
    lines between their opening tags); called on an indented line, that left
    the indentation behind as a line of spaces. Only markup is touched: text is
    escaped and written as it is.
    """
    if isinstance(value, Markup):
        return value.lstrip("\n")
    return value


def environment(**options) -> Environment:
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options.setdefault("extensions", []).append("jinja2.ext.do")
    # A block tag ({% if %}, {% for %}, {% set %}...) on a line of its own
    # leaves nothing behind: without these, every page carried hundreds of
    # blank and space-only lines. The pages' text reads the same with them
    # (compared page by page when they were turned on); only layout whitespace goes.
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    options.setdefault("finalize", drop_leading_line_breaks)
    # Django's backend passes autoescape=True; said here too, so it is plain.
    options.pop("autoescape", None)
    env = Environment(autoescape=True, **options)
    env.filters["fitting_title"] = fitting_title
    env.globals.update(
        static=static,
        url=url,
        govuk_date=govuk_date,
        govuk_time=govuk_time,
        govuk_date_time=govuk_date_time,
    )
    return env
