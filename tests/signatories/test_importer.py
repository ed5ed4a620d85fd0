import csv
import datetime
import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from signatories.models import Nation, Organisation, OrganisationType

PROJECT = Path(__file__).resolve().parents[2]
# Public reference data, kept beside the project and never copied into it.
REGISTER = PROJECT / "signatories" / "data" / "uk_local_authorities.csv"
DEMO = PROJECT / "signatories" / "demo_organisations.csv"

COLUMNS = [
    "local-authority-code",
    "official-name",
    "gss-code",
    "start-date",
    "end-date",
    "replaced-by",
    "nation",
    "region",
    "local-authority-type",
]
AYLESBURY_VALE = [
    "AYL",
    "Aylesbury Vale District Council",
    "E07000004",
    "",
    "2020-03-31",
    "BUC",
    "England",
    "South East",
    "NMD",
]
BUCKINGHAMSHIRE = [
    "BUC",
    "Buckinghamshire Council",
    "E06000060",
    "2020-04-01",
    "",
    "",
    "England",
    "South East",
    "UA",
]
HACKNEY = ["HCK", "London Borough of Hackney", "E09000012", "", "", "", "England", "London", "LBO"]


def write_csv(path: Path, rows: list[list[str]], *, columns: list[str] = COLUMNS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def import_organisations(path: Path) -> str:
    output = io.StringIO()
    call_command("import_organisations", str(path), stdout=output)
    return output.getvalue().strip()


@pytest.fixture
def register() -> Path:
    # The project's own copy of the register (signatories/data/README.md).
    return REGISTER


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


# The real register


@pytest.mark.django_db
def test_importing_the_register_gives_its_published_counts(register):
    output = import_organisations(register)

    assert output == "Imported 470 organisations: 470 new, 0 updated, 0 unchanged."
    assert Organisation.objects.filter(is_from_register=True).count() == 470
    current = Organisation.objects.current()
    assert current.count() == 397
    assert Counter(current.values_list("nation", flat=True)) == {
        Nation.ENGLAND: 332,
        Nation.SCOTLAND: 32,
        Nation.WALES: 22,
        Nation.NORTHERN_IRELAND: 11,
    }
    english = current.filter(nation=Nation.ENGLAND)
    assert Counter(english.values_list("organisation_type", flat=True)) == {
        OrganisationType.NON_METROPOLITAN_DISTRICT: 164,
        OrganisationType.UNITARY_AUTHORITY: 63,
        OrganisationType.METROPOLITAN_DISTRICT: 36,
        OrganisationType.LONDON_BOROUGH: 32,
        OrganisationType.COUNTY: 21,
        OrganisationType.COMBINED_AUTHORITY: 14,
        OrganisationType.STRATEGIC_REGIONAL_AUTHORITY: 1,
        OrganisationType.CITY_CORPORATION: 1,
    }
    assert current.councils().count() == 397


@pytest.mark.django_db
def test_current_agrees_with_the_registers_own_current_authority_column(register):
    import_organisations(register)

    current_in_register = {
        row["local-authority-code"]
        for row in read_rows(register)
        if row["current-authority"] == "True"
    }
    assert set(Organisation.objects.current().values_list("register_code", flat=True)) == (
        current_in_register
    )


@pytest.mark.django_db
def test_the_register_keeps_abolished_councils_with_all_their_successors(register):
    import_organisations(register)

    cumbria = Organisation.objects.get(register_code="CMA")
    aylesbury_vale = Organisation.objects.get(register_code="AYL")

    assert cumbria.name == "Cumbria County Council"
    assert cumbria.end_date is not None
    assert sorted(cumbria.replaced_by.values_list("register_code", flat=True)) == ["CBD", "WAF"]
    assert aylesbury_vale.end_date == datetime.date(2020, 3, 31)
    assert list(aylesbury_vale.replaced_by.values_list("name", flat=True)) == [
        "Buckinghamshire Council"
    ]


@pytest.mark.django_db
def test_importing_the_register_again_changes_nothing(register):
    import_organisations(register)
    before = list(Organisation.objects.values())

    output = import_organisations(register)

    assert output == "Imported 470 organisations: 0 new, 0 updated, 470 unchanged."
    assert list(Organisation.objects.values()) == before


# Files of our own


@pytest.mark.django_db
def test_an_import_stores_each_rows_fields(tmp_path):
    import_organisations(write_csv(tmp_path / "one.csv", [HACKNEY]))

    hackney = Organisation.objects.get()
    assert hackney.name == "London Borough of Hackney"
    assert hackney.slug == "london-borough-of-hackney"
    assert hackney.organisation_type == OrganisationType.LONDON_BOROUGH
    assert hackney.nation == Nation.ENGLAND
    assert hackney.region == "London"
    assert hackney.register_code == "HCK"
    assert hackney.gss_code == "E09000012"
    assert (hackney.start_date, hackney.end_date) == (None, None)
    assert hackney.is_from_register
    assert not hackney.needs_review
    assert hackney.email_domains == ""


@pytest.mark.django_db
def test_importing_again_updates_rows_and_never_deletes_one(tmp_path):
    import_organisations(
        write_csv(tmp_path / "first.csv", [AYLESBURY_VALE, BUCKINGHAMSHIRE, HACKNEY])
    )
    renamed = [*BUCKINGHAMSHIRE]
    renamed[1] = "Buckinghamshire Unitary Council"

    output = import_organisations(write_csv(tmp_path / "second.csv", [renamed, HACKNEY]))

    assert output == "Imported 2 organisations: 0 new, 1 updated, 1 unchanged."
    assert list(Organisation.objects.values_list("register_code", "name", "slug")) == [
        ("AYL", "Aylesbury Vale District Council", "aylesbury-vale-district-council"),
        ("BUC", "Buckinghamshire Unitary Council", "buckinghamshire-council"),
        ("HCK", "London Borough of Hackney", "london-borough-of-hackney"),
    ]
    aylesbury_vale = Organisation.objects.get(register_code="AYL")
    assert aylesbury_vale.end_date == datetime.date(2020, 3, 31)
    assert [o.register_code for o in aylesbury_vale.replaced_by.all()] == ["BUC"]


@pytest.mark.django_db
def test_a_successor_may_come_later_in_the_file_or_from_an_earlier_import(tmp_path):
    import_organisations(write_csv(tmp_path / "successor.csv", [BUCKINGHAMSHIRE]))

    output = import_organisations(write_csv(tmp_path / "ended.csv", [AYLESBURY_VALE]))

    assert output == "Imported 1 organisation: 1 new, 0 updated, 0 unchanged."
    assert Organisation.objects.get(register_code="BUC").replaces.get().register_code == "AYL"


@pytest.mark.django_db
def test_a_planned_authority_is_imported_but_not_current_until_it_starts(tmp_path):
    planned = [*BUCKINGHAMSHIRE]
    planned[3] = "2999-04-01"
    import_organisations(write_csv(tmp_path / "planned.csv", [planned]))

    assert Organisation.objects.get().start_date == datetime.date(2999, 4, 1)
    assert not Organisation.objects.current().exists()


@pytest.mark.django_db
def test_an_organisation_a_moderator_linked_to_the_register_is_updated_not_duplicated(tmp_path):
    typed_in = Organisation.objects.create(
        name="Hackney Council",
        organisation_type=OrganisationType.LONDON_BOROUGH,
        register_code="HCK",
        email_domains="hackney.gov.uk",
        needs_review=True,
    )

    output = import_organisations(write_csv(tmp_path / "hackney.csv", [HACKNEY]))

    assert output == "Imported 1 organisation: 0 new, 1 updated, 0 unchanged."
    hackney = Organisation.objects.get()
    assert hackney.pk == typed_in.pk
    assert hackney.name == "London Borough of Hackney"
    assert hackney.is_from_register
    assert hackney.slug == "hackney-council"
    # Moderators own these: the register knows nothing of them.
    assert hackney.email_domains == "hackney.gov.uk"
    assert hackney.needs_review


@pytest.mark.django_db
def test_the_demo_file_imports():
    output = import_organisations(DEMO)

    assert output.startswith("Imported ")
    assert Organisation.objects.count() >= 8
    assert Organisation.objects.get(register_code="AYL").replaced_by.get().register_code == "BUC"
    assert set(Organisation.objects.values_list("nation", flat=True)) == set(Nation)


# Bad files change nothing


@pytest.fixture
def hackney_already_imported(tmp_path):
    import_organisations(write_csv(tmp_path / "hackney.csv", [HACKNEY]))
    return list(Organisation.objects.values())


@pytest.mark.django_db
def test_a_file_missing_columns_is_refused_and_changes_nothing(tmp_path, hackney_already_imported):
    columns = [c for c in COLUMNS if c not in ("nation", "region")]
    path = write_csv(tmp_path / "bad.csv", [["BUC", "Buckinghamshire Council"]], columns=columns)

    with pytest.raises(CommandError, match="has no column nation, region"):
        import_organisations(path)

    assert list(Organisation.objects.values()) == hackney_already_imported


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (0, "", "Line 3: local-authority-code is empty"),
        (1, "", "Line 3: official-name is empty for BUC"),
        (8, "XYZ", "Line 3: BUC has an unknown local-authority-type 'XYZ'"),
        (6, "Mercia", "Line 3: BUC has an unknown nation 'Mercia'"),
        (3, "1/4/2020", "Line 3: BUC has start-date '1/4/2020', not a date like 2020-04-01"),
        (0, "HCK", "Line 3: code HCK is already on line 2"),
        (4, "2019-01-01", "Line 3: BUC ends on 2019-01-01, before it starts on 2020-04-01"),
        (5, "BUC,NOPE", "Line 3: BUC is replaced by unknown code NOPE"),
        (7, "x" * 51, "Line 3: BUC: Ensure this value has at most 50 characters"),
    ],
)
@pytest.mark.django_db
def test_a_file_with_a_bad_row_is_refused_and_changes_nothing(
    tmp_path, hackney_already_imported, column, value, message
):
    renamed_hackney = [*HACKNEY]
    renamed_hackney[1] = "Hackney Borough"
    bad = [*BUCKINGHAMSHIRE]
    bad[column] = value
    path = write_csv(tmp_path / "bad.csv", [renamed_hackney, bad, AYLESBURY_VALE])

    with pytest.raises(CommandError) as raised:
        import_organisations(path)

    assert str(raised.value).startswith("Nothing was imported.\n")
    assert message in str(raised.value)
    assert list(Organisation.objects.values()) == hackney_already_imported


@pytest.mark.django_db
def test_a_missing_file_is_reported_without_a_traceback(tmp_path):
    with pytest.raises(CommandError, match=r"There is no file at .*missing\.csv\."):
        import_organisations(tmp_path / "missing.csv")


@pytest.mark.django_db
def test_a_file_that_is_not_text_is_refused(tmp_path):
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"PK\x03\x04\xff\xfe\x00\x00")

    with pytest.raises(CommandError, match="is not a UTF-8 text file"):
        import_organisations(path)


@pytest.mark.django_db
def test_a_file_with_no_rows_is_refused(tmp_path):
    with pytest.raises(CommandError, match="has no rows"):
        import_organisations(write_csv(tmp_path / "empty.csv", []))
