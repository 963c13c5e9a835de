"""Labour Code documents of a mentor (Трудовой кодекс РФ, ст. 351.8, in force since 01.03.2025).

Since Federal Law of 09.11.2024 № 381-ФЗ an employee mentors only with their written
consent, on terms set in the employment contract or a supplementary agreement to it, and
for extra pay. Two kinds follow from that:

* :mod:`.consent` — ``labour.mentor_consent``, the employee's written consent;
* :mod:`.agreement` — ``labour.supplementary_agreement``, the supplementary agreement to the
  employment contract.

Both take the pairs from the registry (``Pair.mentor_consent_date``, ``Pair.agreement``).
Only staff of the organisation mentor under the Labour Code: a pupil, a student or an
employer's representative as the mentor is an input error here. The mentor's default
duties and rights are in ``labour.yaml``.
"""

from ._shared import MENTOR_DUTIES, MENTOR_RIGHTS
from .agreement import AgreementContext, AgreementInput, EmploymentContract, agreement_records
from .consent import ConsentContext, ConsentInput, consent_records

__all__ = [
    "MENTOR_DUTIES", "MENTOR_RIGHTS", "AgreementContext", "AgreementInput", "ConsentContext", "ConsentInput",
    "EmploymentContract", "agreement_records", "consent_records",
]
