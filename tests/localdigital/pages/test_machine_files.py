import pytest
from django.templatetags.static import static

pytestmark = pytest.mark.django_db


def test_robots_txt_keeps_crawlers_out_of_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_the_public_pages_and_every_principle(client):
    response = client.get("/sitemap.xml")

    body = response.content.decode()
    assert response.status_code == 200
    assert "<loc>http://testserver/declaration/</loc>" in body
    assert "<loc>http://testserver/declaration/fix-the-plumbing/</loc>" in body
    assert "<loc>http://testserver/accessibility/</loc>" in body
    # the pages that exist once (the fund's four among them) and the five principles
    assert body.count("<url>") == 14 + 5


def test_security_txt_names_a_contact_and_an_expiry(client):
    response = client.get("/.well-known/security.txt")

    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith("Contact: https://")
    assert "\nExpires: " in body


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
