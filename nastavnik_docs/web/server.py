"""Running the app: uvicorn on the chosen address, the browser opened on the page.

uvicorn's access log is off (it prints addresses with their query strings); the app's own
log (:mod:`.access_log`) prints method, route template and status only.
"""

from __future__ import annotations

import threading
import webbrowser

from .access_log import configure_logging, log
from .app import create_app
from .settings import WebSettings

__all__ = ["serve"]


def serve(settings: WebSettings, *, open_browser: bool = True) -> None:
    """Serve ``settings.folder`` until interrupted (Ctrl+C)."""
    import uvicorn

    app = create_app(settings)  # refuses unsafe settings before anything listens
    configure_logging()
    url = settings.url
    address = f"{url}?token={settings.token}" if settings.token else url
    log.info("Страница куратора: %s  (папка %s; остановить — Ctrl+C)", address, settings.folder)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    uvicorn.run(app, host=settings.host, port=settings.port, access_log=False, log_level="warning",
                server_header=False)
