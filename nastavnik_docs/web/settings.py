"""The server's settings: the folder it serves, where it listens, the token, the upload limit.

Bound to the loopback address by default; any other address needs a token, and
:meth:`WebSettings.validate` refuses to start without one.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_MAX_UPLOAD_MB", "WebSettings", "is_loopback"]

#: The default limit of one request body (an uploaded workbook, a JSON input), in MiB.
DEFAULT_MAX_UPLOAD_MB = 20.0


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1, localhost and the rest of 127.0.0.0/8."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass
class WebSettings:
    """How the server runs. ``folder`` is the project folder it serves (created if absent)."""

    folder: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    #: Where documents made for a request are written before they are sent (a temporary
    #: folder of the server when None).
    work_dir: Path | None = None

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    def validate(self) -> None:
        """Refuse settings that would expose the curator's data (a Russian ValueError)."""
        if not is_loopback(self.host) and not self.token:
            raise ValueError(
                f"Сервер на адресе {self.host} будет доступен другим компьютерам сети: "
                "задайте ключ доступа (--token), иначе запуск невозможен.")
        if self.token is not None and len(self.token) < 16:
            raise ValueError("Ключ доступа (--token) слишком короткий: нужно не меньше 16 символов.")
        if self.max_upload_mb <= 0:
            raise ValueError("Предел размера загрузки должен быть больше нуля.")

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}/"
