from django.apps import AppConfig


class DeclarationConfig(AppConfig):
    name = "declaration"
    verbose_name = "The declaration"

    def ready(self):
        from declaration.models import Declaration, Principle, ServiceArea
        from localdigital.core.content_version import bump_on_change

        # Content editors change these in admin; every public page shows them.
        bump_on_change(Declaration, Principle, ServiceArea)
