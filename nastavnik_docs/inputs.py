"""Every kind's input model by name (входные данные каждого вида документа).

One public module holds them all, so that software building documents from
its own data can import the model it fills, type-check against it and read its fields::

    from nastavnik_docs.inputs import AssignPairsInput

    data = AssignPairsInput(organization=..., registry=..., number="57-о")
    nd.render("order.assign_pairs", data, "приказ.docx")

Each model's docstring and every field's ``description`` are in Russian (``help(model)``,
``model.model_fields``, ``nd.input_schema(kind)``). :data:`INPUT_MODELS` maps each kind's
id to its model; several kinds share one (the five awards, the two registries, the two
reports). The models live with their kinds (``nastavnik_docs.kinds``); this module only
gathers them.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

from .kinds import all_kinds
from .kinds.awards import AwardInput
from .kinds.consents.personal_data import PersonalDataConsentInput
from .kinds.consents.publication import PublicationConsentInput
from .kinds.labour.agreement import AgreementInput
from .kinds.labour.consent import ConsentInput
from .kinds.orders.change import ChangePairInput
from .kinds.orders.closing import FinalEventInput
from .kinds.orders.curator import AppointCuratorInput
from .kinds.orders.organisation import (
    ApproveRegulationInput,
    IntroduceModelInput,
    WorkingGroupInput,
)
from .kinds.orders.pairs import AppointMentorsInput, AssignPairsInput
from .kinds.orders.reward import RewardInput
from .kinds.programmes.individual_route import IndividualRouteInput
from .kinds.programmes.personal import PersonalProgrammeInput
from .kinds.protocols import CouncilInput, InterviewInput, ReviewInput
from .kinds.questionnaires import FeedbackInput, MenteeQuestionnaireInput, QuestionnaireInput
from .kinds.registries import RegistryListInput
from .kinds.regulation import RegulationInput
from .kinds.reports import CoverageInput
from .kinds.reports.municipal import MunicipalInput, MunicipalReportInput
from .kinds.reports.personified import PersonifiedInput
from .kinds.sheets import AcquaintanceSheetInput, RegistrationSheetInput
from .models.roadmap import Roadmap

__all__ = [
    "INPUT_MODELS",
    "AcquaintanceSheetInput",
    "AgreementInput",
    "AppointCuratorInput",
    "AppointMentorsInput",
    "ApproveRegulationInput",
    "AssignPairsInput",
    "AwardInput",
    "ChangePairInput",
    "ConsentInput",
    "CouncilInput",
    "CoverageInput",
    "FeedbackInput",
    "FinalEventInput",
    "IndividualRouteInput",
    "InterviewInput",
    "IntroduceModelInput",
    "MenteeQuestionnaireInput",
    "MunicipalInput",
    "MunicipalReportInput",
    "PersonalDataConsentInput",
    "PersonalProgrammeInput",
    "PersonifiedInput",
    "PublicationConsentInput",
    "QuestionnaireInput",
    "RegistrationSheetInput",
    "RegistryListInput",
    "RegulationInput",
    "ReviewInput",
    "RewardInput",
    "Roadmap",
    "WorkingGroupInput",
]

#: Kind id → its input model («order.assign_pairs» → :class:`AssignPairsInput`).
INPUT_MODELS: Mapping[str, type[BaseModel]] = {kind.id: kind.input_model for kind in all_kinds()}
