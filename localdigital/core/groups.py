"""Staff groups, created by data migrations so every installation has them."""

from django.contrib.auth.management import create_permissions


def create_group_with_permissions(apps, name: str, permissions: list[tuple[str, str]]) -> None:
    """Create (or update) group `name` holding exactly `permissions` (app label, codename).

    Django makes permissions after all migrations have run; a migration that
    needs them has to make them first.
    """
    group = _group_with_app_permissions_made(apps, name)
    group.permissions.set(_permissions(apps, permissions))


def add_permissions_to_group(apps, name: str, permissions: list[tuple[str, str]]) -> None:
    """Give group `name` (made if missing) these permissions too, beside those it holds."""
    group = _group_with_app_permissions_made(apps, name)
    group.permissions.add(*_permissions(apps, permissions))


def remove_permissions_from_group(apps, name: str, permissions: list[tuple[str, str]]) -> None:
    group = apps.get_model("auth", "Group").objects.filter(name=name).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps, permissions))


def _group_with_app_permissions_made(apps, name: str):
    for app_config in apps.get_app_configs():
        # create_permissions skips apps without models; a migration's app
        # configs have none set, so one is lent for the call and given back.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
    return group


def _permissions(apps, permissions: list[tuple[str, str]]) -> list:
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in permissions
    ]


def delete_group(apps, name: str) -> None:
    apps.get_model("auth", "Group").objects.filter(name=name).delete()
