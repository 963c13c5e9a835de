"""The server's gate: every request passes it before any route sees it.

* **Host.** A server bound to the loopback address answers only requests addressed to
  ``localhost``/``127.0.0.1``/``[::1]``, so a web page on another site cannot reach it through
  a DNS name it re-points at 127.0.0.1 (DNS rebinding).
* **Other sites.** A request that changes something (POST, PUT, DELETE) and carries a
  browser's ``Origin`` of another site, or ``Sec-Fetch-Site: cross-site``, is refused, so a
  page elsewhere cannot submit forms to the curator's server.
* **Token.** With a token set (required off the loopback address) every request must carry
  it: ``Authorization: Bearer …`` from programs, a cookie in the browser, set once from the
  ``?token=`` of the address ``serve`` prints (then the address is reloaded without it).
* **Size.** A request body above the limit is refused with 413 and a Russian message, from
  its ``Content-Length`` or, without one, as soon as the bytes read pass the limit.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from .settings import WebSettings, is_loopback

__all__ = ["TOKEN_COOKIE", "Guard", "error_response"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "nastavnik_token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _host_name(host: str) -> str:
    """``127.0.0.1:8000`` → ``127.0.0.1``; ``[::1]:8000`` → ``[::1]``."""
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def error_response(send: Send, scope: Scope, status: int, detail: str,
                         headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """A JSON error ``{"detail": …, "problems": []}`` for the API, a short page otherwise."""
    if scope.get("path", "").startswith("/api/"):
        body = json.dumps({"detail": detail, "problems": []}, ensure_ascii=False).encode("utf-8")
        kind = b"application/json"
    else:
        from html import escape

        body = (f'<!doctype html><html lang="ru"><meta charset="utf-8"><title>Ошибка</title>'
                f'<link rel="stylesheet" href="/static/style.css"><main class="page"><h1>Запрос не выполнен</h1>'
                f'<p class="error" role="alert">{escape(detail)}</p>'
                f'<p><a href="/">Вернуться на главную страницу</a></p></main></html>').encode()
        kind = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware applying the checks of the module docstring."""

    def __init__(self, app: ASGIApp, settings: WebSettings):
        self.app = app
        self.settings = settings
        self.limit = settings.max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await error_response(send, scope, *refusal)
            return
        if self.settings.token and not self._has_token(scope, headers):
            await self._ask_token(scope, send)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            await error_response(send, scope, 413, self._too_large())
            return
        await self._limited(scope, receive, send)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if is_loopback(self.settings.host) and _host_name(host).lower() not in _LOCAL_NAMES:
            return 400, "Сервер отвечает только на адрес 127.0.0.1 или localhost."
        if scope["method"] not in _SAFE_METHODS:
            origin = headers.get("origin")
            if origin is not None and (origin == "null" or urlsplit(origin).netloc.lower() != host.lower()):
                return 403, "Запрос с другого сайта отклонён."
            if headers.get("sec-fetch-site") == "cross-site":
                return 403, "Запрос с другого сайта отклонён."
        return None

    def _has_token(self, scope: Scope, headers: dict[str, str]) -> bool:
        token = self.settings.token or ""
        given = headers.get("authorization", "")
        if given.lower().startswith("bearer ") and secrets.compare_digest(given[7:].strip(), token):
            return True
        cookie = SimpleCookie(headers.get("cookie", ""))
        if TOKEN_COOKIE in cookie and secrets.compare_digest(cookie[TOKEN_COOKIE].value, token):
            return True
        return False

    async def _ask_token(self, scope: Scope, send: Send) -> None:
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [v for k, v in query if k == "token"]
        if given and secrets.compare_digest(given[0], self.settings.token or "") \
                and scope["method"] in _SAFE_METHODS:
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            location = scope.get("path", "/") + (f"?{rest}" if rest else "")
            cookie = f"{TOKEN_COOKIE}={self.settings.token}; Path=/; HttpOnly; SameSite=Strict"
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", location.encode("utf-8")),
                                    (b"set-cookie", cookie.encode("latin-1")), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await error_response(send, scope, 401,
                             "Нужен ключ доступа: откройте адрес с ключом, который напечатала команда "
                             "«nastavnik-docs serve», или передайте заголовок «Authorization: Bearer КЛЮЧ».",
                             [(b"www-authenticate", b"Bearer")])

    def _too_large(self) -> str:
        limit = f"{self.settings.max_upload_mb:g}".replace(".", ",")
        return (f"Файл или запрос слишком большой: допускается не больше {limit} МБ. "
                "Уменьшите файл или запустите сервер с большим пределом (--max-upload).")

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app on a body that is known not to pass the limit.

        With a ``Content-Length`` (checked above) the server keeps the body to it. Without
        one (chunked), the body is read here up to the limit and handed to the app whole, so
        that a refusal never comes after the app has begun to answer.
        """
        headers = _headers(scope)
        if "content-length" in headers or scope["method"] in _SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            received += len(chunks[-1])
            if received > self.limit:
                await error_response(send, scope, 413, self._too_large())
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)
