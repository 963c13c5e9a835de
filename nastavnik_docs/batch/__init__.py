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
  removes stray temporary files;
* a record with bad data is reported (and listed in «Ошибки выпуска.csv» in the output
  folder) and never stops the others;
* DOCX templates go through the fast path (:mod:`nastavnik_docs.engine.fast`), prepared
  once per process; ``jobs=N`` spreads the records over N processes;
* ``merge=True`` also makes one print file of all documents, each from a new page
  (:mod:`nastavnik_docs.engine.merge`);
* instead of a folder, the documents may go into one ZIP file, a ZIP written into a
  binary stream, or a :class:`BatchStream` of ``(file name, bytes)`` pairs made one by
  one with flat memory (:mod:`._sinks`).
"""

from ._names import name_fields, safe_file_stem, unique_names
from ._plan import MERGED_SUFFIX
from ._records import records_from_source
from ._report import ERROR_REPORT, BatchReport, Failure
from ._run import render_batch
from ._sinks import ZIP_SUFFIX, BatchStream

__all__ = [
    "ERROR_REPORT",
    "MERGED_SUFFIX",
    "ZIP_SUFFIX",
    "BatchReport",
    "BatchStream",
    "Failure",
    "name_fields",
    "records_from_source",
    "render_batch",
    "safe_file_stem",
    "unique_names",
]
