"""The fund in Django admin: content editors set up funds and rounds;
assessors read the frozen copy of each submitted bid, score it, comment on it
and record the outcome.

One module a job: rounds (funds, rounds and their CSV export), ranking (a
round's bids by agreed score, with its funding line), bids (the list of bids
and a bid's page), moves (the assessors' buttons, and the decision's form),
scores (the score page and the summary of everyone's scores), agreed_scores
(the panel's agreed scores), grants (the decision as recorded, the grant
agreement and payments), frozen_copy (the bid as it was submitted),
assignments (each bid's assessors, and the refusal a conflicted one meets),
my_assessments (an assessor's own list), conflicts (every conflict of
interest) and assessor_profiles (an assessor's organisation, in the user
admin). A bid's state changes only through the buttons on its page, which
go through funding.services and so through the workflow, which refuses moves
it does not allow, even from a page that has gone stale.
"""

# Django imports funding.admin; importing these registers their ModelAdmins.
from funding.admin import assessor_profiles, bids, conflicts, expressions, rounds

__all__ = ["assessor_profiles", "bids", "conflicts", "expressions", "rounds"]
