"""Bulk validation: what records share is validated once; what is new in every record
stops being remembered, and every record still comes out exactly as pydantic makes it."""

from __future__ import annotations

from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import records_from_source
from nastavnik_docs.batch._inputs import BulkValidator
from nastavnik_docs.kinds import get_kind

KIND = "award.certificate"


def records(n: int) -> list[dict]:
    base = records_from_source(KIND, sample_path("registry.yaml"), common=sample_path("awards/common.yaml"))
    return [dict(base[i % len(base)], recipient=dict(base[i % len(base)]["recipient"], last_name=f"Орлов{i}"))
            for i in range(n)]


def test_a_field_new_in_every_record_is_no_longer_remembered():
    model = get_kind(KIND).input_model
    validate = BulkValidator(model)
    batch = records(BulkValidator.FRESH_LIMIT + 5)
    results = [validate(r) for r in batch]
    assert "recipient" in validate._varying and "recipient" not in validate._shared
    assert "organization" not in validate._varying
    assert all(r.organization is results[0].organization for r in results)
    assert [r.model_dump() for r in results] == [model.model_validate(r).model_dump() for r in batch]


def test_a_shared_field_that_changes_now_and_then_is_learnt_again():
    model = get_kind(KIND).input_model
    validate = BulkValidator(model)
    batch = records(30)
    other = dict(batch[0]["organization"], full_name="Муниципальное автономное учреждение «Лицей № 1»")
    for r in batch[10:20]:
        r["organization"] = other
    results = [validate(r) for r in batch]
    assert "organization" not in validate._varying
    assert results[10].organization is results[19].organization is not results[0].organization
    assert results[19].organization.full_name.endswith("«Лицей № 1»")
    assert results[20].organization.full_name == results[0].organization.full_name
    assert results[29].organization is results[20].organization
