import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from django.templatetags.static import static
from sectxt import Parser

from localdigital.pages.views import security_txt_expires
from tests import processes
from tests.localdigital.pages.sitemap_reading import whole_sitemap

pytestmark = pytest.mark.django_db


def test_robots_txt_names_no_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "admin" not in body
    assert "Disallow: /fund/apply/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_admin_pages_tell_search_engines_not_to_index_them(client, admin_client):
    assert client.get("/admin/login/")["X-Robots-Tag"] == "noindex, nofollow"
    # the redirect to sign in, and a page that is not there, say so too
    assert client.get("/admin/")["X-Robots-Tag"] == "noindex, nofollow"
    assert admin_client.get("/admin/no-such-page/")["X-Robots-Tag"] == "noindex, nofollow"
    assert "X-Robots-Tag" not in client.get("/declaration/")


def test_a_secret_admin_address_is_kept_out_of_robots_txt_and_not_indexed():
    """ADMIN_URL is read when the URLs are loaded: a process of its own, set as a real site is."""
    script = (
        "from django.test import Client; c = Client();"
        "print(c.get('/robots.txt').content.decode());"
        "print('ADMIN', c.get('/staff-door-4821/login/').headers.get('X-Robots-Tag'))"
    )
    env = {
        **os.environ,
        "ADMIN_URL": "staff-door-4821/",
        "DATABASE_URL": processes.test_database_url(),
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=processes.PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "staff-door" not in result.stdout.split("ADMIN")[0]
    assert "ADMIN noindex, nofollow" in result.stdout


def test_sitemap_lists_the_public_pages_and_every_principle(client):
    body = whole_sitemap(client)

    assert "<loc>http://testserver/declaration/</loc>" in body
    assert "<loc>http://testserver/declaration/fix-the-plumbing/</loc>" in body
    assert "<loc>http://testserver/accessibility/</loc>" in body
    assert "<loc>http://testserver/sign/</loc>" in body
    assert "<loc>http://testserver/news/</loc>" in body
    assert "<loc>http://testserver/declaration/co-publishers/</loc>" in body
    # the pages that exist once (the fund's four, the programme's four, the
    # updates list, the case studies list, the performance and search pages and the
    # sign-up's start among them) and the five principles
    assert body.count("<url>") == 25 + 5


def test_sitemap_and_feed_link_to_site_url_whatever_host_was_asked(client, settings):
    settings.SITE_URL = "https://localdigital.example.gov.uk"
    settings.ALLOWED_HOSTS = ["testserver", "10.0.0.5"]

    index = client.get("/sitemap.xml", HTTP_HOST="10.0.0.5").content.decode()
    sitemap = client.get("/sitemap-principles.xml", HTTP_HOST="10.0.0.5").content.decode()
    feed = client.get("/signatories.atom", HTTP_HOST="10.0.0.5").content.decode()

    assert "<loc>https://localdigital.example.gov.uk/sitemap-pages.xml</loc>" in index
    assert "<loc>https://localdigital.example.gov.uk/declaration/fix-the-plumbing/</loc>" in sitemap
    assert "10.0.0.5" not in index + sitemap
    assert 'href="https://localdigital.example.gov.uk/signatories/"' in feed
    assert 'href="https://localdigital.example.gov.uk/signatories.atom"' in feed
    assert "10.0.0.5" not in feed


def test_security_txt_is_valid_by_rfc_9116_and_the_same_on_every_request(client, settings):
    settings.SITE_URL = "https://localdigital.example.gov.uk"  # RFC 9116 wants https
    first = client.get("/.well-known/security.txt")
    second = client.get("/.well-known/security.txt")

    checked = Parser(
        first.content, urls="https://localdigital.example.gov.uk/.well-known/security.txt"
    )
    assert first.status_code == 200
    assert first["Content-Type"] == "text/plain; charset=utf-8"
    assert first.content == second.content
    assert checked.is_valid(), checked.errors
    # its one complaint is that the file is not signed with PGP
    assert [r["code"] for r in checked.recommendations] == ["not_signed"]


@pytest.mark.parametrize(
    ("now", "expires"),
    [
        (datetime(2026, 12, 1, 0, 0, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC)),
        (datetime(2026, 12, 31, 23, 59, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC)),
        (datetime(2027, 7, 15, 9, 30, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)),
    ],
)
def test_security_txt_expires_rolls_on_monthly_and_stays_under_a_year_ahead(now, expires):
    assert security_txt_expires(now) == expires
    assert timedelta(days=150) < expires - now < timedelta(days=185)


@pytest.mark.parametrize(
    "name",
    [
        "application.css",
        "js/application.js",
        "govuk/govuk-frontend.min.js",
        "icons/favicon.ico",
        "manifest.webmanifest",
    ],
)
def test_static_files_are_served_with_hashed_names_and_long_caching(client, name):
    url = static(name)
    response = client.get(url)

    assert url != f"/static/{name}", "the name should carry a hash of the content"
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
