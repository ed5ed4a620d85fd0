"""The moves staff make on a workflow's records from Django admin: a page per
move button, with what will happen, the fields the move needs, and a button
that posts it. Sign-ups (moderators) and bids (assessors) both use it.

The admin offers only the moves the workflow allows from the record's state,
and the workflow refuses the rest even if a stale page asks for them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse

from localdigital.core.admin_helpers import admin_page_url
from localdigital.core.workflow import IllegalMove, Workflow

# The name of the move pages among a model admin's pages (see admin_page).
MOVE_PAGE = "move"


@dataclass(frozen=True)
class StaffMove:
    """One move a member of staff can make from a record's admin page."""

    move: str
    label: str
    submit: str
    form_class: type[forms.Form]
    # explain(record): what the page says the move will do.
    explain: Callable[[models.Model], str]
    # perform(record, *, by, data): the service that makes the move.
    perform: Callable[..., None]
    # done(record): what staff are told once it is made.
    done: Callable[[models.Model], str]
    # form_kwargs(record): what the form needs besides its data, for a form
    # whose fields follow the record (such as one per criterion of its round).
    form_kwargs: Callable[[models.Model], dict] = lambda record: {}


def seen_state_field(choices, *, noun: str) -> forms.ChoiceField:
    """The state the member of staff saw when they opened the form.

    If the record has moved since, someone else has acted on it, and this
    decision was made about a record that no longer is as they saw it.
    """
    out_of_date = f"This page was out of date. Open the {noun} again."
    return forms.ChoiceField(
        choices=choices,
        widget=forms.HiddenInput,
        error_messages={"required": out_of_date, "invalid_choice": out_of_date},
    )


# What staff are told when a move is refused, by why: the record moved while
# they had its page open, or its state does not allow the move.
REFUSED_MESSAGES = {
    "stale": (
        "{reference} became {state} while you had it open, so it has not been changed. "
        "Check its history before you decide again."
    ),
    "not_allowed": "{reference} is {state}, so “{move}” is not possible. Nothing has been changed.",
}


def refused_message(record, staff_move: StaffMove, *, stale: bool = False) -> str:
    return REFUSED_MESSAGES["stale" if stale else "not_allowed"].format(
        reference=record.reference,
        state=record.get_state_display().lower(),
        move=staff_move.label,
    )


class StaffMoveAdminMixin:
    """The pages behind a ModelAdmin's buttons for its `staff_moves`.

    The admin lists their route in its get_urls, naming `object_id` and
    `move_name`: admin_page(self, "<path:object_id>/move/<slug:move_name>/",
    self.move_view, page=MOVE_PAGE). The page is `move_template`, which
    extends admin/staff_move.html and shows the record in its `record` block;
    `move_context()` gives it what it needs for that.
    """

    staff_moves: dict[str, StaffMove]
    workflow: Workflow
    move_template: str

    def has_move_permission(self, request, move_name: str | None = None) -> bool:
        """Whether this member of staff may make the move (or, with no move
        named, any of the staff moves): the workflow says which permission each needs."""
        names = [move_name] if move_name else list(self.staff_moves)
        return any(self.workflow.may_make(request.user, name) for name in names)

    def move_context(self, request, record) -> dict:
        return {}

    def move_url(self, record, move_name: str) -> str:
        return admin_page_url(self, MOVE_PAGE, object_id=record.pk, move_name=move_name)

    def move_links(self, request, record) -> list[dict]:
        """The moves this member of staff may make now, for the record's change page."""
        return [
            {"label": self.staff_moves[name].label, "url": self.move_url(record, name)}
            for name in self.workflow.allowed_moves(record.state)
            if name in self.staff_moves and self.has_move_permission(request, name)
        ]

    def move_view(self, request, object_id, move_name):
        """The form behind one move button (GET), and the move itself (POST)."""
        staff_move = self._permitted_move(request, move_name)
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404(f"No such {self.opts.verbose_name}.")
        change_url = admin_page_url(self, "change", record.pk)
        # Checked here so that a stale button never shows a form for a move
        # that cannot be made; the workflow checks again, under a lock, on POST.
        if move_name not in self.workflow.allowed_moves(record.state):
            self.message_user(request, refused_message(record, staff_move), messages.ERROR)
            return HttpResponseRedirect(change_url)

        form_kwargs = staff_move.form_kwargs(record)
        if request.method != "POST":
            form = staff_move.form_class(initial={"seen_state": record.state}, **form_kwargs)
        else:
            form = staff_move.form_class(request.POST, **form_kwargs)
            if form.is_valid():
                self._make_move(request, record, staff_move, form.cleaned_data)
                return HttpResponseRedirect(change_url)
        context = self._move_page_context(request, record, staff_move, form, change_url)
        return TemplateResponse(request, self.move_template, context)

    def _permitted_move(self, request, move_name: str) -> StaffMove:
        """The move the address names: not found if there is none such, refused
        without the permission the workflow says it needs."""
        staff_move = self.staff_moves.get(move_name)
        if staff_move is None:
            raise Http404("No such move.")
        if not self.has_move_permission(request, move_name):
            raise PermissionDenied
        return staff_move

    def _make_move(self, request, record, staff_move: StaffMove, data: dict) -> None:
        # The workflow refuses a move on a record that changed since it was
        # read: here, "read" is when it was shown to staff.
        record.state = data["seen_state"]
        try:
            staff_move.perform(record, by=request.user, data=data)
        except IllegalMove as refused:
            message = refused_message(record, staff_move, stale=refused.stale)
            self.message_user(request, message, messages.ERROR)
        else:
            self.message_user(request, staff_move.done(record), messages.SUCCESS)

    def _move_page_context(self, request, record, staff_move, form, change_url) -> dict:
        request.current_app = self.admin_site.name
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{staff_move.label}: {record.reference}",
            "record": record,
            "staff_move": staff_move,
            "explanation": staff_move.explain(record),
            "form": form,
            "change_url": change_url,
            "has_view_permission": self.has_view_permission(request, record),
            **self.move_context(request, record),
        }
