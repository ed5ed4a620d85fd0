"""The rules of reporting on a declaration project: when the officer is asked,
reminded and overdue, and the answers they choose from."""

import datetime

from django.db import models

# The project is to be delivered within a year of signing: the officer is asked
# how it went eleven months on, reminded two weeks later, and the report is
# overdue once the year is up.
ASK_AFTER = datetime.timedelta(days=334)
REMIND_AFTER = datetime.timedelta(days=14)
DUE_AFTER = datetime.timedelta(days=365)
# Links to what was delivered, at most.
MAX_LINKS = 5
# The projects list's filter value for a project not reported on yet.
NOT_REPORTED = "not_reported"


class Delivery(models.TextChoices):
    DELIVERED = "delivered", "Delivered"
    PARTLY = "partly", "Partly delivered"
    NOT_DELIVERED = "not_delivered", "Not delivered"
