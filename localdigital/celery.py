"""The background worker: Celery, which sends the outbox and runs the scheduled jobs.

Celery because it brings what the site needs and would otherwise write: a
broker protocol that hands each message to one worker, a scheduler (beat) for
the jobs that run every minute or every night, and years of use with Django
and Redis. Tasks are found in each app's tasks.py.

    celery -A localdigital worker    # as many as wanted, on any host
    celery -A localdigital beat      # exactly one: it only says when jobs are due
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localdigital.settings")

app = Celery("localdigital")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
