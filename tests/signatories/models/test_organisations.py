import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from signatories.models import Nation, Organisation, OrganisationType


def make_organisation(**fields) -> Organisation:
    fields.setdefault("name", "Hackney Council")
    fields.setdefault("organisation_type", OrganisationType.LONDON_BOROUGH)
    fields.setdefault("nation", Nation.ENGLAND)
    return Organisation.objects.create(**fields)


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


# Email domains


@pytest.mark.parametrize(
    "email",
    [
        "officer@hackney.gov.uk",
        "Officer@HACKNEY.GOV.UK",
        "officer@digital.hackney.gov.uk",
        "officer@learning.trust.org.uk",
        "  officer@hackney.gov.uk  ",
    ],
)
def test_an_address_at_a_known_domain_or_its_subdomain_matches(email):
    organisation = Organisation(email_domains="hackney.gov.uk\r\n\n  @Learning.Trust.org.uk ")
    assert organisation.has_email_domain(email)


@pytest.mark.parametrize(
    "email",
    [
        "officer@nothackney.gov.uk",
        "officer@hackney.gov.uk.example.com",
        "officer@gov.uk",
        "hackney.gov.uk",
        "@hackney.gov.uk",
        "",
    ],
)
def test_an_address_elsewhere_does_not_match(email):
    organisation = Organisation(email_domains="hackney.gov.uk")
    assert not organisation.has_email_domain(email)


def test_an_organisation_without_known_domains_matches_no_address():
    assert not Organisation(email_domains="").has_email_domain("officer@hackney.gov.uk")


def test_domain_list_is_tidied_one_domain_a_line():
    organisation = Organisation(email_domains=" Hackney.gov.uk\n\n@hackney.org.uk\r\n")
    assert organisation.domain_list == ["hackney.gov.uk", "hackney.org.uk"]


@pytest.mark.django_db
def test_something_that_is_not_a_domain_is_refused_with_a_code():
    organisation = Organisation(
        name="Hackney Council",
        organisation_type=OrganisationType.LONDON_BOROUGH,
        email_domains="hackney.gov.uk\nhttps://hackney.gov.uk/\nlocalhost",
    )
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    [error] = raised.value.error_dict["email_domains"]
    assert error.code == "invalid_domain"
    assert "https://hackney.gov.uk/, localhost" in error.messages[0]


@pytest.mark.django_db
def test_a_domain_that_many_share_is_refused_with_a_code():
    organisation = Organisation(
        name="Hackney Council",
        organisation_type=OrganisationType.LONDON_BOROUGH,
        email_domains="hackney.gov.uk\n@gov.uk\nGmail.com",
    )
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    [error] = raised.value.error_dict["email_domains"]
    assert error.code == "shared_domain"
    assert "gov.uk, gmail.com" in error.messages[0]


# Which organisations are current, councils, or found by a search


@pytest.mark.django_db
def test_current_leaves_out_organisations_that_have_ended_or_not_yet_started():
    make_organisation(name="No dates")
    make_organisation(name="Started long ago", start_date=datetime.date(1996, 4, 1))
    make_organisation(name="Last day today", end_date=days_from_today(0))
    make_organisation(name="Starts today", start_date=days_from_today(0))
    make_organisation(name="Ended yesterday", end_date=days_from_today(-1))
    make_organisation(name="Starts tomorrow", start_date=days_from_today(1))

    current = Organisation.objects.current()

    assert [o.name for o in current] == [
        "Last day today",
        "No dates",
        "Started long ago",
        "Starts today",
    ]
    assert {o.name for o in Organisation.objects.all() if o.is_current} == {o.name for o in current}


@pytest.mark.django_db
def test_current_can_be_asked_about_another_day():
    make_organisation(name="Aylesbury Vale District Council", end_date=datetime.date(2020, 3, 31))
    make_organisation(name="Buckinghamshire Council", start_date=datetime.date(2020, 4, 1))

    def current_on(day):
        return [o.name for o in Organisation.objects.current(on=day)]

    assert current_on(datetime.date(2020, 3, 31)) == ["Aylesbury Vale District Council"]
    assert current_on(datetime.date(2020, 4, 1)) == ["Buckinghamshire Council"]


