"""The fund's topic of email updates (a subscriptions key) and its label:
a round opening, and its deadline coming up."""

FUND_ROUNDS_TOPIC = "fund-rounds"
FUND_ROUNDS_LABEL = "Local Digital Fund rounds and deadlines"
