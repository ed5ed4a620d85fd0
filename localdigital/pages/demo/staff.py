"""Demonstration staff for `make run`: one account for each staff role, so that
a newcomer can moderate, assess and edit content without creating accounts.

They share one development password, printed by `load_demo_content`: the
command runs only with DEBUG on, so these accounts never exist on a real site.
Each account enrols its second factor on first sign-in, like any staff account;
a newcomer without an authenticator app has `demo_sign_in_code` print the code
instead. `sign_in_instructions` says all this in the terminal (the README's
"make run" and "Staff accounts" sections say it too).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from localdigital.core.site_address import absolute_url

DEMO_STAFF_PASSWORD = "local-digital-demo"  # noqa: S105 (development only, printed)

# (username, first name, last name, group): the groups are made by migrations.
DEMO_STAFF = [
    ("demo.moderator", "Priya", "Shah", "Moderators"),
    ("demo.assessor", "Aisha", "Khan", "Fund assessors"),
    ("demo.fund-manager", "Tom", "Fisher", "Fund managers"),
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


def sign_in_instructions(accounts: list[tuple[str, str]]) -> list[str]:
    """How to sign in as the demo staff, printed by `make run` (load_demo_content)."""
    example = accounts[0][0] if accounts else "demo.moderator"
    return [
        f"Staff accounts, each with the password {DEMO_STAFF_PASSWORD}:",
        *(f"  {username} ({group})" for username, group in accounts),
        f"Sign in at {absolute_url(reverse('admin:index'))} with a username and that password,",
        "then a code from an authenticator app: the first time, scan the QR code the page shows.",
        "Without an app, run this before giving the password: it gives the account an app",
        "and prints the code that app shows now (a new one every 30 seconds):",
        f"  DEBUG=true .venv/bin/python manage.py demo_sign_in_code {example}",
    ]
