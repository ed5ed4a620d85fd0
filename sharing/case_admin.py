"""Staff's screens for case studies: the proposals waiting (filter by state),
the words to edit before publishing, the outcomes, the history (read only),
and Publish / Decline / Unpublish as buttons (localdigital.core.admin_moves),
which go through sharing.services and so through the workflow engine.

Staff may also write a case study here: it starts proposed, and they publish
it with the same button.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote

from funding.models import Bid
from localdigital.core.admin_helpers import ReadOnlyInlineMixin, admin_page
from localdigital.core.admin_moves import (
    MOVE_PAGE,
    StaffMove,
    StaffMoveAdminMixin,
    seen_state_field,
)
from sharing import services
from sharing.case_models import CaseStudy, CaseStudyState, CaseStudyStateChange, Outcome
from sharing.case_workflow import CASE_STUDY_WORKFLOW, STAFF_MOVE_LABELS
from signatories.models import Commitment, Organisation, SignUpState


class NoteForm(forms.Form):
    seen_state = seen_state_field(CaseStudyState.choices, noun="case study")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Kept in the case study's history.",
    )


class DeclineForm(forms.Form):
    seen_state = seen_state_field(CaseStudyState.choices, noun="case study")
    note = forms.CharField(
        label="Reason for declining it",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Emailed to the officer who proposed it, and kept in its history.",
        error_messages={"required": "Enter the reason for declining the case study."},
    )


class WithdrawForm(DeclineForm):
    note = forms.CharField(
        label="Reason for unpublishing it",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Kept in the case study's history. The officer is not emailed.",
        error_messages={"required": "Enter the reason for unpublishing the case study."},
    )


def _proposer(case_study) -> str:
    return case_study.proposed_by_email or "nobody: staff wrote it"


CASE_STUDY_MOVES = {
    "publish": StaffMove(
        move="publish",
        label=STAFF_MOVE_LABELS["publish"],
        submit="Publish the case study",
        form_class=NoteForm,
        explain=lambda c: (
            "It will be shown on /case-studies/, the home page, in search and the open data, "
            f"as its words are now. We will email {_proposer(c)}."
        ),
        perform=lambda c, *, by, data: services.case_study_publish(
            case_study=c, by_user=by, note=data["note"]
        ),
        done=lambda c: f"{c.reference} is published.",
    ),
    "decline": StaffMove(
        move="decline",
        label=STAFF_MOVE_LABELS["decline"],
        submit="Decline the case study",
        form_class=DeclineForm,
        explain=lambda c: f"It will not be published. We will email {_proposer(c)} your reason.",
        perform=lambda c, *, by, data: services.case_study_decline(
            case_study=c, by_user=by, reason=data["note"]
        ),
        done=lambda c: f"{c.reference} is declined.",
    ),
    "withdraw": StaffMove(
        move="withdraw",
        label=STAFF_MOVE_LABELS["withdraw"],
        submit="Unpublish the case study",
        form_class=WithdrawForm,
        explain=lambda c: "It will leave every public page and file, and wait as proposed.",
        perform=lambda c, *, by, data: services.case_study_withdraw(
            case_study=c, by_user=by, reason=data["note"]
        ),
        done=lambda c: f"{c.reference} is unpublished.",
    ),
}


class OutcomeInline(admin.TabularInline):
    model = Outcome
    extra = 1
    fields = ["measure", "figure", "position"]


class CaseStudyStateChangeInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = CaseStudyStateChange
    verbose_name_plural = "History"
    fields = ["at", "from_state", "to_state", "by_label", "by_user", "note"]
    readonly_fields = fields


@admin.register(CaseStudy)
class CaseStudyAdmin(StaffMoveAdminMixin, admin.ModelAdmin):
    list_display = ["title", "state", "service_area", "proposed_by_email", "created_at"]
    list_filter = ["state", "service_area", "principles"]
    search_fields = ["title", "summary", "councils__name", "proposed_by_email"]
    list_select_related = ["service_area"]
    date_hierarchy = "created_at"
    # Lists to choose from rather than searches, so that staff who may not
    # read organisations or bids in admin can still choose them.
    filter_horizontal = ["councils", "principles", "funded_projects", "declaration_projects"]
    readonly_fields = ["state", "proposed_by_email", "published_at"]
    fields = [
        "title",
        "councils",
        "principles",
        "service_area",
        "summary",
        "problem",
        "what_was_done",
        "funded_projects",
        "declaration_projects",
        *readonly_fields,
    ]
    inlines = [OutcomeInline, CaseStudyStateChangeInline]
    staff_moves = CASE_STUDY_MOVES
    workflow = CASE_STUDY_WORKFLOW
    move_template = "admin/sharing/casestudy/move.html"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "councils":
            kwargs["queryset"] = Organisation.objects.councils().order_by("name")
        if db_field.name == "funded_projects":
            # Only funded projects of published rounds have a public page.
            kwargs["queryset"] = Bid.objects.funded().order_by("reference")
        if db_field.name == "declaration_projects":
            # Only signatories' projects are public, on their signatory pages.
            kwargs["queryset"] = Commitment.objects.filter(
                sign_up__state=SignUpState.SIGNED
            ).select_related("sign_up__organisation")
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            field.label_from_instance = lambda c: f"{c.sign_up.organisation.name}: {c.title}"
            return field
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.case_study_start(obj, by_user=request.user)

    def get_urls(self):
        move_page = admin_page(
            self, "<path:object_id>/move/<slug:move_name>/", self.move_view, page=MOVE_PAGE
        )
        return [move_page, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        case_study = self.get_object(request, unquote(object_id))
        if case_study is not None:
            extra_context = {
                **(extra_context or {}),
                "move_links": self.move_links(request, case_study),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def move_context(self, request, case_study) -> dict:
        return {"subtitle": case_study.title}