@pytest.mark.django_db
def test_councils_are_local_authorities_and_not_other_public_bodies():
    make_organisation(name="Kent County Council", organisation_type=OrganisationType.COUNTY)
    make_organisation(
        name="Greater Manchester Combined Authority",
        organisation_type=OrganisationType.COMBINED_AUTHORITY,
    )
    make_organisation(name="Kent Police", organisation_type=OrganisationType.POLICE)
    make_organisation(
        name="Kent Fire and Rescue", organisation_type=OrganisationType.FIRE_AND_RESCUE
    )
    make_organisation(name="NHS Kent and Medway", organisation_type=OrganisationType.NHS)

    assert [o.name for o in Organisation.objects.councils()] == [
        "Greater Manchester Combined Authority",
        "Kent County Council",
    ]
    assert {o.name: o.is_council for o in Organisation.objects.all()} == {
        "Greater Manchester Combined Authority": True,
        "Kent County Council": True,
        "Kent Police": False,
        "Kent Fire and Rescue": False,
        "NHS Kent and Medway": False,
    }


@pytest.mark.django_db
def test_search_finds_names_containing_the_words_in_any_case():
    make_organisation(name="Kent County Council")
    make_organisation(name="Kent Police", organisation_type=OrganisationType.POLICE)
    make_organisation(name="Cornwall Council")

    assert [o.name for o in Organisation.objects.search("  kent ")] == [
        "Kent County Council",
        "Kent Police",
    ]
    assert [o.name for o in Organisation.objects.current().councils().search("COUNCIL")] == [
        "Cornwall Council",
        "Kent County Council",
    ]


# Rules the database keeps


@pytest.mark.django_db
def test_a_register_code_belongs_to_one_organisation():
    make_organisation(name="London Borough of Hackney", register_code="HCK")
    with pytest.raises(IntegrityError):
        make_organisation(name="Hackney Council", register_code="HCK")


@pytest.mark.django_db
def test_many_organisations_may_have_no_register_code():
    make_organisation(name="Kent Police", organisation_type=OrganisationType.POLICE)
    make_organisation(name="Essex Police", organisation_type=OrganisationType.POLICE)
    assert Organisation.objects.filter(register_code="").count() == 2


@pytest.mark.django_db
def test_an_organisation_from_the_register_must_have_its_code():
    with pytest.raises(IntegrityError):
        make_organisation(is_from_register=True)


@pytest.mark.django_db
def test_an_organisation_cannot_end_before_it_starts():
    organisation = Organisation(
        name="Backwards Council",
        organisation_type=OrganisationType.UNITARY_AUTHORITY,
        start_date=datetime.date(2020, 4, 1),
        end_date=datetime.date(2020, 3, 31),
    )
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    assert [e.code for e in raised.value.error_dict["__all__"]] == ["ends_before_start"]
    with pytest.raises(IntegrityError):
        organisation.save()


@pytest.mark.django_db
def test_each_organisation_gets_its_own_slug_from_its_name():
    first = make_organisation(name="St Helens Council")
    second = make_organisation(name="St. Helens Council")
    third = make_organisation(name="St Helens Council!", slug="")

    assert [first.slug, second.slug, third.slug] == [
        "st-helens-council",
        "st-helens-council-2",
        "st-helens-council-3",
    ]
    first.name = "Renamed Council"
    first.save()
    first.refresh_from_db()
    assert first.slug == "st-helens-council", "a web address does not change with the name"
    assert str(first) == "Renamed Council"


# Moderators in Django admin


@pytest.mark.django_db
def test_moderators_can_list_search_and_filter_organisations(admin_client):
    make_organisation(name="London Borough of Hackney", register_code="HCK", gss_code="E09000012")
    make_organisation(name="Hackney Wick Trust", organisation_type=OrganisationType.CHARITY)
    url = reverse("admin:signatories_organisation_changelist")

    by_code = admin_client.get(url, {"q": "E09000012"})
    to_review = admin_client.get(url, {"needs_review__exact": "1"})

    assert by_code.status_code == 200
    assert [o.name for o in by_code.context["cl"].result_list] == ["London Borough of Hackney"]
    assert list(to_review.context["cl"].result_list) == []


@pytest.mark.django_db
def test_mark_as_checked_clears_needs_review(admin_client):
    typed_in = make_organisation(name="Hackney Wick Trust", needs_review=True)
    other = make_organisation(name="Another Trust", needs_review=True)

    response = admin_client.post(
        reverse("admin:signatories_organisation_changelist"),
        {"action": "mark_as_checked", "_selected_action": [typed_in.pk]},
        follow=True,
    )

    assert "1 organisation marked as checked." in response.content.decode()
    assert list(Organisation.objects.filter(needs_review=True)) == [other]


@pytest.mark.django_db
def test_the_admin_edit_page_shows_the_register_fields(admin_client):
    organisation = make_organisation(name="London Borough of Hackney", register_code="HCK")
    response = admin_client.get(
        reverse("admin:signatories_organisation_change", args=[organisation.pk])
    )
    assert response.status_code == 200
    assert "fill in its register code" in response.content.decode()
