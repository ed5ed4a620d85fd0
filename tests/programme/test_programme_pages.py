"""Programme pages: a small tree with its navigation, a contents list, drafts
kept out of sight, and old addresses that still work."""

import pytest
from django.core.exceptions import ValidationError

from programme.models import PublicationStatus
from tests.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cyber():
    cyber = ProgrammePageFactory(
        title="Cyber support",
        slug="cyber-support",
        body="Intro.\n\n## What we offer\n\nHelp.\n\n## How to *ask* for it\n\nEmail us.",
        position=1,
    )
    ProgrammePageFactory(title="Cyber training", slug="cyber-training", parent=cyber, position=2)
    ProgrammePageFactory(title="Cyber grants", slug="cyber-grants", parent=cyber, position=1)
    ProgrammePageFactory(
        title="Cyber drafts", slug="cyber-drafts", parent=cyber, status=PublicationStatus.DRAFT
    )
    ProgrammePageFactory(title="Digital planning", slug="digital-planning", position=2)
    return cyber


def test_the_index_lists_the_tree_in_order_without_drafts(client, cyber):
    html = client.get("/programme/").content.decode()

    order = [html.index(title) for title in ("Cyber support", "Cyber grants", "Cyber training")]
    assert order == sorted(order)
    assert html.index("Cyber training") < html.index("Digital planning")
    assert "Cyber drafts" not in html


def test_a_page_has_a_contents_list_linking_to_its_sections(client, cyber):
    html = client.get("/programme/cyber-support/").content.decode()

    assert '<a class="govuk-link" href="#section-1">What we offer</a>' in html
    assert '<a class="govuk-link" href="#section-2">How to ask for it</a>' in html
    assert '<h2 id="section-2">How to <em>ask</em> for it</h2>' in html


def test_a_page_links_to_its_children_and_a_child_to_its_parent(client, cyber):
    parent = client.get("/programme/cyber-support/").content.decode()
    child = client.get("/programme/cyber-training/").content.decode()

    children = parent.split("In this part of the programme")[1]
    assert children.index("Cyber grants") < children.index("Cyber training")
    assert "Cyber drafts" not in parent
    breadcrumbs = child.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert 'href="/programme/cyber-support/"' in breadcrumbs
    assert "More in Cyber support" in child
    assert 'href="/programme/cyber-grants/"' in child


def test_a_draft_page_is_not_found(client, cyber):
    assert client.get("/programme/cyber-drafts/").status_code == 404


def test_a_page_whose_slug_changed_is_found_at_its_old_address(client, cyber):
    cyber.slug = "cyber"
    cyber.save()

    response = client.get("/programme/cyber-support/")

    assert response.status_code == 301
    assert response["Location"] == "/programme/cyber/"
    # Its children's navigation follows it.
    assert 'href="/programme/cyber/"' in client.get("/programme/cyber-training/").content.decode()


def test_a_page_cannot_be_put_inside_its_own_child(cyber):
    child = cyber.children.get(slug="cyber-training")
    cyber.parent = child

    with pytest.raises(ValidationError) as refused:
        cyber.full_clean()

    assert refused.value.error_dict["parent"][0].code == "parent_loop"


@pytest.mark.parametrize("depth", [1, 6])
def test_programme_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries, depth):
    page = None
    for level in range(depth):
        page = ProgrammePageFactory(parent=page, title=f"Level {level}")

    with django_assert_num_queries(1):
        assert client.get("/programme/").status_code == 200
    # the page, the tree
    with django_assert_num_queries(2):
        assert client.get(page.get_absolute_url()).status_code == 200
