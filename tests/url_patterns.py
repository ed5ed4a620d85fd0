"""Every address the site answers, for the tests that walk them all: each URL
pattern with its full name, and a concrete path to ask for in its place."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

# Sample values for URL parameters, by converter or group name.
SAMPLE_VALUES = {
    "int": "1",
    "slug": "sample",
    "str": "sample",
    "path": "sample/path",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def all_url_patterns(resolver=None, prefix="", namespace=None):
    """Yield (route, full name, pattern) for every URL pattern, following includes."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            child_namespace = ":".join(filter(None, [namespace, entry.namespace]))
            yield from all_url_patterns(entry, route, child_namespace or None)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else None
            yield route, name, entry


def sample_path(route: str) -> str:
    """Turn a route (with <converters> or regex groups) into a concrete path."""
    path = re.sub(
        r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES.get(m.group(1) or "str", "sample"), route
    )
    # Regex routes (admin's app list, its catch-all): take the first alternative.
    path = re.sub(r"\(\?P<\w+>([^|)]*)[^)]*\)", r"\1", path)
    path = re.sub(r"\(\?P<\w+>\.\*\)", "sample", path)
    path = path.replace("^", "").replace("$", "").replace("\\", "")
    return "/" + path
