"""Mongolian is one language written in two scripts: which a language code writes, and which
script a person's words are in.

``mn`` is Mongolian in the traditional script (ᠮᠣᠩᠭᠣᠯ, the script of Inner Mongolia's schools
and signs); ``mn-Cyrl`` is Mongolian in Cyrillic (монгол), as herders with phones set up in
Mongolia and younger people type it. They share everything spoken (the parser, the voice) and
differ in what is written: the catalogue (``menus/locales/mn-Cyrl``), the dishes' names
(``name_mn_cyrl``) and the digits (Cyrillic writes 0-9). A person is answered in the script
they last wrote in (the dialogue follows it turn by turn), never switched between Mongolian
and Mandarin by it.
"""

from __future__ import annotations

import re

CYRILLIC_MN = "mn-Cyrl"
MONGOLIAN = frozenset({"mn", CYRILLIC_MN})

_TRADITIONAL = re.compile("[\u1820-\u18aa]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def is_mongolian(lang: str | None) -> bool:
    """Whether ``lang`` is Mongolian, in either script."""
    return lang in MONGOLIAN


def spoken_language(lang: str) -> str:
    """The language as heard and spoken aloud (recognisers, voices): ``mn`` for both scripts."""
    return "mn" if lang in MONGOLIAN else lang


def name_in(lang: str, name: str, name_mn: str | None, name_mn_cyrl: str | None) -> str:
    """A dish's (or canteen's) name for a reader of ``lang``: its Mongolian name in the script
    they read where the menu gives one, else the Mandarin name (never the other script's)."""
    if lang == CYRILLIC_MN:
        return name_mn_cyrl or name
    return (name_mn or name) if lang == "mn" else name


def script_of(text: str) -> str | None:
    """``mn`` for text mostly in the traditional script, ``mn-Cyrl`` for text mostly in
    Cyrillic, None for text in neither (digits, a Chinese dish name, an emoji)."""
    traditional = len(_TRADITIONAL.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    if not traditional and not cyrillic:
        return None
    return "mn" if traditional >= cyrillic else CYRILLIC_MN
