"""Where each built-in kind is registered: kind id -> its module, relative to ``kinds``.

:func:`~nastavnik_docs.kinds.get_kind` imports just that module (and what it imports), so
a command that makes one order loads neither the other orders nor the rest of the
catalogue. A kind missing here is still found (by importing every module), only slower;
tests/test_cli_startup.py checks that the table matches the catalogue and says which line
to add for a new kind.
"""

from __future__ import annotations

__all__ = ["KIND_MODULES"]

KIND_MODULES: dict[str, str] = {
    "award.certificate": "awards",
    "award.diploma": "awards",
    "award.gramota": "awards",
    "award.letter": "awards",
    "award.thanks": "awards",
    "consent.personal_data": "consents.personal_data",
    "consent.publication": "consents.publication",
    "form.feedback": "questionnaires.feedback",
    "form.questionnaire_mentee": "questionnaires.profiles",
    "form.questionnaire_mentor": "questionnaires.profiles",
    "labour.mentor_consent": "labour.consent",
    "labour.supplementary_agreement": "labour.agreement",
    "order.appoint_curator": "orders.curator",
    "order.appoint_mentors": "orders.pairs",
    "order.approve_regulation": "orders.organisation",
    "order.assign_pairs": "orders.pairs",
    "order.change_pair": "orders.change",
    "order.final_event": "orders.closing",
    "order.introduce_model": "orders.organisation",
    "order.reward": "orders.reward",
    "order.working_group": "orders.organisation",
    "programme.individual_route": "programmes.individual_route",
    "programme.personal": "programmes.personal",
    "protocol.candidates_review": "protocols.commission",
    "protocol.council": "protocols.council",
    "protocol.mentor_interview": "protocols.commission",
    "registry.mentees": "registries",
    "registry.mentors": "registries",
    "regulation": "regulation.document",
    "report.analytical": "reports.analytical",
    "report.coverage": "reports.coverage",
    "report.municipal": "reports.municipal",
    "report.municipal_analytical": "reports.municipal",
    "report.personified": "reports.personified",
    "roadmap": "roadmap",
    "sheet.acquaintance": "sheets",
    "sheet.registration": "sheets",
}
