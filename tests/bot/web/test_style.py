"""Accessibility the source can prove: colour pairs with contrast of at least 4.5:1, body text
of at least 18 px, Chinese as the pages' language, a CSRF token in every form that posts, and
a label for every visible input (the real-browser test checks the rest as a person uses it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[3] / "bot" / "web"
CSS = (WEB / "static" / "console.css").read_text(encoding="utf-8")
TEMPLATES = sorted((WEB / "templates").glob("*.html"))
PAIRS = [  # (text, background) as the stylesheet uses them
    ("fg", "bg"),
    ("muted", "bg"),
    ("link", "bg"),
    ("button-fg", "button-bg"),
    ("secondary-fg", "secondary-bg"),
    ("header-fg", "header-bg"),
    ("warn-fg", "warn-bg"),
    ("error-fg", "error-bg"),
    ("ok-fg", "ok-bg"),
    ("badge-fg", "badge-bg"),
    ("error-fg", "bg"),
    ("secondary-fg", "bg"),
]


def _colours() -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", CSS))


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_colour_pairs_reach_4_5_to_1(text: str, background: str) -> None:
    colours = _colours()
    assert contrast(colours[text], colours[background]) >= 4.5


def test_every_colour_in_rules_is_a_named_pair() -> None:
    """Rules use the variables above, never a stray colour that no test checks."""
    rules = CSS.split("}", 1)[1]  # after :root
    assert re.findall(r"#[0-9a-fA-F]{3,6}\b", rules) == []


def test_body_text_is_at_least_18px() -> None:
    root = re.search(r"html\s*\{[^}]*font-size:\s*(\d+)px", CSS)
    assert root is not None and int(root.group(1)) >= 18
    smaller = re.findall(r"font-size:\s*0\.\d+rem", CSS)
    assert smaller == []


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_are_chinese_and_forms_carry_csrf(template: Path) -> None:
    html = template.read_text(encoding="utf-8")
    if "<html" in html:
        assert '<html lang="zh-CN">' in html
    for form in re.findall(r"<form[^>]*method=\"post\".*?</form>", html, re.S):
        assert 'name="csrf" value="{{ csrf }}"' in form
    for field in re.findall(r"<input(?![^>]*type=\"hidden\")[^>]*>", html):
        ident = re.search(r'id="([^"]+)"', field)
        assert ident and f'for="{ident.group(1)}"' in html, field
