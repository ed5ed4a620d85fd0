"""Principle pages (and the home page's route to them): each lists the
commitments and funded projects tagged with its principle."""

import pytest

from declaration.models import Principle
from tests.factories import decided_bid

pytestmark = pytest.mark.django_db


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


def test_principle_page_lists_the_funded_projects_that_serve_it(client):
    plumbing = Principle.objects.get(slug="fix-the-plumbing")
    funded = decided_bid(title="Shared waste collection booking", principles=[plumbing])
    decided_bid(
        round=funded.round,
        title="Bid that was not funded",
        principles=[plumbing],
        state="not_funded",
    )
    decided_bid(round=funded.round, title="Project under another principle")
    unpublished = decided_bid(title="Funded in a round not yet published", principles=[plumbing])
    funded.round.results_published = True
    funded.round.save()

    html = client.get(plumbing.get_absolute_url()).content.decode()

    assert "Shared waste collection booking" in html
    assert funded.get_absolute_url() in html
    assert "1 project funded by the Local Digital Fund serves this principle" in " ".join(
        html.split()
    )
    for hidden in ("Bid that was not funded", "Project under another principle", unpublished.title):
        assert hidden not in html


def test_principle_page_runs_the_same_queries_however_many_projects_are_funded(
    client, django_assert_num_queries
):
    plumbing = Principle.objects.get(slug="fix-the-plumbing")
    first = decided_bid(principles=[plumbing])
    first.round.results_published = True
    first.round.save()
    with django_assert_num_queries(3):
        client.get(plumbing.get_absolute_url())
    for _ in range(12):
        decided_bid(round=first.round, principles=[plumbing])

    with django_assert_num_queries(3):
        html = client.get(plumbing.get_absolute_url()).content.decode()

    assert "13 projects funded" in " ".join(html.split())
