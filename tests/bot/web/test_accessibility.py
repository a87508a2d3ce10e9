"""axe-core (from npm: ``package.json``, installed by ``make``) run in Debian's Chromium on
every page of the console, as the person who uses it sees it: the sign-in page (also with a
refusal), a manager's board (with a message after moving an order), kitchen sheet and its A4
print view, an order's history, the delivery list (also after a move) and its print view, the
menu page (with a refused file's problems, and a preview), the menu planner (its week, a copy's
preview, one meal's page, a closed day and a refused closure), the dish library and a dish's
page (also with a refused change's problems, and after a change), food safety and the audit
log; a supervisor's region dashboard (with its month: the chart, categories, budget, food-safety
gaps), read-only board, menu, planner, food safety, delivery list, dish library, dish page and
audit log; and the refusal and not-found pages. No "serious" or
"critical" violation is allowed on any of them.

Why in the browser and not on the HTML: half of axe's serious rules (contrast, focusable
controls, names computed from labels) need the rendered page with its stylesheet. The pages'
content security policy refuses inline scripts, so the browser context bypasses it to inject
axe (the console itself is unchanged). Without Chromium or axe-core this skips here and fails
in CI, like the other browser tests."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from menus import food_safety as fs
from menus.clock import TZ
from menus.db import unit_of_work
from menus.menu_store import get_canteen
from menus.vocab import Fulfillment
from tests.bot.web.browser import ARGS, CHROMIUM, missing, need_chromium
from tests.bot.web.conftest import PASSWORD, Console, person_id
from tests.menus.test_food_safety import tiny_png

ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = frozenset({"serious", "critical"})
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""
GOOD_MENU = "canteen,date,meal,dish,price,portions\ntest,2026-12-03,lunch,红烧肉,13,30\n"
BAD_MENU = GOOD_MENU.replace(",13,", ",十三块,")


NOON = datetime(2026, 12, 1, 12, 30, tzinfo=TZ)
"""The pages are read at lunch time, after the day's records were kept."""


def fill_the_pages(console: Console) -> None:
    """What makes every part of the pages show: deliveries to two communities (the kitchen
    sheet's delivery list, the delivery list with its buttons), a 留样 with a photo, the
    tableware disinfected and a self-inspection with one check failed (the food-safety page's
    records); the console's clock moved to lunch time."""
    console.place("刘德福", [("红烧肉", 1)], fulfillment=Fulfillment.DELIVERY)
    console.place("赵桂芝", [("米饭", 1)], fulfillment=Fulfillment.DELIVERY)
    cook = person_id(console.factory, "李厨师")
    day = date(2026, 12, 1)
    answers = {code: fs.Answer(True) for code in fs.CHECKS}
    answers[next(iter(fs.CHECKS))] = fs.Answer(False, "冰箱温度偏高")
    with unit_of_work(console.factory) as session:
        canteen = get_canteen(session, "test")
        sample = fs.NewSample(day, "lunch", "红烧肉", "150", "11:40", tiny_png(8, 8))
        fs.record_sample(session, canteen, sample, cook, NOON)
        disinfected = fs.NewDisinfection(day, "lunch", "cabinet", "11:00")
        fs.record_disinfection(session, canteen, disinfected, cook, NOON)
        fs.record_inspection(session, canteen, day, answers, cook, NOON)
    console.clock.now = NOON


