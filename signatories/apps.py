from django.apps import AppConfig


class SignatoriesConfig(AppConfig):
    name = "signatories"
    verbose_name = "Signatories"

    def ready(self):
        from localdigital.core.content_version import bump_on_change
        from signatories.models import DeliveryReport, Organisation

        # Moderators edit organisations in admin (and the register import
        # updates them): their names are on every signatory's page. Sign-ups
        # raise the version in their services, when they are signed or removed.
        # A report on a declaration project is published as soon as it is sent.
        bump_on_change(Organisation, DeliveryReport)
