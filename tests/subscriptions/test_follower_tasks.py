"""The scheduler names the followers' jobs, and each is a task the worker knows."""

from django.conf import settings
from django.core import mail

from localdigital.celery import app as celery_app
from subscriptions import services, tasks
from tests.subscriptions.followers import follow

FOLLOWER_JOBS = {
    "subscriptions.tasks.send_unsent_announcements",
    "subscriptions.tasks.send_weekly_digests",
    "subscriptions.tasks.forget_unconfirmed_followers",
}


def test_the_scheduler_runs_the_followers_jobs_and_the_worker_knows_them():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert scheduled >= FOLLOWER_JOBS
    celery_app.loader.import_default_modules()
    assert set(celery_app.tasks) >= FOLLOWER_JOBS


def test_the_weekly_digest_task_sends_through_the_outbox(
    client, db, django_capture_on_commit_callbacks
):
    follow(client, frequency="weekly")
    with django_capture_on_commit_callbacks(execute=True):
        services.announce(
            key="update:9",
            topics=["project:R1-0001"],
            subject="New update",
            title="Sprint 9",
            text="Done.",
            url="http://testserver/updates/9/",
        )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_weekly_digests.delay()

    [email] = mail.outbox
    assert "Sprint 9" in email.body
