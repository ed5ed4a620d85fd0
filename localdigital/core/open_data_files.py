"""Open-data files built once per content version by the worker, then served as files.

Each app registers its datasets here (in its open_data.py) with the records
they are made from. A download asks for the file of the site's current
content version (localdigital/core/content_version.py): once the worker has
built it into the "open_data" storage, it is read out from there, with its
length known, however many people ask; until then the download is streamed
from the database as it is written, and the worker is asked to build it. A
lock in the shared cache (Redis in production) lets only the first of many
downloads that miss at once start a build. A new version (any public change)
names new files, so a built file never outlives the data it was made from.
"""

import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.module_loading import autodiscover_modules

from localdigital.core import content_version
from localdigital.core.open_data import (
    Dataset,
    csv_lines,
    csv_response,
    json_response,
    json_text,
)

logger = logging.getLogger(__name__)

# Long enough for the largest file at a hundred times the real volume; a build
# that dies frees the lock when it expires, and the next download asks again.
BUILD_LOCK_SECONDS = 600
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
# Written after a file is complete, so that a file still being written is never served.
READY = ".ready"


@dataclass(frozen=True)
class DataFile:
    dataset: Dataset
    kind: str  # "csv" or "json"
    records: Callable[[], Iterable]

    @property
    def name(self) -> str:
        return f"{self.dataset.name}.{self.kind}"

    def text(self, request: HttpRequest | None) -> Iterator[str]:
        write = csv_lines if self.kind == "csv" else json_text
        return write(self.dataset, self.records(), request=request)


FILES: dict[str, DataFile] = {}


def register(dataset: Dataset, records: Callable[[], Iterable]) -> None:
    """Offer the dataset as CSV and JSON, made from what `records()` returns."""
    for kind in CONTENT_TYPES:
        data_file = DataFile(dataset, kind, records)
        FILES[data_file.name] = data_file


def storage():
    return storages["open_data"]


def stored_name(name: str, version: int) -> str:
    return f"v{version}/{name}"


def build_lock_key(name: str, version: int) -> str:
    return f"open-data-build:{stored_name(name, version)}"


def download(request: HttpRequest, dataset: Dataset, kind: str) -> HttpResponse:
    """The file of the current version: built, or streamed while it is built."""
    data_file = FILES[f"{dataset.name}.{kind}"]
    version = content_version.current()
    stored = stored_name(data_file.name, version)
    if storage().exists(stored + READY):
        return _built_response(data_file, stored)
    ask_for_build(data_file.name, version)
    write = csv_response if kind == "csv" else json_response
    return write(dataset, data_file.records(), request=request)


def _built_response(data_file: DataFile, stored: str) -> FileResponse:
    store = storage()
    response = FileResponse(store.open(stored, "rb"), content_type=CONTENT_TYPES[data_file.kind])
    response["Content-Length"] = str(store.size(stored))
    if data_file.kind == "csv":
        response["Content-Disposition"] = f'attachment; filename="local-digital-{data_file.name}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def ask_for_build(name: str, version: int) -> bool:
    """Queue the file's build unless another download has: whether this one did."""
    if not cache.add(build_lock_key(name, version), True, timeout=BUILD_LOCK_SECONDS):
        return False
    from localdigital.core.tasks import build_open_data_file  # the task calls build()

    try:
        build_open_data_file.delay(name, version)
    except Exception as error:
        # The broker is down: this download streams all the same, and the
        # next one asks again.
        cache.delete(build_lock_key(name, version))
        logger.warning("Could not ask the worker to build %s: %s", name, error)
        return False
    return True


def build(name: str, version: int) -> None:
    """The worker's job: write the file of this version to storage, a line at a
    time through a temporary file, so memory stays flat whatever its size."""
    autodiscover_modules("open_data")  # the apps register their files there
    store = storage()
    stored = stored_name(name, version)
    try:
        if content_version.current() != version or store.exists(stored + READY):
            return  # a newer change came first, or it is already built
        with tempfile.TemporaryFile() as spool:
            for text in FILES[name].text(None):
                spool.write(text.encode())
            spool.seek(0)
            store.save(stored, File(spool, name=name))
        store.save(stored + READY, ContentFile(b"", name=name + READY))
        _forget_older(name, version)
    finally:
        cache.delete(build_lock_key(name, version))


def _forget_older(name: str, version: int) -> None:
    store = storage()
    folders, _ = store.listdir("")
    for folder in folders:
        if folder != f"v{version}":
            for old in (f"{folder}/{name}{READY}", f"{folder}/{name}"):
                store.delete(old)
