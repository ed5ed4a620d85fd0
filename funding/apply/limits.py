"""How often each page of the officer's journey may be used from one place
(localdigital.core.ratelimit). Pages that share a scope share one count."""

# Asking for a sign-in link sends an email. A council's officers often share
# one outgoing address, and on a round's last day many may sign in within the
# hour; the service also limits the links sent to any one email address, per
# visitor asking and in all (funding.services.sign_in), so a flood still
# reaches nobody's inbox.
SIGN_IN_LIMIT = {"scope": "fund-sign-in", "limit": 40, "per_seconds": 60 * 60}
# Pressing the button on a link's page; each link works once.
LINK_LIMIT = {"scope": "fund-sign-in-link", "limit": 60, "per_seconds": 60 * 60}
# Answering the eligibility questions and signing out.
QUESTION_LIMIT = {"scope": "fund-questions", "limit": 60, "per_seconds": 10 * 60}
# Submitting and withdrawing, which email the officers and partners.
BID_EMAIL_LIMIT = {"scope": "fund-bid-email", "limit": 40, "per_seconds": 60 * 60}
# Saving sections is what an officer does all afternoon: enough for a long
# session of small saves, far too few to flood the database.
SECTION_LIMIT = {"scope": "bid-sections", "limit": 300, "per_seconds": 10 * 60}
# Each upload writes up to ATTACHMENT_MAX_BYTES to disk, so fewer of them.
UPLOAD_LIMIT = {"scope": "bid-uploads", "limit": 30, "per_seconds": 60 * 60}
