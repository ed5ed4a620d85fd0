"""The feedback form: GOV.UK's satisfaction question, kept without anything
about who answered, and offered from the phase banner."""

import pytest
from django.contrib.auth.models import Group

from localdigital.pages.models import Feedback, Satisfaction
from tests.govuk_pages import error_summary, text, title
from tests.staff import sign_in_staff


@pytest.fixture(autouse=True)
def _database(db):
    pass


def test_an_answer_is_kept_with_the_page_it_came_from(client):
    response = client.post(
        "/feedback/",
        {"satisfaction": "satisfied", "comment": "  Quicker than I expected.  ", "from": "/fund/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/feedback/sent/"
    feedback = Feedback.objects.get()
    assert feedback.satisfaction == Satisfaction.SATISFIED
    assert feedback.comment == "Quicker than I expected."
    assert feedback.from_page == "/fund/"
    thanks = client.get("/feedback/sent/")
    assert "Thank you for your feedback" in text(thanks)


def test_the_form_asks_the_satisfaction_question_with_its_five_answers(client):
    response = client.get("/feedback/?from=/signatories/")

    assert title(response) == "Give feedback on Local Digital – Local Digital"
    page = text(response)
    assert "Overall, how did you feel about this service?" in page
    for answer in Satisfaction.labels:
        assert answer in page
    assert 'name="from" value="/signatories/"' in response.content.decode()


def test_no_answer_is_an_error_and_keeps_what_was_typed(client):
    response = client.post("/feedback/", {"comment": "The fund page is clear."})

    assert response.status_code == 200
    assert title(response).startswith("Error: ")
    assert error_summary(response) == ["Select how you feel about this service"]
    assert "The fund page is clear." in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_comment_over_the_limit_is_an_error(client):
    response = client.post("/feedback/", {"satisfaction": "neither", "comment": "x" * 1201})

    assert error_summary(response) == [
        "How we could improve this service must be 1200 characters or fewer"
    ]
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("answer", ["", "delighted", "satisfied" * 10])
def test_an_answer_that_is_not_one_of_the_five_is_refused(client, answer):
    response = client.post("/feedback/", {"satisfaction": answer})

    assert error_summary(response) == ["Select how you feel about this service"]
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    ("came_from", "kept"),
    [
        ("https://elsewhere.example/", ""),
        ("//elsewhere.example/", ""),
        ("/signatories/?q=hackney", "/signatories/"),
        ("signatories", ""),
        ("/" + "a" * 400, "/" + "a" * 299),
    ],
)
def test_only_a_plain_path_on_this_site_is_kept(client, came_from, kept):
    client.post("/feedback/", {"satisfaction": "satisfied", "from": came_from})

    assert Feedback.objects.get().from_page == kept


def test_a_form_filled_in_by_a_robot_is_thanked_and_not_kept(client):
    response = client.post("/feedback/", {"satisfaction": "satisfied", "website": "spam.example"})

    assert response["Location"] == "/feedback/sent/"
    assert not Feedback.objects.exists()


def test_one_address_may_send_ten_answers_an_hour(client):
    for _ in range(10):
        assert client.post("/feedback/", {"satisfaction": "satisfied"}).status_code == 302

    response = client.post("/feedback/", {"satisfaction": "satisfied"})

    assert response.status_code == 429
    assert Feedback.objects.count() == 10


def test_the_phase_banner_links_to_the_form_from_every_page(client):
    response = client.get("/declaration/")

    assert 'href="/feedback/?from=/declaration/"' in response.content.decode()


def test_staff_read_feedback_and_cannot_change_it(client, django_user_model):
    Feedback.objects.create(satisfaction=Satisfaction.DISSATISFIED, comment="Too many steps.")
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    sign_in_staff(client, editor)

    listing = client.get("/admin/pages/feedback/")
    assert listing.status_code == 200
    assert "Too many steps." in text(listing)
    assert client.get("/admin/pages/feedback/add/").status_code == 403
