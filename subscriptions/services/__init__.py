"""Every write of the subscriptions app, one transaction each."""

from subscriptions.services.bulletins import (
    NoEmailAddress,
    bulletin_send_test,
    bulletin_start_sending,
    resume_bulletins,
    send_bulletin_batch,
)
from subscriptions.services.following import (
    CONFIRM_DAYS,
    follow_confirm,
    follow_request,
    follow_topics_request,
    forget_unconfirmed,
    subscriber_delete,
    subscription_remove,
    subscription_set_frequency,
)
from subscriptions.services.sending import (
    announce,
    announcement_send,
    announcement_withdraw,
    send_unsent_announcements,
    send_weekly_digests,
)

__all__ = [
    "CONFIRM_DAYS",
    "NoEmailAddress",
    "bulletin_send_test",
    "bulletin_start_sending",
    "resume_bulletins",
    "send_bulletin_batch",
    "announce",
    "announcement_send",
    "announcement_withdraw",
    "follow_confirm",
    "follow_request",
    "follow_topics_request",
    "forget_unconfirmed",
    "send_unsent_announcements",
    "send_weekly_digests",
    "subscriber_delete",
    "subscription_remove",
    "subscription_set_frequency",
]
