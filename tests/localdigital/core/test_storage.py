"""Bid attachments kept in an S3 bucket: private there too, and served only by our view.

The bucket is moto's S3 server, run on loopback for these tests: the storage
speaks to it over HTTP as it would to AWS or any S3-compatible service.
"""

import pytest
import requests
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages

from funding import services
from funding.models import Attachment, attachment_storage
from localdigital.core.storage import PrivateS3Storage
from tests.factories import RoundFactory, signed_council
from tests.funding.apply.attachments import download_url, upload
from tests.funding.apply.sections import officer_email, signed_in
from tests.funding.documents import MINIMAL_PDF
from tests.processes import run_in_fresh_process

pytestmark = pytest.mark.django_db

# The bucket and region the s3 fixture (conftest.py) makes.
BUCKET = "localdigital-attachments"
REGION = "eu-west-2"


@pytest.fixture
def s3_attachments(s3, s3_endpoint, settings, private_media):
    """The "attachments" storage pointed at the bucket, as settings would with a bucket named."""
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "localdigital.core.storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "region_name": REGION,
                "endpoint_url": s3_endpoint,
                "access_key": "test-key",
                "secret_key": "test-secret",
            },
        },
    }
    # As private_media does (which undoes this after): forget the storage made before.
    storages._storages = {}
    attachment_storage.reset()
    return s3


@pytest.fixture
def draft():
    lead = signed_council()
    return services.bid_start(
        round_=RoundFactory(), lead=lead, email=f"priya.shah@{lead.domain_list[0]}"
    )


@pytest.fixture
def uploaded(s3_attachments, draft) -> Attachment:
    response = upload(signed_in(officer_email(draft)), draft, "Letter of support.pdf", MINIMAL_PDF)
    assert response.status_code == 302
    return Attachment.objects.get(bid=draft)


def test_an_uploaded_file_is_kept_in_the_bucket_under_a_name_nobody_typed(uploaded, s3):
    assert isinstance(uploaded.file.storage._wrapped, PrivateS3Storage)
    keys = [stored["Key"] for stored in s3.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [f"bids/{uploaded.bid_id}/{uploaded.token}"]
    assert s3.get_object(Bucket=BUCKET, Key=keys[0])["Body"].read() == MINIMAL_PDF


def test_the_object_is_private_in_the_bucket(uploaded, s3, s3_endpoint):
    key = uploaded.file.name
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert all(grant["Grantee"]["Type"] == "CanonicalUser" for grant in grants)

    assert requests.get(f"{s3_endpoint}/{BUCKET}/{key}", timeout=10).status_code == 403


def test_the_server_would_serve_a_public_object_so_the_refusal_above_is_the_acl(s3, s3_endpoint):
    s3.put_object(Bucket=BUCKET, Key="public", Body=b"anyone", ACL="public-read")

    assert requests.get(f"{s3_endpoint}/{BUCKET}/public", timeout=10).content == b"anyone"


def test_the_bids_officer_downloads_it_through_the_site(uploaded, draft):
    colleague = signed_in(officer_email(draft, "sam.jones"))

    response = colleague.get(download_url(uploaded))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"


def test_someone_elses_officer_is_not_given_it(uploaded):
    stranger = signed_in("someone@another-council.gov.uk")

    assert stranger.get(download_url(uploaded)).status_code == 404


def test_an_object_gone_from_the_bucket_is_not_found_rather_than_an_error(uploaded, draft, s3):
    s3.delete_object(Bucket=BUCKET, Key=uploaded.file.name)

    assert signed_in(officer_email(draft)).get(download_url(uploaded)).status_code == 404


def test_the_storage_gives_no_address(uploaded):
    with pytest.raises(ValueError, match="private"):
        _ = uploaded.file.url


def test_settings_cannot_make_it_public_or_overwrite():
    with pytest.raises(ImproperlyConfigured, match="default_acl"):
        PrivateS3Storage(bucket_name=BUCKET, default_acl="public-read")
    with pytest.raises(ImproperlyConfigured, match="file_overwrite"):
        PrivateS3Storage(bucket_name=BUCKET, file_overwrite=True)


STORAGE_IN_USE = (
    "from django.core.files.storage import storages;"
    "attachments = storages['attachments'];"
    "print(type(attachments).__name__, getattr(attachments, 'bucket_name', '-'),"
    " getattr(attachments, 'endpoint_url', '-'), getattr(attachments, 'default_acl', '-'))"
)
SHELL = ("shell", "--no-imports", "-c", STORAGE_IN_USE)


def test_naming_a_bucket_in_the_environment_keeps_attachments_there():
    result = run_in_fresh_process(
        {
            "DEBUG": "true",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        },
        *SHELL,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "PrivateS3Storage",
        BUCKET,
        "http://127.0.0.1:9000",
        "private",
    ]


def test_without_a_bucket_attachments_stay_on_disk():
    result = run_in_fresh_process({"DEBUG": "true"}, *SHELL)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "PrivateFileSystemStorage"


def test_choosing_s3_without_naming_a_bucket_refuses_to_start():
    result = run_in_fresh_process({"DEBUG": "true", "ATTACHMENTS_STORAGE": "s3"}, "check")

    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr
