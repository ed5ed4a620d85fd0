"""Followers of news hear of a post when it goes live (a scheduled one at
its time, by the worker), and followers of events of an event once it is
published; each once, and never of a draft."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from programme.models import PublicationStatus
from programme.tasks import announce_programme_news_and_events
from tests.factories import EventFactory, NewsPostFactory, content_editor_user
from tests.staff import sign_in_staff
from tests.subscriptions.followers import READER, follow

pytestmark = pytest.mark.django_db


def _to_reader() -> list[str]:
    return [email.subject for email in mail.outbox if email.to == [READER]]


def _run_worker(capture, *, at=None):
    mail.outbox.clear()
    with time_machine.travel(at or timezone.now(), tick=False), capture(execute=True):
        announce_programme_news_and_events.delay()
    return _to_reader()


def test_a_scheduled_post_is_announced_at_its_time_and_once(
    client, django_capture_on_commit_callbacks
):
    follow(client, topic="news", label="news from Local Digital")
    at = timezone.now() + datetime.timedelta(days=3)
    NewsPostFactory(title="Round 8 opens", published_at=at)

    assert (
        _run_worker(django_capture_on_commit_callbacks, at=at - datetime.timedelta(minutes=1)) == []
    )
    assert _run_worker(django_capture_on_commit_callbacks, at=at) == [
        "Local Digital news: Round 8 opens"
    ]
    assert (
        _run_worker(django_capture_on_commit_callbacks, at=at + datetime.timedelta(hours=1)) == []
    )


def test_drafts_and_old_posts_are_not_announced(client, django_capture_on_commit_callbacks):
    follow(client, topic="news", label="news from Local Digital")
    NewsPostFactory(status=PublicationStatus.DRAFT)
    NewsPostFactory(published_at=timezone.now() - datetime.timedelta(days=30))

    assert _run_worker(django_capture_on_commit_callbacks) == []


def test_publishing_in_admin_announces_at_once(client, django_capture_on_commit_callbacks):
    follow(client, topic="news", label="news from Local Digital")
    post = NewsPostFactory(title="Councils share code", status=PublicationStatus.DRAFT)
    editor = Client()
    sign_in_staff(editor, content_editor_user())
    now = timezone.localtime()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            f"/admin/programme/newspost/{post.pk}/change/",
            {
                "title": post.title,
                "slug": post.slug,
                "summary": post.summary,
                "body": post.body,
                "status": PublicationStatus.PUBLISHED,
                "published_at_0": f"{now:%d/%m/%Y}",
                "published_at_1": f"{now:%H:%M:%S}",
                "slug_redirects-TOTAL_FORMS": "0",
                "slug_redirects-INITIAL_FORMS": "0",
            },
        )

    assert response.status_code == 302
    assert _to_reader() == ["Local Digital news: Councils share code"]


def test_a_published_event_is_announced_to_events_followers(
    client, django_capture_on_commit_callbacks
):
    follow(client, topic="events", label="Local Digital events")
    follow(client, topic="news", label="news", email="news-only@example.com")
    EventFactory(title="Show and tell")
    EventFactory(title="Not yet", status=PublicationStatus.DRAFT)

    assert _run_worker(django_capture_on_commit_callbacks) == ["Local Digital event: Show and tell"]
    assert not [email for email in mail.outbox if email.to == ["news-only@example.com"]]
    assert _run_worker(django_capture_on_commit_callbacks) == []
