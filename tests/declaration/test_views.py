import pytest

from declaration.models import Declaration, Principle

pytestmark = pytest.mark.django_db


def test_declaration_page_shows_the_whole_declaration(client):
    response = client.get("/declaration/")

    html = response.content.decode()
    assert "Our aims" in html and "Our principles" in html and "Our commitment" in html
    for principle in Principle.objects.all():
        assert principle.title.replace("'", "&#39;") in html
        assert principle.commitments_html in html
    assert "cyber" in html


def test_principle_page_links_to_the_principles_either_side(client):
    response = client.get("/declaration/use-and-share-information-safely/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Principle 3" in html
    assert 'href="/declaration/fix-the-plumbing/"' in html
    assert 'href="/declaration/demonstrate-digital-leadership/"' in html


def test_edited_content_shows_on_the_site(client):
    principle = Principle.objects.get(number=4)
    principle.title = "Lead the change"
    principle.commitments = "- lead by example"
    principle.save()

    html = client.get("/declaration/demonstrate-digital-leadership/").content.decode()
    assert "Lead the change" in html
    assert "<li>lead by example</li>" in html


def test_home_page_routes_to_reading_signing_and_bidding(client):
    html = client.get("/").content.decode()

    assert "Read the declaration" in html
    assert "Sign the declaration" in html
    assert "Bid for funding" in html
    assert Principle.objects.get(number=2).get_absolute_url() in html


def test_declaration_page_is_not_found_before_any_declaration_exists(client):
    Declaration.objects.all().delete()

    assert client.get("/declaration/").status_code == 404
