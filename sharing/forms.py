"""The form an officer posts or edits an update with, and staff's reason for hiding one."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from funding.uploads import check_upload
from localdigital.core.forms import GovukForm
from sharing.models import UpdateKind
from sharing.services import UpdateFields

TITLE_LENGTH = 200
BODY_LENGTH = 20_000
MAX_LINKS = 10


class UpdateForm(GovukForm):
    error_anchors = {"kind": "kind"}

    kind = forms.ChoiceField(
        choices=UpdateKind.choices,
        error_messages={
            "required": "Select what kind of update this is",
            "invalid_choice": "Select what kind of update this is",
        },
    )
    title = forms.CharField(
        max_length=TITLE_LENGTH,
        error_messages={
            "required": "Enter a title",
            "max_length": f"The title must be {TITLE_LENGTH} characters or fewer",
        },
    )
    body = forms.CharField(
        max_length=BODY_LENGTH,
        error_messages={
            "required": "Enter the update",
            "max_length": f"The update must be {BODY_LENGTH:,} characters or fewer",
        },
    )
    links = forms.CharField(required=False, max_length=MAX_LINKS * 500)
    document = forms.FileField(
        required=False,
        error_messages={"invalid": "The selected file could not be read. Choose it again"},
    )

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload:
            # The same checks as a bid's attachments: by content, capped in size.
            self.document_kind = check_upload(upload)
        return upload

    def clean_title(self) -> str:
        # A title is one line: it becomes the subject of the followers' email.
        return " ".join(self.cleaned_data["title"].split())

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(f"Enter {MAX_LINKS} links or fewer", code="too_many_links")
        check = URLValidator(schemes=["https", "http"])
        for line in lines:
            try:
                check(line)
            except ValidationError:
                raise ValidationError(
                    "Enter each link as a full web address, like https://example.gov.uk/notes",
                    code="bad_link",
                ) from None
        return "\n".join(lines)

    def fields_for_service(self) -> UpdateFields:
        data = self.cleaned_data
        return UpdateFields(
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            links=data["links"],
            document=data.get("document") or None,
            document_kind=getattr(self, "document_kind", ""),
        )
