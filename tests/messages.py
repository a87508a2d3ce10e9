"""The catalogue's messages of one area as ``str.format`` templates ("登记好了，{name}！…"), the
shape the channel tests compare replies with. Each is the message said with every variable
given as its own ``{name}``."""

from __future__ import annotations

from menus.catalogue import entries, say


def templates(lang: str, area: str) -> dict[str, str]:
    """Every message of ``area`` written in ``lang``, in file order, as a template."""
    return {
        key: say(key, lang, **{name: "{" + name + "}" for name in entry.variables})
        for key, entry in entries(lang).items()
        if entry.area == area
    }


TELEGRAM_ZH = templates("zh", "telegram")
TELEGRAM_MN = templates("mn", "telegram")
