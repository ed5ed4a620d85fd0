from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    """The building blocks every app uses; it imports none of them.

    Its label stays "localdigital", the app it was split from, so the outbox's
    table, its migrations and its permissions keep their names.
    """

    name = "localdigital.core"
    label = "localdigital"
    verbose_name = "Local Digital"

    def ready(self):
        # A new release's migrations bump the content version.
        from localdigital.core.content_version import bump_after_every_migrate

        bump_after_every_migrate()


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, whose default site asks staff for a second factor.
    Named in INSTALLED_APPS in the admin's place; not this app's own config."""

    default = False
    default_site = "localdigital.core.staff_admin.StaffAdminSite"
