"""The fund in Django admin: content editors set up funds and rounds;
assessors read the frozen copy of each submitted bid, score it, comment on it
and record the outcome.

One module a job: rounds (funds, rounds and their CSV export), bids (the list
of bids and a bid's page), moves (the assessors' buttons), scores (the score
page and the summary of everyone's scores) and frozen_copy (the bid as it was
submitted). A bid's state changes only through the buttons on its page, which
go through funding.services and so through the workflow, which refuses moves
it does not allow, even from a page that has gone stale.
"""

# Django imports funding.admin; importing these registers their ModelAdmins.
from funding.admin import bids, expressions, rounds

__all__ = ["bids", "expressions", "rounds"]
