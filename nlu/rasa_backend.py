"""The out-of-process backend: a Rasa 3.6 server's ``/model/parse``, answered in our format.

Rasa lives in its own Python 3.10 environment (see ``nlu/rasa/``) because it pins old
SQLAlchemy and APScheduler. Its DIET model finds spans; values that depend on the day or the
menu (dates, dishes) are normalised here with the same rules the in-process parser uses, so
both backends answer alike and can be compared on the same test set.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import date
from typing import Any

from nlu.dishes import DishMatcher
from nlu.extract_zh import Masked, find_dates, find_times
from nlu.menu import MenuNames
from nlu.numbers import chinese_to_int
from nlu.text import clean


class RasaUnavailable(Exception):
    """The Rasa server did not answer."""


class RasaBackend:
    """Sends each utterance to a Rasa server and normalises the answer."""

    def __init__(self, url: str, menu: MenuNames, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/") + "/model/parse"
        self.dishes = DishMatcher(menu)
        self.timeout = timeout

    def parse(self, text: str, *, today: date, lang: str = "auto") -> dict[str, Any]:
        """Rasa's answer with values normalised for ``today`` and the current menu."""
        cleaned = clean(text)
        body = json.dumps({"text": cleaned}).encode()
        request = urllib.request.Request(
            self.url, data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read().decode())
        except (urllib.error.URLError, TimeoutError, ValueError) as exc:
            raise RasaUnavailable(f"{self.url}: {exc}") from exc
        intent = answer.get("intent") or {}
        entities = [self._normalise(e, cleaned, today) for e in answer.get("entities") or []]
        return {
            "text": cleaned,
            "lang": lang if lang in ("zh", "mn") else "auto",
            "intent": {
                "name": intent.get("name") or "out_of_scope",
                "confidence": round(float(intent.get("confidence") or 0.0), 3),
            },
            "entities": [e for e in entities if e is not None],
        }

    def _normalise(self, raw: dict[str, Any], text: str, today: date) -> dict[str, Any] | None:
        kind = str(raw.get("entity"))
        start, end = raw.get("start"), raw.get("end")
        span = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        value: Any = raw.get("value")
        if kind == "date" and span:
            found = find_dates(Masked(span), today)
            value = found[0].value if found else value
        elif kind == "time" and span:
            found = find_times(Masked(span))
            value = found[0].value if found else value
        elif kind == "quantity":
            number = chinese_to_int(span) if span else None
            value = number if number is not None else _int_or(value)
        elif kind == "dish" and span:
            mentions = self.dishes.find(span)
            value = mentions[0].name if mentions else value
        entity: dict[str, Any] = {"entity": kind, "value": value}
        if isinstance(start, int) and isinstance(end, int):
            entity["start"], entity["end"] = start, end
        if raw.get("group") is not None:
            entity["group"] = _int_or(raw["group"])
        return entity


def _int_or(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value
