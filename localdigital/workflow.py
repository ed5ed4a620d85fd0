"""Workflows written as data: which move goes from which states to which, and
who may make it. A `Workflow` is the only way a record changes state; it
refuses any move its table does not allow and records every move it makes.

Sign-ups and bids each have a table (signatories.workflow, funding.workflow)
and share this engine, so the rules about stale pages, locking and history
are written once.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.db import models, transaction
from django.utils import timezone


class Actor(StrEnum):
    OFFICER = "officer"
    APPROVER = "approver"
    MODERATOR = "moderator"
    ASSESSOR = "assessor"
    SYSTEM = "system"


@dataclass(frozen=True)
class Move:
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


class Workflow:
    """The moves of one model, recorded as rows of its history model.

    `history` is the model of state changes, with from_state, to_state,
    by_user, by_label, note and at, and a foreign key named `record_field`
    to the record.
    """

    def __init__(
        self,
        *,
        model: type[models.Model],
        history: type[models.Model],
        record_field: str,
        moves: Iterable[Move],
    ):
        self.model = model
        self.history = history
        self.record_field = record_field
        self.moves = {chosen.name: chosen for chosen in moves}

    def allowed_moves(self, state: str) -> list[str]:
        return [chosen.name for chosen in self.moves.values() if state in chosen.sources]

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
        """Make `move_name` on `record`, or raise IllegalMove; record who, when and why.

        The row is locked and read again first, so two people acting at once
        cannot both move it. The move is also refused when the state saved
        differs from the state of the copy in hand: whoever decided on the
        move decided on a record that has changed since (one member of staff
        approved it while another was rejecting it as it was).

        `fields` are written in the same UPDATE as the new state, for values
        the database requires of that state (a signed sign-up must have
        `signed_at`: set afterwards, a CHECK constraint would already have
        refused the move).
        """
        chosen = self.moves[move_name]
        with transaction.atomic():
            current = self.model.objects.select_for_update().get(pk=record.pk)
            if current.state not in chosen.sources or current.state != record.state:
                stale = current.state != record.state
                record.state = current.state
                raise IllegalMove(record, move_name, stale=stale)
            change = self.history.objects.create(
                **{self.record_field: record},
                from_state=current.state,
                to_state=chosen.target,
                by_user=by_user,
                by_label=self.fit_label(
                    by_label or (by_user.get_username() if by_user else chosen.actor.value)
                ),
                note=note,
                at=timezone.now(),
            )
            fields = fields or {}
            self.model.objects.filter(pk=record.pk).update(
                state=chosen.target, updated_at=change.at, **fields
            )
            record.state = chosen.target
            for name, value in fields.items():
                setattr(record, name, value)
        return change
