"""The curator's web page and the HTTP API (optional: ``pip install "nastavnik-docs[web]"``).

``nastavnik-docs serve [DIR]`` runs a local server (FastAPI on uvicorn) over a project
folder: Russian server-rendered pages to fill the organisation card, load the registry
workbook and see its problems, and issue certificates in batches with a progress bar;
and ``/api/`` for other software (the catalogue, a document from JSON, a batch as ZIP,
template checks). Safe by default: 127.0.0.1 only unless a token is set, upload limits,
uploads read only by the library's own readers, files handed out by id from a server-side
index, no personal data in the log.

This package sits at the top, beside the CLI: it imports the library, nothing in the
library imports it, and the core never needs the web stack.
"""

from .app import create_app
from .server import serve
from .settings import DEFAULT_MAX_UPLOAD_MB, WebSettings, is_loopback

__all__ = ["DEFAULT_MAX_UPLOAD_MB", "WebSettings", "create_app", "is_loopback", "serve"]
