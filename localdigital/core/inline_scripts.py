"""The Content Security Policy's allowance for GOV.UK Frontend's one inline script.

GOV.UK Frontend's page template (govuk_frontend_jinja's template.html, which
templates/base.html extends) starts the body with a one-line script that
marks the page as running JavaScript, before the stylesheet would otherwise
show the page without it. A per-request nonce would make every page unique,
so no page could be cached whole; instead the policy names the script by its
SHA-256 hash, read here from the template itself when the settings load. The
template is the one place the script lives, so the hash follows it through
every upgrade of the package; tests/localdigital/test_inline_script_hash.py
checks every inline script a page sends against the policy.
"""

import base64
import hashlib
import re
from importlib import resources

from django.core.exceptions import ImproperlyConfigured

TEMPLATE = ("govuk_frontend_jinja", "templates/template.html")
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


def csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def govuk_template_script_hashes() -> list[str]:
    """The policy's source for each inline script in GOV.UK Frontend's page template."""
    package, path = TEMPLATE
    source = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    scripts = [match.group(1) for match in INLINE_SCRIPT.finditer(source) if match.group(1)]
    for script in scripts:
        if "{{" in script or "{%" in script:
            # Its text would differ from page to page: no one hash could allow it.
            raise ImproperlyConfigured(f"{package}'s inline script is not fixed text: {script!r}")
    return [csp_hash(script) for script in scripts]