def blocking(page: Any, name: str) -> list[str]:
    """axe's serious and critical violations on the page now shown, as readable lines."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE)
    return [
        f"{name}: {v['id']} ({v['impact']}) {v['help']} at {'; '.join(v['targets'])}"
        for v in found
        if v["impact"] in BLOCKING
    ]


def sign_in(page: Any, served: str, login: str, password: str = PASSWORD) -> None:
    """Through the sign-in form, as a person does."""
    page.goto(f"{served}/login")
    page.get_by_label("登录名").fill(login)
    page.get_by_label("密码").fill(password)
    page.get_by_label("密码").press("Enter")
    page.wait_for_load_state()


def visit(page: Any, url: str, name: str) -> list[str]:
    """Open ``url`` and check it."""
    page.goto(url)
    return blocking(page, name)


def anonymous_pages(page: Any, served: str) -> list[str]:
    """The sign-in page, the same after a wrong password, and a page that does not exist."""
    found = visit(page, f"{served}/login", "login")
    sign_in(page, served, "manager", "not the password")
    found += blocking(page, "login refused")
    return found + visit(page, f"{served}/no/such/page", "not found")


def manager_pages(page: Any, served: str, console: Console, tmp: Path) -> list[str]:
    """Every page a manager opens, with a flash message, a refused file and a preview."""
    base, order = f"{served}/canteens/test", console.order_id
    sign_in(page, served, "manager")
    page.get_by_role("button", name=f"开始做：{order}号 王秀兰").click()
    found = blocking(page, "board after a move")
    for path, name in (
        ("kitchen", "kitchen"),
        ("kitchen?meal=lunch", "kitchen lunch"),
        ("kitchen/print?meal=lunch", "kitchen print"),
        (f"orders/{order}", "order history"),
        ("safety", "food safety"),
        ("planner?week=2026-W49", "menu planner"),
        ("planner/copy?week=2026-W50", "copy preview"),
        ("planner/cell?date=2026-12-01&meal=lunch", "one meal of the planner"),
    ):
        found += visit(page, f"{base}/{path}", name)
    found += visit(page, f"{base}/delivery?meal=lunch", "delivery list")
    page.get_by_role("button", name="社区上移：海东路社区").click()
    found += blocking(page, "delivery list after a move")
    found += visit(page, f"{base}/delivery/print?meal=lunch", "delivery print")
    found += closed_day(page, f"{base}/planner?week=2026-W49")
    found += menu_uploads(page, f"{base}/menu", tmp)
    found += dish_edits(page, f"{base}/dishes")
    found += visit(page, f"{served}/audit", "audit log")
    return found + visit(page, f"{served}/canteens/other/board", "refused page")


def closed_day(page: Any, planner: str) -> list[str]:
    """The planner after marking a day closed (its column marked, its 取消休息 button), and
    after a refused closure (a day with orders: the alert)."""
    from playwright.sync_api import expect

    page.goto(planner)
    page.get_by_label("哪一天").select_option("2026-12-04")
    page.get_by_label("原因（会告诉老人，最多 40 个字）").fill("停水")
    page.get_by_role("button", name="设为休息").click()
    expect(page.get_by_role("status")).to_contain_text("已设为休息")
    found = blocking(page, "planner with a closed day")
    page.get_by_label("哪一天").select_option("2026-12-01")
    page.get_by_label("原因（会告诉老人，最多 40 个字）").fill("停水")
    page.get_by_role("button", name="设为休息").click()
    expect(page.get_by_role("alert")).to_contain_text("份订单，不能设为休息")
    return found + blocking(page, "planner with a refused closure")


def menu_uploads(page: Any, menu: str, tmp: Path) -> list[str]:
    """The menu page with a refused file's problems, then a good file's preview."""
    bad, good = tmp / "bad.csv", tmp / "good.csv"
    bad.write_text(BAD_MENU, encoding="utf-8")
    good.write_text(GOOD_MENU, encoding="utf-8")
    from playwright.sync_api import expect

    found: list[str] = []
    for path, shown, name in (
        (bad, page.get_by_role("alert"), "menu problems"),
        (good, page.get_by_role("heading", name="新菜单预览"), "menu preview"),
    ):
        page.goto(menu)
        page.get_by_label("菜单文件").set_input_files(str(path))
        page.get_by_role("button", name="上传并预览").click()
        expect(shown).to_be_visible()
        found += blocking(page, name)
    return found


def dish_edits(page: Any, library: str) -> list[str]:
    """The dish library, a dish's page, the same with a refused change's problems by their
    fields, and after a change is saved."""
    from playwright.sync_api import expect

    found = visit(page, library, "dish library")
    page.get_by_role("link", name="红烧肉").click()
    found += blocking(page, "dish page")
    page.get_by_label("价格（元）").fill("十三块")
    page.get_by_label("蒙古文名（传统蒙古文）").fill("hongshaorou")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("alert")).to_contain_text("什么都没有保存")
    found += blocking(page, "dish page with problems")
    page.get_by_label("价格（元）").fill("13")
    page.get_by_label("蒙古文名（传统蒙古文）").fill("ᠤᠯᠠᠭᠠᠨ ᠰᠢᠷᠠᠭᠰᠠᠨ ᠮᠢᠬᠠ")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("status")).to_contain_text("已保存")
    return found + blocking(page, "dish page after a change")


def supervisor_pages(page: Any, served: str, dish_id: int) -> list[str]:
    """The region dashboard and the read-only pages a supervisor opens."""
    sign_in(page, served, "supervisor")
    found = blocking(page, "region dashboard")
    for path, name in (
        ("/canteens/test/board", "read-only board"),
        ("/canteens/test/menu", "read-only menu"),
        ("/canteens/test/planner?week=2026-W49", "read-only planner"),
        ("/canteens/test/safety", "read-only food safety"),
        ("/canteens/test/delivery?meal=lunch", "read-only delivery list"),
        ("/canteens/test/dishes", "read-only dish library"),
        (f"/canteens/test/dishes/{dish_id}", "read-only dish page"),
        ("/audit", "region audit log"),
    ):
        found += visit(page, f"{served}{path}", name)
    return found


def dish_of(console: Console, name: str) -> int:
    """The id of the test canteen's dish ``name``."""
    from sqlalchemy import select

    from menus.models import Dish

    with console.factory() as session:
        found = session.scalar(select(Dish.id).where(Dish.name == name))
    assert found is not None
    return found


def axe_sees_a_nameless_button(page: Any) -> bool:
    """The check's own check: axe, injected the same way, reports a button with no name
    (critical), so an empty result below means the pages passed, not that axe never ran."""
    page.set_content("<!doctype html><html lang='zh-CN'><title>t</title><main><button></button>")
    return any(" button-name (critical)" in line for line in blocking(page, "canary"))


def test_no_serious_accessibility_violation_on_any_page(
    console: Console, served: str, tmp_path: Path
) -> None:
    need_chromium()
    if not AXE.exists():
        missing("axe-core (npm ci, which `make` runs)")
    from playwright.sync_api import sync_playwright

    fill_the_pages(console)
    found: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for role in ("anonymous", "manager", "supervisor"):
                # each role in a context of its own: its own cookies, the CSP bypassed for axe
                context = browser.new_context(
                    bypass_csp=True, locale="zh-CN", viewport={"width": 1280, "height": 900}
                )
                page = context.new_page()
                page.set_default_timeout(10_000)
                if role == "anonymous":
                    assert axe_sees_a_nameless_button(page)
                    found += anonymous_pages(page, served)
                elif role == "manager":
                    found += manager_pages(page, served, console, tmp_path)
                else:
                    found += supervisor_pages(page, served, dish_of(console, "米饭"))
                context.close()
        finally:
            browser.close()
    assert found == []
