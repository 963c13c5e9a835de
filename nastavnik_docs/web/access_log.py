"""The server's log of requests: method, route template, status and time — nothing else.

uvicorn's own access log prints the full address with its query string (a participant's
name typed into a filter, the token), so the server turns it off and logs here instead:
``/files/{file_id}`` rather than the address, never a query, a header or a body.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from .guard import ASGIApp, Message, Receive, Scope, Send

__all__ = ["LOGGER_NAME", "AccessLog", "configure_logging"]

LOGGER_NAME = "nastavnik_docs.web"
log = logging.getLogger(LOGGER_NAME)


def configure_logging(level: int = logging.INFO) -> None:
    """One line per request on stderr, with the time of day."""
    if log.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    log.addHandler(handler)
    log.setLevel(level)
    log.propagate = False


class AccessLog:
    """ASGI middleware writing «METHOD /route/{template} STATUS 12 мс» per request."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def tracking_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        finally:
            log.info("%s %s %s %.0f мс", scope["method"], route_template(scope), status or 500,
                     (time.perf_counter() - started) * 1000)


def route_template(scope: Scope) -> str:
    """The path template of the route that answered (``/files/{file_id}``), or «-»."""
    route: Any = scope.get("route")
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    if isinstance(path, str):
        return path
    return "-"
