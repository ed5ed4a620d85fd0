"""How often one address may post the journey's forms (localdigital.core.ratelimit)."""

# Enough for a person answering every question, correcting mistakes and
# changing answers several times; far too few to flood the site.
QUESTION_LIMIT = {"scope": "sign-questions", "limit": 60, "per_seconds": 10 * 60}
# Pages whose POST sends an email: few are ever needed.
EMAIL_LIMIT = {"scope": "sign-email", "limit": 5, "per_seconds": 60 * 60}
# Pages opened from an emailed link; each link works once, so a handful is plenty.
LINK_LIMIT = {"scope": "sign-links", "limit": 20, "per_seconds": 60 * 60}
