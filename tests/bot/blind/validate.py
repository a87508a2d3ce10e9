"""Checks a conversation file's format against the world (names, dishes, dates); not content."""

import datetime
import sys
from pathlib import Path

import yaml

W = Path(__file__).parent / "world"
worlds = {}
for w in ("town", "sumu"):
    menu = yaml.safe_load((W / f"{w}_menu.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((W / f"{w}_people.yaml").read_text(encoding="utf-8"))
    names = {p["name"] for k in ("elders", "family", "staff") for p in people.get(k, [])}
    elders = {p["name"] for p in people["elders"]}
    served = {}
    for m in menu["menus"]:
        served.setdefault((str(m["date"]), m["meal"]), set()).update(m["dishes"])
    worlds[w] = (names, elders, served, {d["name"] for d in menu["dishes"]})
errors = 0


def bad(where, msg):
    global errors
    errors += 1
    print(f"{where}: {msg}")


def order(where, o, w, elder=None):
    _names, elders, served, dishes = worlds[w]
    keys = {"date", "meal", "fulfillment", "dishes"} | ({"elder"} if elder is None else set())
    if set(o) != keys:
        bad(where, f"order keys must be {sorted(keys)}, got {sorted(o)}")
    try:
        d = datetime.date.fromisoformat(str(o.get("date")))
    except ValueError:
        bad(where, "bad date")
        return
    if o.get("meal") not in ("breakfast", "lunch", "dinner"):
        bad(where, "bad meal")
    if o.get("fulfillment") not in ("delivery", "pickup", "dine_in"):
        bad(where, "bad fulfillment")
    ds = o.get("dishes")
    if not isinstance(ds, dict) or not ds:
        bad(where, "dishes must be a mapping name: count")
        return
    for k, v in ds.items():
        if k not in dishes:
            bad(where, f"{k} is not a canonical dish name")
        elif k not in served.get((str(d), o.get("meal")), set()):
            bad(where, f"{k} is not served {d} {o.get('meal')}")
        if not isinstance(v, int) or v < 1:
            bad(where, f"count of {k} must be a positive integer")
    if elder is None and o.get("elder") not in elders:
        bad(where, f"{o.get('elder')} is not an elder")


for path in sys.argv[1:]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        bad(path, "must be a list")
        continue
    seen = set()
    for i, c in enumerate(data):
        where = f"{path}#{i} {c.get('name')}"
        if c.get("name") in seen:
            bad(where, "duplicate name")
        seen.add(c.get("name"))
        extra = set(c) - {"name", "world", "speaker", "now", "lang", "given", "turns", "expect"}
        if extra:
            bad(where, f"unknown keys {extra}")
        w = c.get("world")
        if w not in worlds:
            bad(where, "world must be town or sumu")
            continue
        names, elders, served, dishes = worlds[w]
        if c.get("speaker") not in names:
            bad(where, f"speaker {c.get('speaker')} not in {w}")
        if c.get("lang", "zh") not in ("zh", "mn"):
            bad(where, "lang must be zh or mn")
        if "now" in c:
            try:
                datetime.datetime.fromisoformat(str(c["now"]))
            except ValueError:
                bad(where, "bad now")
        for o in c.get("given") or []:
            order(where + " given", o, w)
        turns = c.get("turns")
        if not isinstance(turns, list) or not turns:
            bad(where, "turns must be a non-empty list")
        for t in turns or []:
            if isinstance(t, dict):
                if set(t) - {"say", "as", "mentions"} or "say" not in t:
                    bad(where, f"bad turn {t}")
                if "as" in t and t["as"] not in names:
                    bad(where, f"as: {t['as']} not in {w}")
                if "mentions" in t and not all(isinstance(m, str) for m in t["mentions"]):
                    bad(where, "mentions must be strings")
            elif not isinstance(t, str) or not t.strip():
                bad(where, f"bad turn {t!r}")
        e = c.get("expect")
        if not isinstance(e, dict) or not e:
            bad(where, "expect is required")
            continue
        if set(e) - {"orders", "standing", "alert"}:
            bad(where, f"unknown expect keys {set(e)}")
        for key in ("orders", "standing"):
            for elder, os in (e.get(key) or {}).items():
                if elder not in elders:
                    bad(where, f"{elder} is not an elder of {w}")
                for o in os or []:
                    order(where + f" {key}", o, w, elder=elder)
print(f"{errors} problem(s)")
sys.exit(1 if errors else 0)
