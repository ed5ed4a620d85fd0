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


def test_declaration_page_is_not_found_before_any_declaration_exists(client):
    Declaration.objects.all().delete()

    assert client.get("/declaration/").status_code == 404
