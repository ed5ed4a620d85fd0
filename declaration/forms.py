"""Form fields for choosing the declaration's principles, shared by every journey that asks."""

import re

from django import forms
from django.core.exceptions import ValidationError


class PrincipleNumbersField(forms.ModelMultipleChoiceField):
    """Principles chosen by their numbers; anything but a short number is refused unread.

    Django looks the posted values up with one IN query, and a made-up number
    too big for the database's integers (10**30, say) makes SQLite raise an
    OverflowError there, a server error, instead of finding nothing.
    """

    def _check_values(self, value):
        for number in value:
            if not re.fullmatch(r"[0-9]{1,4}", str(number)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": number},
                )
        return super()._check_values(value)
