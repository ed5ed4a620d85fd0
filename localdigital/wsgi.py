import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localdigital.settings")

application = get_wsgi_application()


def _refuse_to_serve_without_a_secret_key() -> None:
    # Django raises only when the key is first read, which would be the first
    # signed cookie of some visitor; better not to start at all.
    try:
        has_key = bool(settings.SECRET_KEY)
    except ImproperlyConfigured:
        has_key = False
    if not has_key:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development).")


_refuse_to_serve_without_a_secret_key()
