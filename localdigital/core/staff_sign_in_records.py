"""How long the records django-axes keeps of staff signing in are kept.

django-axes writes two kinds, each with the username given, the IP address,
the browser's user agent and the time:

- a wrong password (AccessAttempt), counted towards locking sign-in. It is
  needed only for the cool-off (AXES_COOLOFF_TIME): after that it no longer
  counts. Axes itself clears such records only when someone next signs in,
  so a quiet admin would keep them for ever; the scheduled task below
  deletes them within the hour.
- each sign-in and sign-out (AccessLog), kept SIGN_INS_KEPT_DAYS so that a
  sign-in nobody recognises can be looked into, then deleted.

Axes's separate log of every failure (AccessFailureLog) is off in settings,
so nothing else is written. The privacy notice states these limits
(templates/pages/privacy.html); a test holds the two to each other.
"""

import datetime

from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.utils import timezone

SIGN_INS_KEPT_DAYS = 90


def forget_old_sign_in_records(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Delete the wrong passwords that no longer count and the sign-ins older
    than SIGN_INS_KEPT_DAYS; say how many of each went."""
    now = now or timezone.now()
    attempts, _ = AccessAttempt.objects.filter(
        attempt_time__lt=now - settings.AXES_COOLOFF_TIME
    ).delete()
    sign_ins, _ = AccessLog.objects.filter(
        attempt_time__lt=now - datetime.timedelta(days=SIGN_INS_KEPT_DAYS)
    ).delete()
    return attempts, sign_ins
