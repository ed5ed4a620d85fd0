"""The Content Security Policy allows each inline script a page sends by its hash, and no other.

The hash is read from GOV.UK Frontend's page template when the settings load
(localdigital/core/inline_scripts.py); these tests check it against the pages
as sent, so an upgrade that changed the script, or a template of ours that
added one, could not go unnoticed. The browser tests check that Chromium runs it.
"""

import re

import pytest

from localdigital.core.inline_scripts import csp_hash, govuk_template_script_hashes
from tests.factories import signed_council

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


def script_sources(policy: str) -> list[str]:
    directive = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    return directive.split()[1:]


@pytest.mark.parametrize(
    "path", ["/", "/declaration/", "/signatories/", "/fund/", "/sign/", "/fund/apply/sign-in/"]
)
def test_every_inline_script_on_a_page_is_allowed_by_its_hash(client, path):
    signed_council()

    response = client.get(path)

    scripts = INLINE_SCRIPT.findall(response.content.decode())
    assert scripts, "GOV.UK Frontend's page template starts the body with one"
    sources = script_sources(response.headers["Content-Security-Policy"])
    for script in scripts:
        assert csp_hash(script) in sources
    assert "<script nonce=" not in response.content.decode()


def test_the_policy_allows_only_the_template_scripts_and_our_own_files(client):
    response = client.get("/")

    sources = script_sources(response.headers["Content-Security-Policy"])
    assert sources == ["'self'", *govuk_template_script_hashes()]
    assert len(govuk_template_script_hashes()) == 1


def test_two_pages_send_the_same_policy_so_either_can_be_cached_whole(client):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/").headers["Content-Security-Policy"]

    assert first == second


def test_the_hash_is_the_scripts_own():
    # The hash of the exact text, as the CSP specification defines it.
    assert csp_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
