#!/usr/bin/env bash
# CI: the engine's tests against the newest docxtpl release, whatever pyproject.toml pins.
#
# The engine uses docxtpl internals (all of them in nastavnik_docs/engine/_docxtpl_compat.py);
# a release that changes them must fail here before the pin in pyproject.toml is raised.
# Usage: tools/ci_newest_docxtpl.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
# shellcheck disable=SC1091
. "$work/venv/bin/activate"
python -m pip install --quiet --upgrade pip
# The test extras: the engine's tests read PDFs back with pypdf, besides pytest and hypothesis.
pip install --quiet ".[test]"
# The newest release, ignoring the pin (its own dependencies are already installed).
pip install --quiet --upgrade --no-deps docxtpl
python -c "import importlib.metadata as m; print('docxtpl', m.version('docxtpl'))"
python -m pytest -q -p no:cacheprovider tests/engine -m "not slow" "$@"
