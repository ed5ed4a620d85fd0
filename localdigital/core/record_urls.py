"""Addresses of records' public pages, built without a full reverse() each time.

A list of bids links to some sixty councils and bids; Django's reverse()
walks the URL patterns for each, which was a tenth of the page's render. A
record's address is its pattern's fixed text around one key, so the text is
found once per pattern (by reversing it with a stand-in key) and the key is
put in its place. Keys are slugs and references, which need no quoting, and
anything else goes through reverse() as before.
"""

import functools
import re

from django.urls import get_script_prefix, reverse

STAND_IN = "stand-in-key"
# What a slug or a reference may hold: the characters reverse() leaves as they are.
PLAIN_KEY = re.compile(r"^[-A-Za-z0-9_]+$")


@functools.lru_cache(maxsize=64)
def _around_key(name: str, argument: str, script_prefix: str) -> tuple[str, str]:
    # The script prefix is part of the address reverse() gives, so it is part of the key.
    address = reverse(name, kwargs={argument: STAND_IN})
    before, _, after = address.partition(STAND_IN)
    return before, after


def record_url(name: str, argument: str, key: str) -> str:
    """reverse(name, kwargs={argument: key}), for a plain key, from the pattern's text."""
    if not PLAIN_KEY.match(key):
        return reverse(name, kwargs={argument: key})
    before, after = _around_key(name, argument, get_script_prefix())
    return f"{before}{key}{after}"
