from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = "News, events and programme pages"

    def ready(self):
        from localdigital.core.content_version import bump_on_change
        from programme.models import CoPublisher, Event, NewsPost, ProgrammePage

        # Content editors change these in admin; the public pages show them.
        # (A scheduled post needs no save at its time: see programme.freshness.)
        bump_on_change(NewsPost, Event, ProgrammePage, CoPublisher)
