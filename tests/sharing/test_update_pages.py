"""The public pages of updates: the project page's section, /updates/ with its
filters, an update's page and the Atom feeds."""

from declaration.models import Principle, ServiceArea
from funding.models import Phase
from tests.factories import decided_bid, signed_council
from tests.govuk_pages import text
from tests.sharing.projects import funded_project, post_update


def test_a_project_page_shows_its_updates_newest_first(client, db):
    bid = funded_project()
    post_update(bid, title="The first sprint")
    post_update(bid, title="The second sprint")

    page = text(client.get(bid.get_absolute_url()))

    assert page.index("The second sprint") < page.index("The first sprint")
    assert "Get an email when this project posts an update" in page


def test_a_project_with_no_updates_says_so(client, db):
    bid = funded_project()

    assert "The project has not posted an update yet." in text(client.get(bid.get_absolute_url()))


def test_the_update_page_shows_the_rendered_body_and_links(client, db):
    bid = funded_project()
    update = post_update(bid, body="We **shipped** it.", links="https://example.gov.uk/notes")

    response = client.get(update.get_absolute_url())

    assert response.status_code == 200
    assert "<strong>shipped</strong>" in response.content.decode()
    assert "https://example.gov.uk/notes" in text(response)


def test_updates_lists_every_update(client, db):
    post_update(funded_project(), title="Repairs sprint")

    response = client.get("/updates/")

    assert "1 update" in text(response)
    assert "Repairs sprint" in text(response)


def test_updates_filter_by_council_principle_service_area_and_phase(client, db):
    bid = funded_project()
    post_update(bid, title="Repairs sprint")
    other = decided_bid(
        round=bid.round,
        lead=signed_council(name="Northam Council"),
        partners=[],
        phase=Phase.BETA,
        service_area=ServiceArea.objects.exclude(pk=bid.service_area_id).first(),
        principles=Principle.objects.filter(number=2),
    )
    post_update(other, title="Northam beta", email="a@northam.gov.uk")

    def listed(query: str) -> str:
        return text(client.get(f"/updates/?{query}"))

    by_council = listed("council=leadshire-county-council")
    assert "Repairs sprint" in by_council and "Northam beta" not in by_council
    partner = listed("council=partnerton-borough-council")
    assert "Repairs sprint" in partner and "Northam beta" not in partner
    by_phase = listed("phase=beta")
    assert "Northam beta" in by_phase and "Repairs sprint" not in by_phase
    principle = Principle.objects.get(number=2).slug
    assert "Repairs sprint" not in listed(f"principle={principle}")
    area = bid.service_area.slug
    by_area = listed(f"service_area={area}")
    assert "Repairs sprint" in by_area and "Northam beta" not in by_area


def test_an_unknown_filter_value_is_ignored(client, db):
    post_update(funded_project(), title="Repairs sprint")

    response = client.get("/updates/?council=nowhere&phase=%00&page=999")

    assert response.status_code == 200
    assert "Repairs sprint" in text(response)


def test_the_feed_of_every_update(client, db):
    post_update(funded_project(), title="Repairs sprint", body="We **shipped** it.")

    response = client.get("/updates.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Repairs sprint" in body
    assert "http://testserver/updates/" in body


def test_a_projects_feed_has_only_its_updates(client, db):
    bid = funded_project()
    post_update(bid, title="Repairs sprint")
    other = decided_bid(round=bid.round, lead=signed_council(), partners=[])
    post_update(other, title="Someone else's sprint", email="x@y.gov.uk")

    body = client.get(f"/fund/projects/{bid.reference}/updates.atom").content.decode()

    assert "Repairs sprint" in body
    assert "Someone else" not in body


def test_a_feed_of_a_project_that_is_not_funded_is_not_found(client, db):
    assert client.get("/fund/projects/R9-9999/updates.atom").status_code == 404


def test_the_open_data_has_every_update(client, db):
    post_update(funded_project(), title="=Repairs sprint")

    csv_text = b"".join(client.get("/updates.csv").streaming_content).decode()
    json_text = b"".join(client.get("/updates.json").streaming_content).decode()

    assert "'=Repairs sprint" in csv_text
    assert "leadshire.gov.uk" not in csv_text
    assert '"title": "=Repairs sprint"' in json_text
