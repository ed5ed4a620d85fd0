"""The service performance page: figures worked out from sign-ups' real
histories, bids and feedback, the same in the page and in its open data."""

import csv
import io
import json

import pytest
import time_machine

from localdigital.core import content_version
from localdigital.pages import performance
from localdigital.pages.models import Feedback, PerformanceReport, Satisfaction
from tests.factories import RoundFactory, decided_bid, moderator_user
from tests.govuk_pages import text, title
from tests.localdigital.pages.sign_up_history import at, sign_up_through

NOW = at("2026-04-20", hour=12)


@pytest.fixture
def moderator(db):
    return moderator_user()


def month(figures, name):
    return next(row for row in figures["months"] if row["period"] == name)


def test_reviews_are_counted_in_working_days_against_the_target(
    moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    # Monday to Thursday: 3 working days, on target. Monday to Friday: 4, late.
    sign_up_through(capture, moderator, started=at("2026-03-02"), reviewed=at("2026-03-05"))
    sign_up_through(capture, moderator, started=at("2026-03-02"), reviewed=at("2026-03-06"))
    # Over Easter: Good Friday and Easter Monday are bank holidays, so Thursday
    # 2 April to Tuesday 7 April is 1 working day.
    sign_up_through(capture, moderator, started=at("2026-04-02"), reviewed=at("2026-04-07"))

    figures = performance.work_out(now=NOW)

    march = month(figures, "March 2026")
    assert march["reviews"] == 2
    assert march["review_median_working_days"] == 3
    assert march["review_90th_percentile_working_days"] == 4
    assert march["reviews_within_target_percent"] == 50
    april = month(figures, "April 2026")
    assert april["review_median_working_days"] == 1
    assert april["reviews_within_target_percent"] == 100
    assert figures["last_12_months"]["reviews"] == 3
    assert figures["last_12_months"]["reviews_within_target_percent"] == 67
    assert figures["target_working_days"] == 3


def test_completion_counts_sign_ups_signed_by_the_month_they_were_started(
    moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    sign_up_through(
        capture,
        moderator,
        started=at("2026-03-02"),
        reviewed=at("2026-03-03"),
        signed=at("2026-03-05", hour=22),
    )
    sign_up_through(capture, moderator, started=at("2026-03-10"), reviewed=at("2026-03-11"))
    sign_up_through(capture, moderator, started=at("2026-03-20"))

    figures = performance.work_out(now=NOW)

    march = month(figures, "March 2026")
    assert march["sign_ups_started"] == 3
    assert march["sign_ups_completed"] == 1
    assert march["completion_rate_percent"] == 33
    assert march["sign_offs"] == 1
    assert march["sign_off_median_days"] == 2.5
    assert month(figures, "April 2026")["sign_ups_started"] == 0
    assert month(figures, "April 2026")["completion_rate_percent"] is None


def test_the_months_are_the_last_twelve_in_uk_time(db):
    # 00:30 on 1 May in UK summer time is still 30 April in UTC.
    figures = performance.work_out(now=at("2026-04-30", hour=23).replace(minute=30))

    periods = [row["period"] for row in figures["months"]]
    assert periods[0] == "June 2025"
    assert periods[-1] == "May 2026"
    assert len(periods) == 12


def test_satisfaction_is_the_share_satisfied_or_very_satisfied(db):
    for answer in [
        Satisfaction.VERY_SATISFIED,
        Satisfaction.SATISFIED,
        Satisfaction.NEITHER,
        Satisfaction.VERY_DISSATISFIED,
    ]:
        Feedback.objects.create(satisfaction=answer, received_at=at("2026-04-10"))

    figures = performance.work_out(now=NOW)

    assert figures["last_12_months"]["feedback_responses"] == 4
    assert figures["last_12_months"]["satisfied_percent"] == 50


def test_bids_per_round_show_funded_only_once_decisions_are_published(db):
    decided = RoundFactory(name="Round 6", results_published=True)
    decided_bid(round=decided)
    decided_bid(round=decided, state="not_funded")
    waiting = RoundFactory(name="Round 7")
    decided_bid(round=waiting)

    rounds = {row["round"]: row for row in performance.work_out()["rounds"]}

    assert rounds["Round 6"]["bids_submitted"] == 2
    assert rounds["Round 6"]["bids_funded"] == 1
    assert rounds["Round 7"]["bids_submitted"] == 1
    assert rounds["Round 7"]["bids_funded"] is None


def test_recording_changes_the_public_pages_only_when_a_figure_changed(db):
    performance.record()
    before = content_version.current()

    performance.record()
    assert content_version.current() == before
    assert PerformanceReport.objects.count() == 1

    Feedback.objects.create(satisfaction=Satisfaction.SATISFIED)
    performance.record()
    assert content_version.current() > before


def test_the_page_shows_the_figures_and_links_to_them_as_open_data(
    client, moderator, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        sign_up_through(
            django_capture_on_commit_callbacks,
            moderator,
            started=at("2026-04-06"),
            reviewed=at("2026-04-08"),
        )
        Feedback.objects.create(satisfaction=Satisfaction.VERY_SATISFIED)
        performance.record()

    response = client.get("/performance/")

    assert response.status_code == 200
    assert title(response) == "Service performance – Local Digital"
    page = text(response)
    assert "Sign-ups started 1" in page
    assert "Median time to review a sign-up 2 working days" in page
    assert "Reviews finished within 3 working days 100%" in page
    assert "User satisfaction 100% satisfied or very satisfied (1 answers)" in page
    assert 'href="/performance.csv"' in response.content.decode()


def test_the_open_data_files_carry_the_same_figures(client, db):
    Feedback.objects.create(satisfaction=Satisfaction.DISSATISFIED)
    RoundFactory(name="Round 7")
    performance.record()
    figures = PerformanceReport.objects.get().figures

    rows = list(csv.DictReader(io.StringIO(client.get("/performance.csv").getvalue().decode())))
    document = json.loads(client.get("/performance.json").getvalue())
    rounds = list(
        csv.DictReader(io.StringIO(client.get("/performance-rounds.csv").getvalue().decode()))
    )

    assert len(rows) == 12
    assert rows[-1]["period"] == figures["months"][-1]["period"]
    assert rows[-1]["feedback_responses"] == "1"
    assert rows[-1]["satisfied_percent"] == "0"
    assert document["results"] == figures["months"]
    assert rounds[0]["round"] == "Round 7"
    assert rounds[0]["bids_funded"] == ""
    assert json.loads(client.get("/performance-rounds.json").getvalue())["count"] == 1


def test_before_the_worker_first_works_them_out_the_page_says_so(client, db):
    response = client.get("/performance/")

    assert response.status_code == 200
    assert "have not been worked out yet" in text(response)
    assert json.loads(client.get("/performance.json").getvalue())["count"] == 0
    assert not PerformanceReport.objects.exists()


@pytest.mark.parametrize("answers", [1, 30])
def test_the_page_reads_the_same_queries_whatever_the_figures(
    client, db, django_assert_num_queries, answers
):
    Feedback.objects.bulk_create(
        Feedback(satisfaction=Satisfaction.SATISFIED) for _ in range(answers)
    )
    performance.record()

    with django_assert_num_queries(1):  # the report
        assert client.get("/performance/").status_code == 200
