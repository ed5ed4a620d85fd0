"""The test modules keep to the rules that let a newcomer find and run them.

A test module imports from helper modules and conftest.py, never from another
test module (importing one runs its module-level setup and ties two files'
tests together); and no two test modules share a file name (pytest imports
them by rootdir-relative name).
"""

import re
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FROM_A_TEST_MODULE = re.compile(r"^\s*(?:from|import)\s+tests\.(?:\w+\.)*test_\w+", re.M)


def all_test_modules() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


def test_no_module_imports_from_a_test_module():
    importing = [
        f"{path.relative_to(TESTS)}: {found.group(0).strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        for found in FROM_A_TEST_MODULE.finditer(path.read_text())
    ]

    assert importing == []


def test_no_two_test_modules_share_a_name():
    names = Counter(path.name for path in all_test_modules())

    assert [name for name, count in names.items() if count > 1] == []
