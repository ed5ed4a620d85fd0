"""With the database out of reach, every page says so plainly (503), never 500,
and nothing a person had already answered is lost."""

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client

from tests.factories import OrganisationFactory
from tests.processes import free_port
from tests.signatories.sign.sign_up_journey import ANSWERS, choose_organisation
from tests.url_patterns import all_url_patterns, sample_path

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_content")]


@contextmanager
def database_out_of_reach():
    """This process loses its way to the database (the server itself keeps running)."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-folder/no-database.sqlite3"
    else:
        connection.settings_dict["PORT"] = str(free_port())
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.fixture
def visitor():
    # As a browser sees it: the error page, not the exception a test client re-raises.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "path",
    ["/", "/signatories/", "/declaration-projects/", "/declaration/", "/fund/", "/fund/bids/"],
)
def test_every_page_says_the_service_is_unavailable_and_when_to_try_again(visitor, path):
    with database_out_of_reach():
        response = visitor.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert "Try again in a few minutes." in page


def test_no_address_answers_500_without_the_database(visitor):
    # Pages that need no database (the sign-in form, a form's errors) still work.
    answers = {}
    with database_out_of_reach():
        for route, name, _pattern in all_url_patterns():
            answers[sample_path(route)] = (name, visitor.get(sample_path(route)).status_code)
    assert [path for path, (_name, status) in answers.items() if status == 500] == []
    assert sum(1 for _name, status in answers.values() if status == 503) >= 10


def test_the_health_check_says_503_too(visitor):
    with database_out_of_reach():
        assert visitor.get("/healthz").status_code == 503


def test_answers_given_before_the_database_went_away_are_there_when_it_is_back(visitor):
    organisation = OrganisationFactory(name="Testshire District Council")
    choose_organisation(visitor, organisation)
    details_page, details = next(iter(ANSWERS.items()))
    visitor.post(details_page, details)

    with database_out_of_reach():
        refused = visitor.post("/sign/senior-approver/", ANSWERS["/sign/senior-approver/"])
    assert refused.status_code == 503

    again = visitor.get(details_page).content.decode()
    assert all(str(value) in again for value in details.values())
    assert "Testshire District Council" in again
