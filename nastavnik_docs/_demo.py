"""``nastavnik-docs demo``: every document kind, rendered for the bundled sample organisation."""

from __future__ import annotations

from pathlib import Path

from ._resources import sample_path
from .kinds import all_kinds

REGISTRY_SAMPLE = "registry.yaml"
REGISTRY_FILE = "База наставников и наставляемых.xlsx"


def run_demo(out: str | Path, *, pdf: bool = False) -> list[tuple[str, Path]]:
    """Render the whole catalogue from ``samples/`` into ``out``; return (title, path) rows.

    The demo writes into its own folder and replaces what an earlier demo left there.
    """
    from . import render, render_batch
    from .batch import records_from_source
    from .io import load_registry, write_registry

    out = Path(out)
    rows: list[tuple[str, Path]] = []
    registry = load_registry(sample_path(REGISTRY_SAMPLE))
    rows.append(("База наставников и наставляемых",
                 write_registry(registry, out / REGISTRY_FILE, overwrite=True)))
    for kind in all_kinds():
        for sample in kind.samples:
            stem = kind.output_name or kind.title
            if len(kind.samples) > 1:
                label = kind.sample_names.get(sample, Path(sample).stem)
                stem = f"{stem} — {label}"
            for ext in kind.formats:
                written = render(kind, sample_path(sample), out / kind.family / f"{stem}{ext}",
                                 pdf=pdf, overwrite=True)
                for path in written if isinstance(written, list) else [written]:
                    rows.append((kind.title, path))
        if kind.demo_batch is not None:
            records = records_from_source(kind, sample_path(kind.demo_batch.source),
                                          common=sample_path(kind.demo_batch.common))
            report = render_batch(kind, records, out / kind.family / (kind.output_name or kind.title),
                                  merge=True, overwrite=True)
            rows.extend((kind.title, path) for path in report.written_paths())
    return rows
