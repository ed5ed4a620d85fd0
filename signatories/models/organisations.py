"""Organisations that may sign: councils from the register and bodies typed in at sign-up."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from localdigital.core.record_urls import record_url
from localdigital.core.search_document import SearchDocumentIndex, search_document_field
from signatories.models.states import SignUpState


class OrganisationType(models.TextChoices):
    # Local authorities, as typed in mySociety's UK local authority register
    # (its codes are mapped to these in signatories.importer).
    NON_METROPOLITAN_DISTRICT = "non-metropolitan-district", "Non-metropolitan district"
    UNITARY_AUTHORITY = "unitary-authority", "Unitary authority"
    METROPOLITAN_DISTRICT = "metropolitan-district", "Metropolitan district"
    LONDON_BOROUGH = "london-borough", "London borough"
    COUNTY = "county", "County"
    COMBINED_AUTHORITY = "combined-authority", "Combined authority"
    STRATEGIC_REGIONAL_AUTHORITY = "strategic-regional-authority", "Strategic regional authority"
    CITY_CORPORATION = "city-corporation", "City corporation"
    SCOTTISH_UNITARY_AUTHORITY = "scottish-unitary-authority", "Scottish unitary authority"
    WELSH_UNITARY_AUTHORITY = "welsh-unitary-authority", "Welsh unitary authority"
    NORTHERN_IRISH_DISTRICT = "northern-irish-district", "Northern Irish district"
    # Other bodies that may sign the declaration but are not councils.
    FIRE_AND_RESCUE = "fire-and-rescue", "Fire and rescue service"
    POLICE = "police", "Police"
    NHS = "nhs", "NHS body"
    CENTRAL_GOVERNMENT = "central-government", "Central government"
    CHARITY = "charity", "Charity or non-profit"
    OTHER_PUBLIC_BODY = "other-public-body", "Other public body"


# The register's types, all local authorities. The difference matters: only
# councils may lead a bid to the fund. Plain values, so that a type read back
# from the database (a str) is found in the set.
COUNCIL_TYPES = frozenset(
    kind.value
    for kind in (
        OrganisationType.NON_METROPOLITAN_DISTRICT,
        OrganisationType.UNITARY_AUTHORITY,
        OrganisationType.METROPOLITAN_DISTRICT,
        OrganisationType.LONDON_BOROUGH,
        OrganisationType.COUNTY,
        OrganisationType.COMBINED_AUTHORITY,
        OrganisationType.STRATEGIC_REGIONAL_AUTHORITY,
        OrganisationType.CITY_CORPORATION,
        OrganisationType.SCOTTISH_UNITARY_AUTHORITY,
        OrganisationType.WELSH_UNITARY_AUTHORITY,
        OrganisationType.NORTHERN_IRISH_DISTRICT,
    )
)


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    SCOTLAND = "scotland", "Scotland"
    WALES = "wales", "Wales"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


# A DNS name: labels of letters, digits and inner hyphens, at least one dot.
DOMAIN_PATTERN = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$")


def split_domains(text: str) -> list[str]:
    """The domains in a newline-separated list, lower-cased, without any "@" typed before them."""
    return [line.strip().lstrip("@").lower() for line in text.splitlines() if line.strip()]


# Domains that many organisations' addresses share. Listed for one, they would
# make everyone with an address there (every civil servant, every Gmail user)
# one of its officers, able to bid in its name.
SHARED_EMAIL_DOMAINS = frozenset(
    {
        "gov.uk",
        "org.uk",
        "co.uk",
        "ac.uk",
        "nhs.uk",
        "nhs.net",
        "police.uk",
        "sch.uk",
        "gov.scot",
        "gov.wales",
        "llyw.cymru",
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "btinternet.com",
    }
)


def validate_email_domains(text: str) -> None:
    domains = split_domains(text)
    bad = [domain for domain in domains if not DOMAIN_PATTERN.match(domain)]
    if bad:
        raise ValidationError(
            "Enter one domain per line, like hackney.gov.uk. Not a domain: %(bad)s",
            code="invalid_domain",
            params={"bad": ", ".join(bad)},
        )
    shared = [domain for domain in domains if domain in SHARED_EMAIL_DOMAINS]
    if shared:
        raise ValidationError(
            "Enter the organisation's own domain, like hackney.gov.uk, not one that many "
            "organisations or people share: %(shared)s",
            code="shared_domain",
            params={"shared": ", ".join(shared)},
        )


# Fields that the public counts and the partner finder's rows are made from.
LISTED_FIELDS = ("name", "organisation_type", "nation", "region", "start_date", "end_date")


class OrganisationQuerySet(models.QuerySet):
    def current(self, *, on: datetime.date | None = None):
        """Organisations in existence on a day (today unless given).

        The register's end date is an authority's last day (Aylesbury Vale ends
        2020-03-31, Buckinghamshire starts 2020-04-01), so an authority is still
        current on it. A planned authority, with a start date still to come, is
        not current yet, which is how the register's own `current-authority`
        column treats it, so the counts it publishes are what this returns. (In
        the edition of 2025-07-10 no authority starts after that day, and this
        and the column agree row for row: a test checks.)
        """
        on = on or timezone.localdate()
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=on),
            Q(end_date__isnull=True) | Q(end_date__gte=on),
        )

    def councils(self):
        return self.filter(organisation_type__in=COUNCIL_TYPES)

    def search(self, q: str):
        return self.filter(name__icontains=q.strip())

    def signed(self):
        """Organisations whose signature of the declaration is public now."""
        # No duplicates: an organisation has at most one live sign-up.
        return self.filter(sign_ups__state=SignUpState.SIGNED)

    def signed_current_councils(self):
        """Councils in existence today whose signature is public: the only
        organisations that may lead a bid or be counted as its partners."""
        return self.signed().councils().current()

    def with_signed_current_council(self):
        """Each organisation marked `is_signed_current_council`, by the rule of
        signed_current_councils(), in the query that reads it."""
        return self.annotate(
            is_signed_current_council=models.Exists(
                self.model._default_manager.signed_current_councils().filter(
                    pk=models.OuterRef("pk")
                )
            )
        )


class Organisation(models.Model):
    """A body that may sign the declaration: a council from the register, or one typed in."""

    name = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="The last part of its web address. Made from the name when left blank.",
    )
    organisation_type = models.CharField("type", max_length=40, choices=OrganisationType.choices)
    nation = models.CharField(
        max_length=20,
        choices=Nation.choices,
        blank=True,
        help_text="Blank for a body that works across the UK.",
    )
    region = models.CharField(
        max_length=50, blank=True, help_text="As the register names it, for example “South West”."
    )
    register_code = models.CharField(
        max_length=10,
        blank=True,
        help_text="The code in mySociety's UK local authority register, for example HCK.",
    )
    gss_code = models.CharField(
        "GSS code", max_length=9, blank=True, help_text="The ONS code, for example E09000012."
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(
        null=True, blank=True, help_text="Its last day, if it has been abolished or merged."
    )
    # A many-to-many field, not a foreign key: counties split in two, as
    # Cumbria and Northamptonshire did, have two successors in the register.
    replaced_by = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="replaces",
        help_text="The organisations that took over its work when it ended.",
    )
    email_domains = models.TextField(
        blank=True,
        validators=[validate_email_domains],
        help_text="One per line, for example hackney.gov.uk. Addresses at a subdomain match too.",
    )
    is_from_register = models.BooleanField(
        default=False, help_text="Loaded from the register; re-importing it updates this record."
    )
    needs_review = models.BooleanField(
        default=False, help_text="Typed in by someone signing up: a moderator has to check it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_document = search_document_field(A=["name"])

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="organisation_name_idx"),
            # The regions the email updates page offers (signatories.topics).
            models.Index(fields=["region"], name="organisation_region_idx"),
            SearchDocumentIndex(fields=["search_document"], name="organisation_search_idx"),
        ]
        constraints = [
            # Organisations typed in by users have no register code, so only
            # the codes that are there must be unique.
            models.UniqueConstraint(
                fields=["register_code"],
                condition=~Q(register_code=""),
                name="organisation_register_code_unique",
                violation_error_code="duplicate_register_code",
                violation_error_message="Another organisation has this register code.",
            ),
            # Re-importing finds register rows by their code.
            models.CheckConstraint(
                condition=Q(is_from_register=False) | ~Q(register_code=""),
                name="organisation_from_register_has_code",
                violation_error_code="register_code_missing",
                violation_error_message="An organisation from the register needs its register code.",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="organisation_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message="An organisation cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._recount_if_regrouped()

    def get_absolute_url(self):
        return record_url("signatories:detail", "slug", self.slug)

    def _recount_if_regrouped(self) -> None:
        """Staff edit an organisation in admin, and the register's import adds
        councils and changes them: the public counts, the coverage page's and
        the partner finder's rows follow, in the same transaction."""
        before = getattr(self, "_listed_when_read", None)
        now = self._listed_fields()
        self._listed_when_read = now
        if before == now:
            return
        # Imported when needed: these modules read this model.
        from signatories import counts, partner_listing

        signed = self.sign_ups.signed().exists()
        groups = {now[1:4], *([before[1:4]] if before else [])}
        if before is None or before[1:] != now[1:]:
            if signed:
                counts.recount(groups=groups)
            elif any(group[0] in COUNCIL_TYPES for group in groups):
                counts.recount_councils(groups=groups)
        if signed:
            partner_listing.refresh(organisation=self)

    def _listed_fields(self) -> tuple:
        """What the counts group by and the partner finder copies: name first,
        then the group (type, nation, region), then the dates."""
        return tuple(self.__dict__.get(name) for name in LISTED_FIELDS)

    @classmethod
    def from_db(cls, db, field_names, values):
        organisation = super().from_db(db, field_names, values)
        # Kept to see, on save, whether the organisation moved to another
        # group of the public counts (signatories.counts) or was renamed.
        organisation._listed_when_read = organisation._listed_fields()
        return organisation

    def _unique_slug(self) -> str:
        # Room is left for a "-2" on the second organisation with the same name.
        base = slugify(self.name)[:90].strip("-") or "organisation"
        slug, number = base, 1
        taken = Organisation.objects.exclude(pk=self.pk).filter(slug__startswith=base)
        existing = set(taken.values_list("slug", flat=True))
        while slug in existing:
            number += 1
            slug = f"{base}-{number}"
        return slug

    @property
    def is_council(self) -> bool:
        return self.organisation_type in COUNCIL_TYPES

    @property
    def is_current(self) -> bool:
        # The same rule as OrganisationQuerySet.current(), for one organisation.
        today = timezone.localdate()
        started = self.start_date is None or self.start_date <= today
        return started and (self.end_date is None or self.end_date >= today)

    @property
    def domain_list(self) -> list[str]:
        return split_domains(self.email_domains)

    def has_email_domain(self, email: str) -> bool:
        """Whether an address is at one of its domains, or at a subdomain of one."""
        local_part, at, domain = email.strip().rpartition("@")
        domain = domain.lower().rstrip(".")
        return bool(local_part and at and domain) and any(
            domain == known or domain.endswith(f".{known}") for known in self.domain_list
        )
