"""The base of every public form: what the GOV.UK macros need from a form, and
the honeypot that every journey checks."""

from django import forms

# Not a real field: people never see it, automated form-fillers fill it in.
HONEYPOT_FIELD = "website"


def honeypot_filled(request) -> bool:
    """Whether the hidden field that only automated form-fillers see has been filled in.

    Such a post is answered as if it had worked, saving nothing: a bot that is
    told it failed tries again, differently; one that thinks it succeeded moves on.
    """
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


class GovukForm(forms.Form):
    """A form that gives the GOV.UK macros what they need: error messages and summaries."""

    # The id of the element the error summary links to, when it is not the field's name
    # (radios and checkboxes: the GOV.UK macros give the first box the id prefix).
    error_anchors: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def error_message(self, name: str) -> dict | None:
        errors = self.errors.get(name)
        return {"text": errors[0]} if errors else None

    def error_list(self) -> list[dict]:
        """The error summary's entries, in the order the fields appear on the page."""
        entries = []
        for name in self.fields:
            if name in self.errors:
                anchor = self.error_anchors.get(name, name)
                entries.append({"text": self.errors[name][0], "href": f"#{anchor}"})
        for message in self.non_field_errors():
            entries.append({"text": message, "href": f"#{next(iter(self.fields))}"})
        return entries

    def value(self, name: str):
        """What to show in a field: what was typed (after an error) or the saved answer."""
        if self.is_bound:
            return self[name].value()
        return self.initial.get(name, "")
