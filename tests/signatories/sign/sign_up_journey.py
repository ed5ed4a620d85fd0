"""Helpers for the tests of the sign-up journey: what the officer types on each
question page, and the steps that take them through it."""

import re

from signatories.models import Organisation
from tests.govuk_pages import error_summary, text

# What the officer types on each question page, with its address.
ANSWERS = {
    "/sign/your-details/": {
        "officer_name": "Priya Shah",
        "officer_job_title": "Head of Digital",
        "officer_email": "priya.shah@testshire.gov.uk",
    },
    "/sign/senior-approver/": {
        "approver_name": "Tom Evans",
        "approver_role": "Chief Executive",
        "approver_email": "tom.evans@testshire.gov.uk",
    },
    "/sign/project/": {
        "title": "Online licence renewals by March 2027",
        "partners": "Otherton Borough Council",
        "mission": "Replace paper renewal forms with an online service.",
        "impact": "Licence holders renew in minutes instead of posting forms.",
    },
    "/sign/principles/": {"principles": ["1", "3"]},
    "/sign/service-area/": {"service_area": "licences-permits-and-permissions"},
    "/sign/authority/": {"has_authority": "yes"},
}

# Each question page, its heading, and the messages it gives when sent empty.
QUESTION_PAGES = [
    (
        "/sign/organisation/",
        "Which organisation are you signing for?",
        ["Select your organisation, or choose ‘My organisation is not listed’"],
    ),
    (
        "/sign/organisation/not-listed/",
        "Tell us about your organisation",
        ["Enter the name of your organisation", "Select the type of organisation"],
    ),
    (
        "/sign/your-details/",
        "Your details",
        ["Enter your full name", "Enter your job title", "Enter your email address"],
    ),
    (
        "/sign/senior-approver/",
        "Who will sign for your organisation?",
        [
            "Enter the senior approver’s full name",
            "Enter the senior approver’s role",
            "Enter the senior approver’s email address",
        ],
    ),
    (
        "/sign/project/",
        "Your declaration project",
        [
            "Enter a title for your declaration project",
            "Enter what you will deliver within a year",
            "Enter how people will benefit",
        ],
    ),
    (
        "/sign/principles/",
        "Which principles does your project follow?",
        ["Select at least one principle your project puts into practice"],
    ),
    (
        "/sign/service-area/",
        "Which service area is your project about?",
        ["Select the service area your project is about"],
    ),
    (
        "/sign/authority/",
        "Confirm you can submit this",
        ["Confirm that you have authority to submit this for your organisation"],
    ),
]


def choose_organisation(client, organisation: Organisation):
    return client.post("/sign/organisation/", {"organisation": organisation.pk})


def answer_everything(client, organisation: Organisation, **changes) -> None:
    """Go through every question page, as far as check your answers."""
    response = choose_organisation(client, organisation)
    assert response.status_code == 302, text(response)
    for path, values in ANSWERS.items():
        response = client.post(path, {**values, **changes.get(path, {})})
        assert response.status_code == 302, (path, error_summary(response))


def send_answers(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/sign/check-answers/")


def link_in(message) -> str:
    """The path of the link in an email."""
    return re.search(r"https?://[^/\s]+(/sign/\S+)", message.body)[1]
