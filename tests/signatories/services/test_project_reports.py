"""Asking each signatory, eleven months on, how its declaration project went:
once, with one reminder, to the officer with the approver copied."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from signatories import services
from signatories.models import ReportRequest, SignUpState
from tests.signatories.project_reports import report_path, signed_days_ago

pytestmark = pytest.mark.django_db


def test_eleven_months_on_the_officer_is_asked_and_the_approver_copied(
    django_capture_on_commit_callbacks,
):
    sign_up = signed_days_ago(335)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.ask_for_reports() == 1

    officer, approver = mail.outbox
    assert officer.to == [sign_up.officer_email]
    assert approver.to == [sign_up.approver_email]
    for message in (officer, approver):
        assert message.subject == (
            f"Tell us how your declaration project went – reference {sign_up.reference}"
        )
        assert sign_up.commitment.title in message.body
        assert report_path(message) == report_path(officer)
    assert "You are copied into this email as the senior approver" in approver.body
    assert "copied" not in officer.body
    assert ReportRequest.objects.get(sign_up=sign_up)


def test_each_signatory_is_asked_once(django_capture_on_commit_callbacks):
    signed_days_ago(400)
    with django_capture_on_commit_callbacks(execute=True):
        services.ask_for_reports()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.ask_for_reports() == 0

    assert len(mail.outbox) == 2


@pytest.mark.parametrize("state", [SignUpState.REMOVED, SignUpState.AWAITING_REVIEW])
def test_only_current_signatories_are_asked(state, django_capture_on_commit_callbacks):
    signed_days_ago(400, state=state)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.ask_for_reports() == 0
    assert mail.outbox == []


def test_a_signatory_ten_months_on_is_not_asked_yet(django_capture_on_commit_callbacks):
    signed_days_ago(300)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.ask_for_reports() == 0
    assert mail.outbox == []


def test_two_weeks_after_asking_one_reminder_is_sent(django_capture_on_commit_callbacks):
    sign_up = signed_days_ago(360)
    with django_capture_on_commit_callbacks(execute=True):
        services.ask_for_reports(now=timezone.now() - datetime.timedelta(days=14))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_about_reports() == 1
        assert services.remind_about_reports() == 0

    officer, approver = mail.outbox
    assert officer.subject.startswith("Reminder: Tell us how your declaration project went")
    assert "We asked you two weeks ago" in officer.body
    assert approver.to == [sign_up.approver_email]
    assert ReportRequest.objects.get(sign_up=sign_up).reminded_at is not None


def test_no_reminder_before_two_weeks_or_after_a_report(client, django_capture_on_commit_callbacks):
    early = signed_days_ago(360)
    answered = signed_days_ago(370)
    with django_capture_on_commit_callbacks(execute=True):
        services.ask_for_reports(now=timezone.now() - datetime.timedelta(days=13))
    path = next(report_path(m) for m in mail.outbox if m.to == [answered.officer_email])
    client.post(
        path,
        {"delivery": "delivered", "delivered": "Done.", "reported_by": "Priya Shah"},
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_about_reports() == 0
        assert services.remind_about_reports(now=timezone.now() + datetime.timedelta(days=1)) == 1
    assert {m.to[0] for m in mail.outbox} == {early.officer_email, early.approver_email}
