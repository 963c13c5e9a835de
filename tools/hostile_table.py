"""Run the hostile suite (tests/hostile, slow tests included) and rewrite the tables of
docs/background/hostile.md from what it tried: ``python -m tools.hostile_table``.

Hypothesis runs derandomized in that suite, so the counts change only when the tests do.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    env = {**os.environ, "NASTAVNIK_HOSTILE_TABLE": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/hostile"],
                           cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
