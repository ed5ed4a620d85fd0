"""Real processes and servers for the tests of background work: Celery workers
started as production starts them, mail servers on loopback (one that
collects what it is sent, one that accepts connections and never answers),
and manage.py run afresh with settings of the test's choosing."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from aiosmtpd.controller import Controller
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_database_url() -> str:
    """The address of the database this test runs on, for another process to use."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings["USER"] or "postgres"
    return f"postgres://{user}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"


class Collector:
    """An aiosmtpd handler that keeps every message it is sent."""

    def __init__(self):
        self.messages: list[bytes] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(envelope.content)
        return "250 Message accepted"


@contextmanager
def collecting_smtp_server(port: int):
    """A mail server on loopback that accepts and keeps every message."""
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield collector
    finally:
        controller.stop()


@contextmanager
def silent_smtp_server(port: int):
    """A mail server that accepts connections and then says nothing, ever."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen()
    listener.settimeout(0.2)
    held, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        for client in held:
            client.close()
        listener.close()


def worker_environment(*, broker: str, queue: str, smtp_port: int, **extra: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_QUEUE": queue,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "EMAIL_TIMEOUT": "1",
        "DEBUG": "false",
        "SECRET_KEY": "test-only-secret-key-not-for-any-real-site",
        **extra,
    }


@contextmanager
def celery_worker(environment: dict, *, name: str, beat: bool = False, concurrency: int = 2):
    """`celery -A localdigital worker`, as the image's worker runs it, until the block ends."""
    arguments = [
        "worker",
        "--loglevel=INFO",
        "--pool=threads",
        f"--concurrency={concurrency}",
        "--queues",
        environment["CELERY_QUEUE"],
        "--hostname",
        f"{name}-{uuid.uuid4().hex[:6]}@%h",
        "--without-gossip",
        "--without-mingle",
    ]
    with celery_process([*arguments, *(["--beat"] if beat else [])], environment, name=name):
        yield


@contextmanager
def celery_scheduler(environment: dict, *, name: str = "scheduler"):
    """`celery -A localdigital beat`, as the image's scheduler runs it, until the block ends."""
    with celery_process(["beat", "--loglevel=INFO"], environment, name=name):
        yield


@contextmanager
def celery_process(arguments: list[str], environment: dict, *, name: str):
    command = [sys.executable, "-m", "celery", "-A", "localdigital", *arguments]
    with open(Path(environment["WORKER_LOG_DIR"]) / f"{name}.log", "w") as log:
        process = subprocess.Popen(command, cwd=PROJECT, env=environment, stdout=log, stderr=log)
        try:
            yield process
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until(condition, *, timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"Gave up after {timeout} s waiting until {message}")


def run_in_fresh_process(environment: dict, *args: str) -> subprocess.CompletedProcess:
    """Run a manage.py command with settings read afresh from `environment`."""
    # Only what a production container would have: none of the test run's settings.
    env = {"PATH": os.environ["PATH"], **environment}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
