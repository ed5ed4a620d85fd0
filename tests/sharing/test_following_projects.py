"""Following a project, a council or a service area from the site, and the
email an update sends its followers."""

from django.core import mail

from subscriptions.models import Subscriber, Subscription
from tests.govuk_pages import error_summary, text
from tests.sharing.projects import funded_project, link_path, post_update
from tests.subscriptions.followers import last_email_to

READER = "reader@example.com"


def _follow(client, path: str, frequency: str = "each", email: str = READER):
    response = client.post(path, {"email": email, "frequency": frequency})
    confirm = link_path(last_email_to(email).body, "confirm")
    client.post(confirm)
    return response


def test_follow_page_asks_for_an_address_and_how_often(client, db):
    bid = funded_project()

    response = client.get(f"/updates/follow/project/{bid.reference}/")

    assert "Follow the project “Shared housing repairs”" in text(response)
    assert "A weekly digest" in text(response)


def test_follow_page_says_check_your_email_whether_or_not_the_address_follows(
    client, db, django_capture_on_commit_callbacks
):
    bid = funded_project()
    path = f"/updates/follow/project/{bid.reference}/"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(path, {"email": READER, "frequency": "each"})
        client.post(link_path(last_email_to(READER).body, "confirm"))
        again = client.post(path, {"email": READER, "frequency": "each"})

    assert "Check your email" in text(first)
    assert text(first) == text(again)


def test_a_bad_address_is_explained_and_nothing_is_kept(client, db):
    bid = funded_project()

    response = client.post(f"/updates/follow/project/{bid.reference}/", {"email": "not an address"})

    assert error_summary(response) == [
        "Enter an email address in the correct format, like name@example.com",
        "Select how often you want email updates",
    ]
    assert not Subscriber.objects.exists()


def test_the_honeypot_keeps_nothing(client, db):
    bid = funded_project()

    response = client.post(
        f"/updates/follow/project/{bid.reference}/",
        {"email": READER, "frequency": "each", "website": "http://spam"},
    )

    assert "Check your email" in text(response)
    assert not Subscriber.objects.exists()


def test_following_is_rate_limited(client, db):
    bid = funded_project()
    path = f"/updates/follow/project/{bid.reference}/"
    for number in range(20):
        client.post(path, {"email": f"r{number}@example.com", "frequency": "each"})

    response = client.post(path, {"email": READER, "frequency": "each"})

    assert response.status_code == 429


def test_followers_of_the_project_council_and_service_area_are_emailed_an_update(
    client, db, django_capture_on_commit_callbacks
):
    bid = funded_project()
    with django_capture_on_commit_callbacks(execute=True):
        _follow(client, f"/updates/follow/project/{bid.reference}/", email="p@example.com")
        _follow(
            client, "/updates/follow/council/partnerton-borough-council/", email="c@example.com"
        )
        _follow(
            client, f"/updates/follow/service-area/{bid.service_area.slug}/", email="s@example.com"
        )
        _follow(
            client, f"/updates/follow/project/{bid.reference}/", "weekly", email="w@example.com"
        )
    assert Subscription.objects.confirmed().count() == 4
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        update = post_update(bid, title="Sprint 3")

    assert sorted(email.to[0] for email in mail.outbox) == [
        "c@example.com",
        "p@example.com",
        "s@example.com",
    ]
    email = mail.outbox[0]
    assert "Sprint 3" in email.subject
    assert f"http://testserver/updates/{update.pk}/" in email.body
    assert email.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_following_a_project_that_is_not_funded_is_not_found(client, db):
    assert client.get("/updates/follow/project/R9-9999/").status_code == 404
    assert client.get("/updates/follow/council/nowhere/").status_code == 404


def test_a_title_with_line_breaks_still_makes_a_one_line_subject(
    client, db, django_capture_on_commit_callbacks
):
    bid = funded_project()
    with django_capture_on_commit_callbacks(execute=True):
        _follow(client, f"/updates/follow/project/{bid.reference}/", email="p@example.com")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post_update(bid, title="Sprint 3\r\nBcc: someone@example.com")

    [email] = mail.outbox
    assert "\n" not in email.subject
    assert email.to == ["p@example.com"]
