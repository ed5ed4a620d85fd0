"""The site's brand: a government service that is not on GOV.UK.

GOV.UK's logotype, crown, Royal Arms and GDS Transport font are reserved for
GOV.UK, so the site wears the Generic header with its own name, names MHCLG as
its owner, and uses a system font stack and icons of its own.
"""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from tests.pages import NOT_FOUND_PAGE, PUBLIC_PAGES

pytestmark = pytest.mark.django_db

# Markup that only GOV.UK's own header and footer draw.
GOVUK_ONLY_MARKUP = [
    "govuk-header",  # the GOV.UK header
    "govuk-logo",  # its logotype and crown (govuk-logo__dot, govuk-logotype)
    "govuk-footer__crown",
    "govuk-footer__copyright-logo",  # the Royal Arms, drawn by the stylesheet
    'aria-label="GOV.UK"',
    "govuk/assets/",  # GOV.UK's favicons, mask icon and manifest
]


@pytest.mark.parametrize("path", [path for path, _ in PUBLIC_PAGES] + [NOT_FOUND_PAGE[0]])
def test_every_page_wears_the_generic_header_and_names_mhclg(client, path):
    html = client.get(path).content.decode()

    assert 'class="govuk-generic-header"' in html
    assert re.search(
        r'class="govuk-generic-header__homepage-link">\s*<svg.*?</svg> Local Digital\s*</a>',
        html,
        re.S,
    ), "the header names the service beside its mark"
    assert "Ministry of Housing, Communities and Local Government" in html
    for markup in GOVUK_ONLY_MARKUP:
        assert markup not in html, markup


def test_pages_point_to_the_sites_own_icons_and_manifest(client):
    html = client.get("/").content.decode()

    assert f'href="{static("icons/favicon.ico")}"' in html
    assert f'href="{static("icons/local-digital.svg")}"' in html
    assert f'href="{static("icons/apple-touch-icon.png")}"' in html
    assert f'<link rel="manifest" href="{static("manifest.webmanifest")}">' in html
    assert '<meta name="theme-color" content="#00625e">' in html


def test_the_manifest_names_the_site_and_its_icons_exist(client):
    response = client.get(static("manifest.webmanifest"))

    manifest = json.loads(b"".join(response.streaming_content))
    assert response["Content-Type"] == "application/manifest+json"
    assert manifest["name"] == "Local Digital"
    assert manifest["theme_color"] == "#00625e"
    for icon in manifest["icons"]:
        assert finders.find(icon["src"]), icon["src"]


def test_the_stylesheet_uses_system_fonts_and_downloads_nothing(client):
    response = client.get(static("application.css"))

    css = b"".join(response.streaming_content).decode()
    assert "@font-face" not in css
    assert "GDS Transport" not in css
    assert "font-family:system-ui," in css
    assert "url(" not in css, "no font, crest or other image is fetched by the stylesheet"


@pytest.mark.parametrize("name", ["govuk/assets/fonts", "govuk/assets/images/govuk-crest.svg"])
def test_govuks_own_assets_are_not_published(name):
    assert finders.find(name) is None
