"""The background worker, as production runs it: real Celery worker processes
on Redis, real mail servers on loopback, the test's own database."""

import datetime
import email
import email.policy
import os
import time

import pytest
import redis
from axes.models import AccessLog
from django.db import transaction
from django.utils import timezone

from localdigital.celery import app as celery_app
from localdigital.core.models import OutboundEmail
from localdigital.core.outbox import queue_email
from localdigital.core.tasks import send_outbox_email
from tests.factories import OrganisationFactory
from tests.processes import (
    celery_scheduler,
    celery_worker,
    collecting_smtp_server,
    free_port,
    silent_smtp_server,
    wait_until,
    worker_environment,
)
from tests.signatories.sign.sign_up_journey import answer_everything

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("site_content")]


@pytest.fixture
def broker(monkeypatch):
    """Tasks queued by this test go to Redis, for worker processes to take.

    Each parallel test process has a Redis database of its own, emptied first.
    (Celery reads CELERY_BROKER_URL from the environment before its settings.)
    """
    number = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    url = f"redis://127.0.0.1:6379/{14 - number % 8}"
    redis.Redis.from_url(url).flushdb()
    monkeypatch.setenv("CELERY_BROKER_URL", url)
    celery_app.conf.update(broker_url=url, task_always_eager=False, broker_transport_options={})
    # Forget any connection made to another broker, as Celery does in a forked worker.
    celery_app._after_fork()
    yield url
    celery_app.conf.update(task_always_eager=True)
    celery_app._after_fork()


def subjects(messages: list[bytes]) -> list[str]:
    return sorted(
        email.message_from_bytes(message, policy=email.policy.default)["Subject"].strip()
        for message in messages
    )


def test_two_workers_on_one_queue_send_every_message_exactly_once(broker, tmp_path):
    port = free_port()
    environment = worker_environment(
        queue="localdigital", smtp_port=port, broker=broker, WORKER_LOG_DIR=str(tmp_path)
    )
    with collecting_smtp_server(port) as sink:
        with transaction.atomic():
            queued = [
                queue_email(
                    to=f"officer{n}@example.gov.uk",
                    subject=f"Message {n}",
                    body=f"Hello. Reference T-{n}.",
                    reference=f"T-{n}",
                )
                for n in range(30)
            ]
        # Each message asked for a second time, as a sweep might while the
        # first request is still in the queue.
        for message in queued:
            send_outbox_email.delay(message.pk)
        with (
            celery_worker(environment, name="first", concurrency=3),
            celery_worker(environment, name="second", concurrency=3),
        ):
            wait_until(
                lambda: not OutboundEmail.objects.exclude(state=OutboundEmail.State.SENT).exists(),
                timeout=90,
                message="every message is sent",
            )
            queue = redis.Redis.from_url(broker)
            wait_until(lambda: queue.llen("localdigital") == 0, timeout=30, message="queue empty")
            time.sleep(1)  # long enough for a duplicate in hand to be sent, were it to be
    assert subjects(sink.messages) == sorted(f"Message {n}" for n in range(30))


def test_a_mail_server_that_never_answers_holds_up_nobody_and_mail_goes_once_it_recovers(
    client, broker, tmp_path
):
    port = free_port()
    organisation = OrganisationFactory()
    environment = worker_environment(
        queue="localdigital",
        smtp_port=port,
        broker=broker,
        WORKER_LOG_DIR=str(tmp_path),
        OUTBOX_SWEEP_SECONDS="1",
        OUTBOX_FIRST_RETRY_SECONDS="1",
        CELERY_BEAT_SCHEDULE_FILENAME=str(tmp_path / "beat-schedule"),
    )
    with celery_worker(environment, name="patient", beat=True):
        with silent_smtp_server(port):
            answer_everything(client, organisation)
            started = time.monotonic()
            sent = client.post("/sign/check-answers/")
            sign_up_took = time.monotonic() - started
            started = time.monotonic()
            health = client.get("/healthz")
            health_took = time.monotonic() - started

            assert sent.status_code == 302
            assert sign_up_took < 1
            assert health.status_code == 200 and health_took < 1
            wait_until(
                lambda: "timed out" in OutboundEmail.objects.get().last_error,
                timeout=60,
                message="the worker gives up waiting for the silent mail server",
            )
            assert OutboundEmail.objects.get().state == OutboundEmail.State.QUEUED

        with collecting_smtp_server(port) as sink:
            wait_until(
                lambda: OutboundEmail.objects.get().state == OutboundEmail.State.SENT,
                timeout=60,
                message="the worker retries and the recovered server takes the message",
            )
    confirmation = OutboundEmail.objects.get()
    assert confirmation.attempts >= 2
    assert subjects(sink.messages) == [confirmation.subject]


def test_the_scheduler_has_a_worker_send_what_was_left_in_the_outbox(broker, tmp_path):
    port = free_port()
    environment = worker_environment(
        queue="localdigital",
        smtp_port=port,
        broker=broker,
        WORKER_LOG_DIR=str(tmp_path),
        OUTBOX_SWEEP_SECONDS="1",
        CELERY_BEAT_SCHEDULE_FILENAME=str(tmp_path / "beat-schedule"),
    )
    # Written straight to the table, as if the first try had been lost with a
    # broker that was down: only the scheduler's sweep will send it.
    OutboundEmail.objects.create(
        to_address="officer@example.gov.uk",
        subject="Left in the outbox",
        body="Reference T-1.",
        reference="T-1",
    )
    with (
        collecting_smtp_server(port) as sink,
        celery_worker(environment, name="worker"),
        celery_scheduler(environment),
    ):
        wait_until(
            lambda: OutboundEmail.objects.get().state == OutboundEmail.State.SENT,
            timeout=60,
            message="the scheduler's sweep has the worker send it",
        )
    assert subjects(sink.messages) == ["Left in the outbox"]


def test_the_scheduler_has_a_worker_delete_staff_sign_ins_past_keeping(broker, tmp_path):
    environment = worker_environment(
        queue="localdigital",
        smtp_port=free_port(),
        broker=broker,
        WORKER_LOG_DIR=str(tmp_path),
        STAFF_SIGN_IN_SWEEP_SECONDS="1",
        CELERY_BEAT_SCHEDULE_FILENAME=str(tmp_path / "beat-schedule"),
    )
    for username in ("long-ago", "today"):
        AccessLog.objects.create(username=username, ip_address="192.0.2.1", user_agent="test")
    AccessLog.objects.filter(username="long-ago").update(
        attempt_time=timezone.now() - datetime.timedelta(days=91)
    )
    with celery_worker(environment, name="worker"), celery_scheduler(environment):
        wait_until(
            lambda: not AccessLog.objects.filter(username="long-ago").exists(),
            timeout=60,
            message="the scheduler's sweep has the worker delete the old sign-in",
        )
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["today"]
