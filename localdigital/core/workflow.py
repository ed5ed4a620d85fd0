"""Workflows written as data: which move goes from which states to which, and
who may make it. A `Workflow` is the only way a record changes state and the
only writer of its history: it records a new record's first state (`start`),
refuses any move its table does not allow or that the person asking may not
make, and records every move it makes.

Sign-ups and bids each have a table (signatories.workflow, funding.workflow)
and share this engine, so the rules about stale pages, locking, permissions
and history are written once.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone


class Actor(StrEnum):
    OFFICER = "officer"
    APPROVER = "approver"
    MODERATOR = "moderator"
    ASSESSOR = "assessor"
    EDITOR = "editor"
    SYSTEM = "system"


# Actors who are members of staff, signed in to Django admin.
STAFF_ACTORS = frozenset({Actor.MODERATOR, Actor.ASSESSOR, Actor.EDITOR})


@dataclass(frozen=True)
class Move:
    """`name` takes a record from any of `sources` to `target`; `actor` may make it.

    Officers and approvers prove who they are by an emailed link or session,
    so the view that calls the service has checked them. Staff actors are
    members of staff: the workflow's `staff_permissions` says which Django
    permission each needs, and the engine checks it.
    """

    name: str
    sources: frozenset[str]
    target: str
    actor: Actor


class IllegalMove(Exception):
    """The record is not in a state from which this move may be made, or it
    has moved since the caller read it (`stale`)."""

    def __init__(self, record: models.Model, move_name: str, *, stale: bool = False):
        self.record = record
        self.move_name = move_name
        self.stale = stale
        noun = record._meta.verbose_name
        state = record.get_state_display().lower()
        if stale:
            message = f"The {noun} became {state} after it was read, so '{move_name}' was not made."
        else:
            message = f"A {noun} that is {state} cannot be moved by '{move_name}'."
        super().__init__(message)


class MoveNotPermitted(PermissionDenied):
    """The member of staff asking for a move lacks the permission its actor needs."""

    def __init__(self, *, user, move_name: str, permission: str):
        self.user = user
        self.move_name = move_name
        self.permission = permission
        super().__init__(
            f"{user.get_username()} may not make '{move_name}': it needs {permission}."
        )


class Workflow:
    """The moves of one model, recorded as rows of its history model.

    `history` is the model of state changes (a localdigital.core.models.
    StateChangeRecord) with a foreign key named `record_field` to the record.
    `staff_permissions` maps each staff actor of the table to the permission
    ("app_label.codename") a member of staff needs to make its moves.
    """

    def __init__(
        self,
        *,
        model: type[models.Model],
        history: type[models.Model],
        record_field: str,
        moves: Iterable[Move],
        staff_permissions: dict[Actor, str],
    ):
        self.model = model
        self.history = history
        self.record_field = record_field
        self.moves = {chosen.name: chosen for chosen in moves}
        self.staff_permissions = staff_permissions
        for chosen in self.moves.values():
            # A staff move with no permission to check would be open to all staff.
            if chosen.actor in STAFF_ACTORS and chosen.actor not in staff_permissions:
                raise ValueError(f"The move {chosen.name!r} names no permission for its actor.")

    def allowed_moves(self, state: str) -> list[str]:
        return [chosen.name for chosen in self.moves.values() if state in chosen.sources]

    def permission_for(self, move_name: str) -> str | None:
        """The permission a member of staff needs for the move; None for officers' moves."""
        return self.staff_permissions.get(self.moves[move_name].actor)

    def may_make(self, user, move_name: str) -> bool:
        permission = self.permission_for(move_name)
        return permission is not None and user.has_perm(permission)

    def check_permitted(self, user, move_name: str) -> None:
        """Raise MoveNotPermitted unless `user` may make the move.

        A move made by code rather than a person (the demo loader, a
        scheduled job) passes no user and is recorded under its actor's name.
        """
        permission = self.permission_for(move_name)
        if user is not None and permission is not None and not user.has_perm(permission):
            raise MoveNotPermitted(user=user, move_name=move_name, permission=permission)

    def start(self, record: models.Model, *, by_label: str, note: str = ""):
        """Record the first state of a record just created, as its first history row."""
        return self.history.objects.create(
            **{self.record_field: record},
            from_state="",
            to_state=record.state,
            by_label=self.fit_label(by_label),
            note=note,
            at=timezone.now(),
        )

    def fit_label(self, label: str) -> str:
        """`label` cut to fit the history's by_label.

        Labels are built from names people type ("<name> (officer)"), which
        may be as long as the name fields allow; PostgreSQL would refuse the
        overflow.
        """
        limit = self.history._meta.get_field("by_label").max_length
        return label if len(label) <= limit else label[: limit - 1] + "…"

    def move(
        self,
        record: models.Model,
        move_name: str,
        *,
        by_user=None,
        by_label: str = "",
        note: str = "",
        fields: dict | None = None,
    ):
        """Make `move_name` on `record` and record who, when and why; or raise
        IllegalMove, or MoveNotPermitted when `by_user` lacks the permission the
        move's actor needs.

        The row is locked and read again first, so two people acting at once
        cannot both move it. The move is also refused when the state saved
        differs from the state of the copy in hand: whoever decided on it
        decided on a record that has changed since.

        `fields` are written in the same UPDATE as the new state, for values
        the database requires of that state (a signed sign-up must have
        `signed_at`, or a CHECK constraint would refuse the move).
        """
        chosen = self.moves[move_name]
        self.check_permitted(by_user, move_name)
        with transaction.atomic():
            current = self.model.objects.select_for_update().get(pk=record.pk)
            if current.state not in chosen.sources or current.state != record.state:
                stale = current.state != record.state
                record.state = current.state
                raise IllegalMove(record, move_name, stale=stale)
            change = self._record(record, chosen, by_user=by_user, by_label=by_label, note=note)
            fields = fields or {}
            self.model.objects.filter(pk=record.pk).update(
                state=chosen.target, updated_at=change.at, **fields
            )
            record.state = chosen.target
            for name, value in fields.items():
                setattr(record, name, value)
        return change

    def _record(self, record: models.Model, chosen: Move, *, by_user, by_label: str, note: str):
        return self.history.objects.create(
            **{self.record_field: record},
            from_state=record.state,
            to_state=chosen.target,
            by_user=by_user,
            by_label=self.fit_label(
                by_label or (by_user.get_username() if by_user else chosen.actor.value)
            ),
            note=note,
            at=timezone.now(),
        )
