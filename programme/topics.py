"""The topics of email updates the programme's voice owns, and their labels
(subscriptions' keys): news posts and events."""

NEWS_TOPIC = "news"
NEWS_LABEL = "news from Local Digital"
EVENTS_TOPIC = "events"
EVENTS_LABEL = "Local Digital events"
