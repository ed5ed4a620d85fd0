"""Every write of project updates, one transaction each."""

from sharing.services.updates import (
    UpdateFields,
    update_edit,
    update_hide,
    update_post,
    update_show,
)

__all__ = ["UpdateFields", "update_edit", "update_hide", "update_post", "update_show"]
