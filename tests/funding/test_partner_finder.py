"""The partner finder: signed councils whose commitments share something with yours."""

import datetime
import re

import pytest
from django.utils import timezone

from declaration.models import Principle, ServiceArea
from funding.officer_session import SESSION_KEY
from localdigital.core.lists import PAGE_SIZE
from signatories.models import OrganisationType, SignUpState
from tests.factories import OrganisationFactory, SignUpFactory
from tests.funding.fund_pages import text

pytestmark = pytest.mark.django_db


def council(name, *, area="licences-permits-and-permissions", principles=(1,), **fields):
    """A council that has signed, with a commitment in `area` under `principles`."""
    fields.setdefault("state", SignUpState.SIGNED)
    organisation = OrganisationFactory(
        name=name,
        organisation_type=fields.pop("organisation_type", "county"),
        **fields.pop("org", {}),
    )
    return SignUpFactory(
        organisation=organisation,
        commitment__title=f"Commitment of {name}",
        commitment__service_area=ServiceArea.objects.get(slug=area),
        commitment__principles=list(Principle.objects.filter(number__in=principles)),
        **fields,
    ).organisation


def match_names(response) -> list[str]:
    html = response.content.decode()
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="/signatories/[^"]+">([^<]+)</a>',
        html,
    )


@pytest.fixture
def councils():
    """Yours, and others sharing more or less with it, in no particular order of creation."""
    yours = council("Your Council", principles=(1, 2))
    council("Principle Alone Council", area="public-health", principles=(2,))
    council("Area Alone Council", principles=(4,))
    council("Both Council", principles=(1,))
    council("Two Principles Council", area="public-health", principles=(1, 2))
    council("Nothing Shared Council", area="public-health", principles=(3,))
    council(
        "Charity Sharing Both",
        organisation_type=OrganisationType.CHARITY,
        principles=(1, 2),
    )
    council("Still Signing Council", principles=(1, 2), state=SignUpState.AWAITING_REVIEW)
    council(
        "Abolished Council",
        principles=(1, 2),
        org={"end_date": timezone.localdate() - datetime.timedelta(days=30)},
    )
    return yours


def test_finder_lists_councils_sharing_an_area_or_principle_best_matches_first(client, councils):
    response = client.get("/fund/partners/", {"organisation": councils.slug})

    assert response.status_code == 200
    assert match_names(response) == [
        "Both Council",
        "Area Alone Council",
        "Two Principles Council",
        "Principle Alone Council",
    ]
    page = text(response)
    assert "4 councils share something with Your Council" in page
    assert "Your Council" not in match_names(response)


def test_finder_says_what_each_council_shares_and_links_to_its_commitment(client, councils):
    response = client.get("/fund/partners/", {"organisation": councils.slug})

    page = text(response)
    assert re.search(
        r"Both Council .* Its commitment: Commitment of Both Council Shares with yours: "
        r"the service area: Licences, permits and permissions "
        r"principle 1: Design services around the needs of people Area Alone Council",
        page,
    )
    assert re.search(
        r"Two Principles Council .* Shares with yours: principle 1: .* principle 2: ", page
    )
    assert 'href="/signatories/both-council/#commitment"' in response.content.decode()


def test_finder_shows_your_own_commitment(client, councils):
    page = text(client.get("/fund/partners/", {"organisation": councils.slug}))

    assert "Your commitment Commitment of Your Council" in page
    assert "Service area: Licences, permits and permissions" in page


def test_finder_searches_signed_organisations_by_name(client, councils):
    html = client.get("/fund/partners/", {"q": "council"}).content.decode()

    offered = re.findall(r'name="organisation"[^>]*value="([^"]*)"', html)
    assert "your-council" in offered and "both-council" in offered
    assert "still-signing-council" not in offered
    assert match_names(client.get("/fund/partners/", {"q": "council"})) == []


def test_finder_keeps_your_choice_and_offers_another(client, councils):
    response = client.get("/fund/partners/", {"organisation": councils.slug})

    assert "Your organisation: Your Council" in text(response)
    assert 'href="/fund/partners/?q=#organisation"' in response.content.decode()


