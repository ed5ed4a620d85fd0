"""The Jinja2 environment for public pages.

One environment is built when the process starts and reused for every request,
so the GOV.UK Frontend macros are compiled once.
"""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader


def url(name: str, *args, **kwargs) -> str:
    """Reverse a URL by name, as Django's {% url %} tag does."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options) -> Environment:
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    options.setdefault("extensions", []).append("jinja2.ext.do")
    # Django's backend passes autoescape=True in options.
    env = Environment(**options)  # noqa: S701
    env.globals.update(static=static, url=url)
    return env
