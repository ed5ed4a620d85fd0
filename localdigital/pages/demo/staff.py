"""Demonstration staff for `make run`: one account for each staff role, so that
a newcomer can moderate, assess and edit content without creating accounts.

They share one development password, printed by `load_demo_content`: the
command runs only with DEBUG on, so these accounts never exist on a real site.
Each account enrols its second factor on first sign-in, like any staff account.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_STAFF_PASSWORD = "local-digital-demo"  # noqa: S105 (development only, printed)

# (username, first name, last name, group): the groups are made by migrations.
DEMO_STAFF = [
    ("demo.moderator", "Priya", "Shah", "Moderators"),
    ("demo.assessor", "Aisha", "Khan", "Fund assessors"),
    ("demo.content-editor", "Chris", "Evans", "Content editors"),
]


def create_demo_staff() -> list[tuple[str, str]]:
    """Make whichever account is missing; return every (username, group) for the terminal."""
    User = get_user_model()
    accounts = []
    for username, first_name, last_name, group_name in DEMO_STAFF:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username.removeprefix('demo.')}@localdigital.test",
                "is_staff": True,
            },
        )
        if created:
            user.set_password(DEMO_STAFF_PASSWORD)
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=group_name))
        accounts.append((username, group_name))
    return accounts
