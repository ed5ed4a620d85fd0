"""Staff groups, created by data migrations so every installation has them."""

from django.contrib.auth.management import create_permissions


def create_group_with_permissions(apps, name: str, permissions: list[tuple[str, str]]) -> None:
    """Create (or update) group `name` holding exactly `permissions` (app label, codename).

    Django makes permissions after all migrations have run; a migration that
    needs them has to make them first.
    """
    _create_permissions(apps)
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
    group.permissions.set(_permissions(apps, permissions))


def grant_to_groups(apps, names: list[str], permissions: list[tuple[str, str]]) -> None:
    """Add `permissions` (app label, codename) to each existing group of `names`,
    keeping what they already hold: for a new app whose records existing groups read."""
    _create_permissions(apps)
    granted = _permissions(apps, permissions)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=names):
        group.permissions.add(*granted)


def _create_permissions(apps) -> None:
    """Make every model's permissions now, rather than after the last migration."""
    for app_config in apps.get_app_configs():
        # create_permissions skips apps without models; a migration's app
        # configs have none set, so one is lent for the call and given back.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def _permissions(apps, permissions: list[tuple[str, str]]) -> list:
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in permissions
    ]


def delete_group(apps, name: str) -> None:
    apps.get_model("auth", "Group").objects.filter(name=name).delete()
