"""What the sign-up services refuse, as data: each refusal carries the values
its message needs, by name, never the message. The pages word them
(signatories.sign.messages)."""


class Refused(Exception):
    """A service refused; `params` holds what the message needs, by name."""

    def __init__(self, **params):
        self.params = params
        super().__init__(params)


class OrganisationAlreadySigning(Refused):
    """The organisation already has a sign-up in progress, or has signed."""

    def __init__(self, *, organisation_name: str):
        super().__init__(organisation_name=organisation_name)
