"""Co-publishers: named from the register or typed in, listed A to Z on the
declaration page and on their own page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from programme.models import CoPublisher, CoPublisherKind
from tests.factories import CoPublisherFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_co_publishers_are_listed_a_to_z_whichever_way_they_are_named(client):
    CoPublisherFactory(name="Society of IT Practitioners")
    CoPublisherFactory(
        name="", organisation=OrganisationFactory(name="Adur District Council"), kind="council"
    )
    CoPublisherFactory(name="Government Digital Service", kind="central-government")

    page = client.get("/declaration/co-publishers/").content.decode()
    declaration = client.get("/declaration/").content.decode()

    for html in (page, declaration.split("Who published it")[1]):
        names = ["Adur District Council", "Government Digital Service", "Society of IT"]
        assert [html.index(name) for name in names] == sorted(html.index(name) for name in names)
    assert "published by 3 organisations together" in declaration
    assert "Central government" in page and "4 July 2018" in page


def test_a_co_publisher_is_named_once_never_both_ways_or_neither():
    organisation = OrganisationFactory()
    both = CoPublisher(
        organisation=organisation,
        name="Typed too",
        kind=CoPublisherKind.COUNCIL,
        joined_on=datetime.date(2018, 7, 4),
    )
    neither = CoPublisher(kind=CoPublisherKind.COUNCIL, joined_on=datetime.date(2018, 7, 4))

    with pytest.raises(ValidationError) as named_twice:
        both.full_clean()
    with pytest.raises(ValidationError) as not_named:
        neither.full_clean()
    with pytest.raises(IntegrityError):
        CoPublisher.objects.create(kind=CoPublisherKind.OTHER, joined_on=datetime.date(2018, 7, 4))

    assert named_twice.value.error_dict["name"][0].code == "named_twice"
    assert not_named.value.error_dict["organisation"][0].code == "not_named"


@pytest.mark.parametrize("size", [1, 45])
def test_co_publisher_pages_run_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    for number in range(size):
        CoPublisherFactory(name="", organisation=OrganisationFactory(name=f"Council {number}"))

    with django_assert_num_queries(1):
        assert client.get("/declaration/co-publishers/").status_code == 200
    # the declaration, its principles, its co-publishers
    with django_assert_num_queries(3):
        assert client.get("/declaration/").status_code == 200
