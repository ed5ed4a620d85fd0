"""Every write of project updates and case studies, one transaction each."""

from sharing.services.case_studies import (
    CaseStudyFields,
    case_study_decline,
    case_study_propose,
    case_study_publish,
    case_study_start,
    case_study_withdraw,
)
from sharing.services.updates import (
    UpdateFields,
    update_edit,
    update_hide,
    update_post,
    update_show,
)

__all__ = [
    "CaseStudyFields",
    "UpdateFields",
    "case_study_decline",
    "case_study_propose",
    "case_study_publish",
    "case_study_start",
    "case_study_withdraw",
    "update_edit",
    "update_hide",
    "update_post",
    "update_show",
]
