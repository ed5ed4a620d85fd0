"""A bid as the lists of bids show it: its title and its state as a tag."""

from funding.models import Bid, BidState

STATE_TAG_CLASSES = {
    BidState.DRAFT: "govuk-tag--grey",
    BidState.SUBMITTED: "govuk-tag--blue",
    BidState.IN_ASSESSMENT: "govuk-tag--light-blue",
    BidState.FUNDED: "govuk-tag--green",
    BidState.NOT_FUNDED: "govuk-tag--orange",
    BidState.WITHDRAWN: "govuk-tag--grey",
}


def state_tag(bid: Bid) -> dict:
    return {"text": bid.get_state_display(), "classes": STATE_TAG_CLASSES[bid.state]}


def bid_row(bid: Bid) -> dict:
    return {"bid": bid, "title": bid.title or "Untitled bid", "state_tag": state_tag(bid)}
