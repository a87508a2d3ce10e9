"""The catalogue's messages of one area as ``str.format`` templates ("登记好了，{name}！…"), the
shape the channel tests compare replies with. Each is the message said with every variable
given as its own ``{name}``."""

from __future__ import annotations

from menus.catalogue import entries, say


def template(key: str, lang: str) -> str:
    """The message ``key`` as written in ``lang``, as a template."""
    return say(key, lang, **{name: "{" + name + "}" for name in entries(lang)[key].variables})


def templates(lang: str, area: str) -> dict[str, str]:
    """Every message of ``area`` written in ``lang``, in file order, as a template."""
    return {key: template(key, lang) for key, e in entries(lang).items() if e.area == area}


TELEGRAM_ZH = templates("zh", "telegram")
TELEGRAM_MN = templates("mn", "telegram")
