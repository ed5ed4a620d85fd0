import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from localdigital.pages.demo.staff import DEMO_STAFF_PASSWORD
from signatories.models import Organisation, SignUp, SignUpState
from subscriptions.models import Bulletin, BulletinState

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug(settings):
    """The demo is loaded only for local development, as `make run` does."""
    settings.DEBUG = True


def test_demo_content_loads_signatories_through_the_workflow_once(client, debug):
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")
    call_command("load_demo_content")

    assert SignUp.objects.filter(state=SignUpState.SIGNED).count() == 4
    assert SignUp.objects.filter(state=SignUpState.AWAITING_REVIEW).count() == 1
    signed = SignUp.objects.signed().first()
    assert [c.to_state for c in signed.state_changes.all()] == [
        SignUpState.AWAITING_CONFIRMATION,
        SignUpState.AWAITING_REVIEW,
        SignUpState.AWAITING_SIGN_OFF,
        SignUpState.SIGNED,
    ]
    assert "London Borough of Hackney" in client.get("/signatories/").content.decode()


def test_demo_content_refuses_to_load_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only with DEBUG=true"):
        call_command("load_demo_content")

    assert not get_user_model().objects.exists()
    assert not SignUp.objects.exists()


def test_demo_makes_one_staff_account_for_each_role_and_prints_how_to_sign_in(
    debug, capsys, client
):
    call_command("load_demo_content")
    call_command("load_demo_content")

    output = capsys.readouterr().out
    staff = get_user_model().objects.filter(is_staff=True).order_by("username")
    assert [(user.username, [g.name for g in user.groups.all()]) for user in staff] == [
        ("demo.assessor", ["Fund assessors"]),
        ("demo.content-editor", ["Content editors"]),
        ("demo.fund-manager", ["Fund managers"]),
        ("demo.moderator", ["Moderators"]),
    ]
    assert f"each with the password {DEMO_STAFF_PASSWORD}" in output
    assert "demo.moderator (Moderators)" in output
    for user in staff:
        assert user.check_password(DEMO_STAFF_PASSWORD)
        assert not user.is_superuser


def test_make_run_imports_the_full_register_so_any_council_can_be_chosen(debug):
    call_command("import_organisations", "signatories/data/uk_local_authorities.csv")
    call_command("load_demo_content")

    # The register's 470 authorities, current and former, and the demo on top.
    assert Organisation.objects.count() == 470
    assert Organisation.objects.filter(name="Aberdeenshire Council").exists()
    assert SignUp.objects.filter(state=SignUpState.SIGNED).count() == 4


def test_a_newcomer_signs_in_as_demo_staff_without_an_app_as_make_run_says(
    debug, capsys, client, settings
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("load_demo_content")
    output = capsys.readouterr().out
    assert "Sign in at http://127.0.0.1:8000/admin/ with a username and that password" in output
    assert "scan the QR code" in output
    # The command it prints, run as printed (make run's DEBUG=true is the `debug` fixture).
    command = re.search(r"DEBUG=true \.venv/bin/python manage\.py (demo_sign_in_code \S+)", output)
    name, username = command[1].split()
    assert "run this before giving the password" in output
    printed = io.StringIO()

    call_command(name, username, stdout=printed)
    password_page = client.post(
        "/admin/login/", {"username": username, "password": DEMO_STAFF_PASSWORD}
    )
    assert password_page["Location"] == "/admin/login/code/"
    code_page = client.post(password_page["Location"], {"code": printed.getvalue().strip()})

    assert code_page["Location"] == "/admin/"
    assert "<title>Manage the site" in client.get("/admin/").content.decode()


def test_demo_content_shows_news_events_programme_pages_and_co_publishers(client, debug):
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")
    call_command("load_demo_content")

    news = client.get("/news/").content.decode()
    events = client.get("/events/").content.decode()
    programme = client.get("/programme/").content.decode()
    declaration = client.get("/declaration/").content.decode()

    assert "Round 7 of the Local Digital Fund is open" in news
    assert "Recordings of the spring" not in news  # scheduled for next week
    assert "New cyber guidance" not in news  # a draft
    upcoming, past = events.split("Past events")
    assert "Digital planning show and tell" in upcoming and "Online" in upcoming
    assert "Declaration anniversary meet-up" in past
    assert all(
        title in programme for title in ("Cyber support", "Cyber training", "Digital planning")
    )
    assert "Leeds City Council" in declaration.split("Who published it")[1]
    assert "Government Digital Service" in declaration.split("Who published it")[1]
    assert "Latest news" in client.get("/").content.decode()


def test_demo_content_has_a_draft_bulletin_to_a_reader_of_news(debug):
    call_command("import_organisations", "signatories/demo_organisations.csv")
    call_command("load_demo_content")
    call_command("load_demo_content")

    bulletin = Bulletin.objects.get()
    assert bulletin.state == BulletinState.DRAFT
    assert [subscriber.email for subscriber in bulletin.followers()] == ["demo.reader@example.com"]
