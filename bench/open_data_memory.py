"""Peak memory of a worker writing the open-data files, at two sizes.

The files stream: rows are read a chunk at a time and written as they come,
so a worker's peak memory should not grow with the number of signatories.
This seeds a database with --signatories (as bench/run.py does), then, in a
fresh process for each file, renders it with Django's test client, reads the
whole body and prints the process's peak resident memory (VmHWM) before and
after. Run it for two sizes and compare the "after" column:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ld_bench_fq \\
        .venv/bin/python bench/open_data_memory.py --signatories 30000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ld_bench_fq300 \\
        .venv/bin/python bench/open_data_memory.py --signatories 300000
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

FILES = [
    "/signatories.csv",
    "/signatories.json",
    "/declaration-projects.csv",
    "/fund/bids.csv",
    "/fund/projects.json",
]

# Run in a fresh interpreter, so that one file's peak does not hide another's.
PRODUCE = """
import os, sys, time
sys.path.insert(0, {project!r})
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

setup_test_environment()
client = Client()
client.get("/open-data/")  # templates, URLs and the connection, before the measure
before = peak_mb()
started = time.perf_counter()
response = client.get({path!r})
size = sum(len(chunk) for chunk in response.streaming_content)
print(f"{{before:.0f}} {{peak_mb():.0f}} {{size}} {{time.perf_counter() - started:.1f}}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--signatories", type=int, default=30_000)
    args = parser.parse_args()

    from bench.run import environment, seed

    os.environ.update(environment())
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    seed(args.signatories)
    print(f"{args.signatories} signatories")
    print(f"{'file':28} {'MB before':>10} {'MB peak':>8} {'bytes':>12} {'seconds':>8}")
    for path in FILES:
        result = subprocess.run(
            [sys.executable, "-c", PRODUCE.format(project=str(PROJECT), path=path)],
            cwd=PROJECT,
            env=os.environ,
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
        )
        before, peak, size, seconds = result.stdout.split()
        print(f"{path:28} {before:>10} {peak:>8} {int(size):>12,} {seconds:>8}", flush=True)


if __name__ == "__main__":
    main()
