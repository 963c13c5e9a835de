"""Consents to the processing of personal data (Федеральный закон от 27.07.2006 № 152-ФЗ).

* ``consent.personal_data`` (:mod:`.personal_data`) — согласие на обработку персональных
  данных, ст. 9 ч. 4;
* ``consent.publication`` (:mod:`.publication`) — согласие на распространение, ст. 10.1.

What both share — the subject and the signer, the documents, the frame — is in
:mod:`._subject`; the default wording in ``consents.yaml``.
"""

from ._subject import AuthorityDocument, IdentityDocument, RepresentativeDetails, consent_records
from .personal_data import ConsentContext, PersonalDataConsentInput, ThirdParty
from .publication import PublicationConsentInput, PublicationContext, PublicationItem

__all__ = [
    "AuthorityDocument", "ConsentContext", "IdentityDocument", "PersonalDataConsentInput",
    "PublicationConsentInput", "PublicationContext", "PublicationItem", "RepresentativeDetails",
    "ThirdParty", "consent_records",
]
