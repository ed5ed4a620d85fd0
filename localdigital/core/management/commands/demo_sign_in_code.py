from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from localdigital.core import staff_devices


class Command(BaseCommand):
    help = (
        "Print the code a staff account's authenticator app would show now, for "
        "signing in to a demo site without a phone (an account with no app yet is "
        "given one). Only with DEBUG on: on a real site, codes come from the "
        "person's own app."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("Only for demo sites: DEBUG is off.")
        user = get_user_model().objects.filter(username=username, is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff account {username!r}.")
        device = staff_devices.authenticator(user)
        if device is None and not staff_devices.has_second_factor(user):
            device = staff_devices.add_authenticator(user)
            self.stderr.write(f"{username} had no authenticator app: gave them one.")
        if device is None:
            raise CommandError(f"{username} has recovery codes but no app: use a recovery code.")
        self.stdout.write(staff_devices.code_now(device))
