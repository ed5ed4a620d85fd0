"""The worker's scheduled jobs (celery beat), read by settings.CELERY_BEAT_SCHEDULE.

Times are UK time (CELERY_TIMEZONE). Each job is safe to run twice: what it
sends or deletes is recorded, so a second run finds nothing to do.
"""

from celery.schedules import crontab


def beat_schedule(env) -> dict:
    return {
        "send-due-email": {
            "task": "localdigital.core.tasks.send_due_outbox_emails",
            "schedule": env.float("OUTBOX_SWEEP_SECONDS", default=60.0),
        },
        "purge-unconfirmed-sign-ups": {
            "task": "signatories.tasks.purge_unconfirmed_sign_ups",
            "schedule": crontab(hour=3, minute=15),
        },
        # Hourly, so that a wrong password is gone within the hour after it stops
        # counting towards a lock (as the privacy notice says).
        "forget-old-staff-sign-ins": {
            "task": "localdigital.core.tasks.forget_old_staff_sign_ins",
            "schedule": env.float("STAFF_SIGN_IN_SWEEP_SECONDS", default=60.0 * 60),
        },
        # Eleven months after signing, each signatory is asked how its declaration
        # project went, and reminded once two weeks later (signatories.services.reports).
        "ask-for-project-reports": {
            "task": "signatories.tasks.ask_for_project_reports",
            "schedule": crontab(hour=9, minute=0),
        },
        # The service performance figures (localdigital.pages.performance).
        "record-service-performance": {
            "task": "localdigital.pages.tasks.record_service_performance",
            "schedule": crontab(minute=5),
        },
        # The fund's reminders (funding.tasks): each is sent once, whenever it runs.
        "remind-officers-of-closing-rounds": {
            "task": "funding.tasks.remind_officers_of_closing_rounds",
            "schedule": crontab(minute="*/15"),
        },
        # A round opening, and a week before it closes, to the fund's followers.
        "announce-fund-rounds": {
            "task": "funding.tasks.announce_fund_rounds",
            "schedule": crontab(minute="*/15"),
        },
        "remind-assessors-of-due-assessments": {
            "task": "funding.tasks.remind_assessors_of_due_assessments",
            "schedule": crontab(minute=30),
        },
        # Following by email (subscriptions): the sweep for announcements whose
        # worker message was lost, the weekly digest, and forgetting requests
        # nobody confirmed.
        "send-unsent-announcements": {
            "task": "subscriptions.tasks.send_unsent_announcements",
            "schedule": 60.0 * 5,
        },
        "send-weekly-digests": {
            "task": "subscriptions.tasks.send_weekly_digests",
            "schedule": crontab(day_of_week="mon", hour=7, minute=0),
        },
        "forget-unconfirmed-followers": {
            "task": "subscriptions.tasks.forget_unconfirmed_followers",
            "schedule": crontab(hour=3, minute=45),
        },
        # News posts as they go live (a scheduled one at its time), and events
        # once published, to their followers (programme.services.announcing).
        "announce-programme-news-and-events": {
            "task": "programme.tasks.announce_programme_news_and_events",
            "schedule": 60.0,
        },
        # Bulletins still sending whose next batch was never asked for (the
        # broker was down, or the worker stopped): each resumes where it stopped.
        "resume-bulletins": {
            "task": "subscriptions.tasks.resume_bulletins",
            "schedule": 60.0,
        },
    }