def test_finder_says_when_a_search_finds_nothing(client, councils):
    response = client.get("/fund/partners/", {"q": "Atlantis"})

    assert "No signed organisation’s name includes ‘Atlantis’" in text(response)
    assert "<title>Error: " in response.content.decode()


def test_finder_asks_again_when_the_list_is_sent_without_a_choice(client, councils):
    response = client.get("/fund/partners/", {"q": "council", "choosing": "1"})

    assert 'href="#found"' in response.content.decode()
    assert "Select your organisation" in text(response)
    assert "your-council" in response.content.decode()


def test_finder_starts_from_the_signed_in_officers_organisation(client, councils):
    session = client.session
    session[SESSION_KEY] = f"priya.shah@{councils.domain_list[0]}"
    session.save()

    response = client.get("/fund/partners/")

    assert match_names(response)[0] == "Both Council"
    assert "Your organisation: Your Council" in text(response)


def test_finder_without_a_choice_shows_only_the_question(client, councils):
    response = client.get("/fund/partners/")

    assert response.status_code == 200
    assert match_names(response) == []
    assert "There is a problem" not in text(response)
    assert "Find partner councils" in text(response)


@pytest.mark.parametrize("value", ["", "no-such-council", "still-signing-council", "\x00"])
def test_finder_asks_again_when_the_choice_is_not_a_signed_organisation(client, councils, value):
    response = client.get("/fund/partners/", {"organisation": value})

    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page
    assert 'href="#organisation"' in response.content.decode()
    assert response.content.decode().count("Select your organisation") == 2
    assert "<title>Error: " in response.content.decode()
    assert match_names(response) == []


def test_finder_says_so_when_nobody_shares_anything(client):
    lonely = council("Lonely Council", area="public-health", principles=(3,))
    council("Other Council", principles=(1,))

    page = text(client.get("/fund/partners/", {"organisation": lonely.slug}))

    assert "0 councils share something with Lonely Council" in page
    assert "No other signed council has a commitment in the same service area" in page


def test_finder_pages_keep_your_organisation(client):
    yours = council("Your Council")
    for number in range(PAGE_SIZE + 1):
        council(f"Partner {number:02d} Council")

    first = client.get("/fund/partners/", {"organisation": yours.slug})
    second = client.get("/fund/partners/", {"organisation": yours.slug, "page": "2"})

    assert len(match_names(first)) == PAGE_SIZE
    assert match_names(second) == [f"Partner {PAGE_SIZE:02d} Council"]
    assert "?organisation=your-council&amp;sort=best&amp;page=2" in first.content.decode()


@pytest.mark.parametrize("size", [1, 5])
def test_finder_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    yours = council("Your Council", principles=(1, 2))
    for number in range(size):
        council(f"Partner {number} Council", principles=(1, 2, 3))
        council(f"Other {number} Council", area="public-health", principles=(2,))

    # your sign-up, its principles, the count, how many share your service
    # area (up to the page's end), the page's ranking, its sign-ups, their principles
    with django_assert_num_queries(7):
        assert client.get("/fund/partners/", {"organisation": yours.slug}).status_code == 200

    session = client.session
    session[SESSION_KEY] = f"priya.shah@{yours.domain_list[0]}"
    session.save()
    # and, first, the signed-in officer's organisation (the session is read too)
    with django_assert_num_queries(9):
        assert client.get("/fund/partners/").status_code == 200
    # A search for your organisation: the organisations found, whatever their number.
    with django_assert_num_queries(1):
        assert client.get("/fund/partners/", {"q": "Council"}).status_code == 200


def test_a_page_full_of_councils_in_your_area_comes_before_those_sharing_a_principle(client):
    yours = council("Your Council", principles=(1,))
    council("Aardvark Principle Council", area="public-health", principles=(1,))
    for number in range(PAGE_SIZE):
        council(f"Area {number:02d} Council", principles=(4,))

    first = client.get("/fund/partners/", {"organisation": yours.slug})
    second = client.get("/fund/partners/", {"organisation": yours.slug, "page": "2"})

    assert match_names(first) == [f"Area {number:02d} Council" for number in range(PAGE_SIZE)]
    assert match_names(second) == ["Aardvark Principle Council"]
