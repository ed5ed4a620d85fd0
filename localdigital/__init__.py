# Loaded with Django, so that tasks queued from the web process use the site's
# Celery app and its settings.
from localdigital.celery import app as celery_app

__all__ = ["celery_app"]
