"""Shared helpers of the roadmap tests: the five seed roadmaps as loaded models."""

from __future__ import annotations

import yaml

from nastavnik_docs._resources import sample_path
from nastavnik_docs.models import Roadmap

#: A roadmap composed anew by ГОСТ Р 7.0.97-2025 (not a seed): stamps by act and date.
NEW_SAMPLE = "roadmaps/school_12_new.yaml"

#: The five published seed roadmaps.
SAMPLES = {
    "essentuki": "roadmaps/essentuki.yaml",
    "izhevsk": "roadmaps/izhevsk_it_lyceum_24.yaml",
    "spb": "roadmaps/spb_pushkin_cppmsp.yaml",
    "spassk": "roadmaps/spassk_dalny.yaml",
    "severodvinsk": "roadmaps/severodvinsk_college.yaml",
}


def load_sample(key: str) -> Roadmap:
    with open(sample_path(SAMPLES[key]), encoding="utf-8") as fh:
        return Roadmap.model_validate(yaml.safe_load(fh))

