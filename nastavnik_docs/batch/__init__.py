"""Many documents in one run: certificates for every participant, programmes for every pair.

``records_from_source`` turns a registry (XLSX/YAML), a YAML/JSON list of records or a CSV
table into one input dict per document, with the shared fields (organisation, date,
signer, wording) of a ``common`` YAML merged into each: :mod:`nastavnik_docs.io` reads the
files, the document kind chooses its records from a registry. ``render_batch`` writes one
file per record:

* names come from a pattern (``{last_name}_{initials}``), made safe for Windows and unique
  (``Иванова_М.П._2.docx``);
* each file is written under a temporary name and renamed when complete, so a killed run
  leaves no half-written document; ``resume=True`` skips the files already there and
  removes the temporary files this batch left;
* the output folder is locked for the run: a second run into it is refused before it
  changes anything; worker processes end with the run that started them;
* a record with bad data is reported (and listed in «Ошибки выпуска.csv» in the output
  folder, formulas neutralised, no personal data; ``redact=True``: record numbers only)
  and never stops the others;
* DOCX templates go through the fast path (:mod:`nastavnik_docs.engine.fast`), prepared
  once per process; ``jobs=N`` spreads the records over N processes;
* ``merge=True`` also makes one print file of all documents, each from a new page
  (:mod:`nastavnik_docs.engine.merge`);
* instead of a folder, the documents may go into one ZIP file, a ZIP written into a
  binary stream, or a :class:`BatchStream` of ``(file name, bytes)`` pairs made one by
  one with flat memory (:mod:`._sinks`).
"""

from ._filters import EmptySelection, Filter, parse_filters
from ._names import name_fields, safe_file_stem, unique_names
from ._numbers import JOURNAL_PREFIX, Numbering, journal_path
from ._plan import MERGED_SUFFIX
from ._records import records_from_source
from ._report import ERROR_REPORT, BatchReport, Failure
from ._run import render_batch, zip_written
from ._sinks import ZIP_SUFFIX, BatchStream

__all__ = [
    "ERROR_REPORT",
    "JOURNAL_PREFIX",
    "MERGED_SUFFIX",
    "ZIP_SUFFIX",
    "BatchReport",
    "BatchStream",
    "EmptySelection",
    "Failure",
    "Filter",
    "Numbering",
    "journal_path",
    "name_fields",
    "parse_filters",
    "records_from_source",
    "render_batch",
    "safe_file_stem",
    "unique_names",
    "zip_written",
]
