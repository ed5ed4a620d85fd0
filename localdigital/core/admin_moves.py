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
from django.urls import path, reverse

from localdigital.core.workflow import IllegalMove, Workflow


@dataclass(frozen=True)
class StaffMove:
    """One move a member of staff can make from a record's admin page."""

    move: str
    label: str
    submit: str
    form_class: type[forms.Form]
    explain: Callable[[models.Model], str]
    # perform(record, *, by, data): the service that makes the move.
    perform: Callable[..., None]
    done: Callable[[models.Model], str]


def seen_state_field(choices, *, noun: str) -> forms.ChoiceField:
    """The state the member of staff saw when they opened the form.

    If the record has moved since, someone else has acted on it, and this
    decision was made about a record that no longer is as they saw it.
    """
    return forms.ChoiceField(
        choices=choices,
        widget=forms.HiddenInput,
        error_messages={
            "required": f"This page was out of date. Open the {noun} again.",
            "invalid_choice": f"This page was out of date. Open the {noun} again.",
        },
    )


def refused_message(record, staff_move: StaffMove, refused: IllegalMove | None = None) -> str:
    state = record.get_state_display().lower()
    if refused is not None and refused.stale:
        return (
            f"{record.reference} became {state} while you had it open, so it has not been "
            "changed. Check its history before you decide again."
        )
    return (
        f"{record.reference} is {state}, so “{staff_move.label}” is not possible. "
        "Nothing has been changed."
    )


class StaffMoveAdminMixin:
    """Adds /<id>/move/<move name>/ to a ModelAdmin for its `staff_moves`
    (put `move_urls()` before the admin's own URLs, whose catch-all would
    otherwise take them).

    The page is `move_template`, which extends admin/staff_move.html and
    shows the record in its `record` block; `move_context()` gives it what
    it needs for that.
    """

    staff_moves: dict[str, StaffMove]
    workflow: Workflow
    move_template: str
    # The word in the address: /<id>/<move_path>/<move name>/.
    move_path = "move"

    def has_move_permission(self, request, move_name: str | None = None) -> bool:
        """Whether this member of staff may make the move (or, with no move
        named, any of the staff moves): the workflow says which permission each needs."""
        names = [move_name] if move_name else list(self.staff_moves)
        return any(self.workflow.may_make(request.user, name) for name in names)

    def move_context(self, request, record) -> dict:
        return {}

    def move_url(self, record, move_name: str) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_move",
            kwargs={"object_id": record.pk, "move_name": move_name},
        )

    def move_links(self, request, record) -> list[dict]:
        """The moves this member of staff may make now, for the record's change page."""
        return [
            {"label": self.staff_moves[name].label, "url": self.move_url(record, name)}
            for name in self.workflow.allowed_moves(record.state)
            if name in self.staff_moves and self.has_move_permission(request, name)
        ]

    def move_urls(self) -> list:
        return [
            path(
                f"<path:object_id>/{self.move_path}/<slug:move_name>/",
                self.admin_site.admin_view(self.move_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_move",
            )
        ]

    def move_view(self, request, object_id, move_name):
        """The form behind one move button (GET), and the move itself (POST)."""
        staff_move = self.staff_moves.get(move_name)
        if staff_move is None:
            raise Http404("No such move.")
        if not self.has_move_permission(request, move_name):
            raise PermissionDenied
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404(f"No such {self.opts.verbose_name}.")
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[record.pk]
        )
        # Checked here so that a stale button never shows a form for a move
        # that cannot be made; the workflow checks again, under a lock, on POST.
        if move_name not in self.workflow.allowed_moves(record.state):
            self.message_user(request, refused_message(record, staff_move), messages.ERROR)
            return HttpResponseRedirect(change_url)

        if request.method == "POST":
            form = staff_move.form_class(request.POST)
            if form.is_valid():
                # The workflow refuses a move on a record that changed since it
                # was read: here, "read" is when it was shown to staff.
                record.state = form.cleaned_data["seen_state"]
                try:
                    staff_move.perform(record, by=request.user, data=form.cleaned_data)
                except IllegalMove as refused:
                    self.message_user(
                        request, refused_message(record, staff_move, refused), messages.ERROR
                    )
                else:
                    self.message_user(request, staff_move.done(record), messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        else:
            form = staff_move.form_class(initial={"seen_state": record.state})

        request.current_app = self.admin_site.name
        context = {
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
        return TemplateResponse(request, self.move_template, context)
