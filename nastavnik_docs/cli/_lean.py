"""What a short command need not load: pydantic's plugin loader while plugins are disabled.

pydantic imports its plugin loader (``pydantic.plugin._loader``) when it builds its first
validator, and the loader imports ``importlib.metadata`` (with the email package's parsers)
to look for plugins among the installed packages' entry points: a tenth of a short command.
With plugins disabled — ``PYDANTIC_DISABLE_PLUGINS`` set to ``__all__``, ``1`` or ``true``,
as the command line sets it unless the user gave it a value — the loader's ``get_plugins``
returns no plugins without reading anything. :func:`skip_plugin_loader` puts a loader that
answers the same in its place before pydantic imports it.
"""

from __future__ import annotations

import os
import sys
import types

__all__ = ["LOADER", "skip_plugin_loader"]

#: The module pydantic imports its plugins with.
LOADER = "pydantic.plugin._loader"
#: The values of PYDANTIC_DISABLE_PLUGINS with which pydantic loads no plugin at all.
_DISABLED = ("__all__", "1", "true")


def _no_plugins() -> tuple[()]:
    """No plugins: what pydantic's ``get_plugins`` returns while plugins are disabled."""
    return ()


def skip_plugin_loader() -> bool:
    """Stand in for pydantic's plugin loader while plugins are disabled and the loader is not
    imported yet; whether it now stands in."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _DISABLED or LOADER in sys.modules:
        return False
    loader = types.ModuleType(LOADER, "pydantic's plugin loader while plugins are disabled: no plugins "
                                      "(nastavnik_docs.cli._lean)")
    loader.PYDANTIC_ENTRY_POINT_GROUP = "pydantic"  # type: ignore[attr-defined]
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[LOADER] = loader
    return True
