"""Reports computed from the registry and from many organisations' tables.

* :mod:`.coverage` — ``report.coverage``, the FSN-style coverage table (XLSX);
* :mod:`.analytical` — ``report.analytical``, the analytical report (DOCX) with conclusions
  and recommendations from the rules of :mod:`nastavnik_docs.stats`;
* :mod:`.municipal` — ``report.municipal`` and ``report.municipal_analytical``, the
  authority's summary table and report from ``nastavnik-docs aggregate``;
* :mod:`.personified` — ``report.personified``, the personified accounting list (XLSX).

The figures come from :mod:`nastavnik_docs.stats`; every sentence is composed here or by
the rules' wording (``stats/analysis.yaml``), with numbers in the «показатель — число» form.
"""

from ._shared import CoverageInput

__all__ = ["CoverageInput"]
