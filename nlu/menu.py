"""What the NLU knows of a menu: only names. Given as data, so a new menu needs no retraining."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DishNames:
    """Every way a dish may be named: its canonical name, aliases, and Mongolian names."""

    name: str
    aliases: tuple[str, ...] = ()
    name_mn: str | None = None
    name_mn_cyrl: str | None = None


@dataclass(frozen=True)
class MenuNames:
    """The dishes the parser should recognise now."""

    dishes: tuple[DishNames, ...] = field(default_factory=tuple)

    @staticmethod
    def from_dicts(items: list[dict[str, object]]) -> MenuNames:
        """From plain dicts (``name``, ``aliases``, ``name_mn``, ``name_mn_cyrl``)."""
        dishes = []
        for item in items:
            aliases = item.get("aliases") or ()
            dishes.append(
                DishNames(
                    name=str(item["name"]),
                    aliases=tuple(str(a) for a in aliases)
                    if isinstance(aliases, (list, tuple))
                    else (),
                    name_mn=str(item["name_mn"]) if item.get("name_mn") else None,
                    name_mn_cyrl=str(item["name_mn_cyrl"]) if item.get("name_mn_cyrl") else None,
                )
            )
        return MenuNames(tuple(dishes))
