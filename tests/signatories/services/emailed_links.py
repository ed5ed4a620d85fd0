"""The links the sign-up services email: where each one points, and the
sign-up link record it opens."""

import re

from signatories import services
from signatories.models import LinkPurpose, SignUpLink

# An emailed link: its path, and the token at its end.
LINK = re.compile(r"http://testserver(/sign/[^/\s]+/([^/\s]+)/)")


def link_in(message, purpose: LinkPurpose) -> tuple[str, SignUpLink | None]:
    """The path of the link in an email, and the link it opens (None if it does not work)."""
    found = LINK.search(message.body)
    assert found, f"No link in: {message.body}"
    path, token = found.groups()
    return path, services.find_link(token=token, purpose=purpose)
