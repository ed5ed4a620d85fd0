from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The building blocks every app uses; it imports none of them.

    Its label stays "localdigital", the app it was split from, so the outbox's
    table, its migrations and its permissions keep their names.
    """

    name = "localdigital.core"
    label = "localdigital"
    verbose_name = "Local Digital"

    def ready(self):
        # Connects the bump that follows every migration (a new release).
        from localdigital.core import content_version  # noqa: F401
