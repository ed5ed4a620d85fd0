"""The words of the emails to the officer who proposed a case study: plain
text, GOV.UK style. Each returns (subject, body)."""

from localdigital.core.emails import SIGN_OFF
from localdigital.core.site_address import absolute_url
from sharing.case_models import CaseStudy


def _subject_title(case_study: CaseStudy) -> str:
    title = " ".join(case_study.title.split())
    return title if len(title) <= 120 else title[:119] + "…"


def received(case_study: CaseStudy) -> tuple[str, str]:
    subject = f"We have your case study: {_subject_title(case_study)}"
    body = f"""Hello,

Thank you for proposing the case study "{case_study.title}".

Reference: {case_study.reference}

The Local Digital team will read it, may edit its words, and will email you when it is published or if we decide not to publish it.

{SIGN_OFF}
"""
    return subject, body


def published(case_study: CaseStudy) -> tuple[str, str]:
    subject = f"Your case study is published: {_subject_title(case_study)}"
    body = f"""Hello,

The case study "{case_study.title}" ({case_study.reference}) is now published on Local Digital:

{absolute_url(case_study.get_absolute_url())}

We may have edited its words. If something is wrong, reply to this email.

{SIGN_OFF}
"""
    return subject, body


def declined(case_study: CaseStudy, *, reason: str) -> tuple[str, str]:
    subject = f"Your case study has not been published: {_subject_title(case_study)}"
    body = f"""Hello,

Thank you for proposing the case study "{case_study.title}" ({case_study.reference}). We have decided not to publish it.

Our reason:

{reason}

You can propose it again with changes.

{SIGN_OFF}
"""
    return subject, body
