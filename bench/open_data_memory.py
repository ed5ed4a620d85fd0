"""Peak memory of a worker writing the open-data files, at two sizes.

The worker builds each file once per content version
(localdigital/core/open_data_files.py), reading rows a chunk at a time and
writing them to a temporary file as they come, so its peak memory should not
grow with the number of signatories. This seeds a database with
--signatories (as bench/run.py does), then, in a fresh process for each
file, runs the worker's build into a temporary folder and prints the
process's peak resident memory (VmHWM) before and after. Run it for two
sizes and compare the "peak" column:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ld_bench_fq \\
        .venv/bin/python bench/open_data_memory.py --signatories 30000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ld_bench_fq300 \\
        .venv/bin/python bench/open_data_memory.py --signatories 300000
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

FILES = [
    "signatories.csv",
    "signatories.json",
    "declaration-projects.csv",
    "fund-bids.csv",
    "fund-projects.json",
]

# Run in a fresh interpreter, so that one file's peak does not hide another's.
PRODUCE = """
import os, sys, time
sys.path.insert(0, {project!r})
import django
django.setup()
from django.utils.module_loading import autodiscover_modules
from localdigital.core import content_version, open_data_files

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

autodiscover_modules("open_data")  # the apps' datasets and the connection, before the measure
version = content_version.current()
before = peak_mb()
started = time.perf_counter()
open_data_files.build({name!r}, version)
size = open_data_files.storage().size(open_data_files.stored_name({name!r}, version))
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
    # The files are built into a folder of their own, removed afterwards.
    os.environ["ATTACHMENTS_STORAGE"] = "disk"
    os.environ["PRIVATE_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="localdigital-bench-")
    for name in FILES:
        result = subprocess.run(
            [sys.executable, "-c", PRODUCE.format(project=str(PROJECT), name=name)],
            cwd=PROJECT,
            env=os.environ,
            capture_output=True,
            text=True,
            check=True,
            timeout=1800,
        )
        before, peak, size, seconds = result.stdout.split()
        print(f"{name:28} {before:>10} {peak:>8} {int(size):>12,} {seconds:>8}", flush=True)
    shutil.rmtree(os.environ["PRIVATE_MEDIA_ROOT"])


if __name__ == "__main__":
    main()
