"""The console in a real browser: Debian's Chromium driven by Playwright, against the app served
by uvicorn on a free port. A manager signs in with the keyboard, sees an order placed through the
store on the board, marks it ready (two steps: 开始做, 做好了), and the board's screenshot is
saved in the test's tmp directory; a manager uploads an .xlsx menu with a bad row, fixes it and
publishes it, and the menu page's screenshot is saved; a cook keeps a 留样 with a photo; a
supervisor reaches a canteen's 结算 by keyboard and downloads its claim sheet; a community
contact answers a complaint with the keyboard alone; a manager changes a dish in the dish
library by keyboard (a refused price first) and a supervisor's dashboard chart is printed. Without
Chromium (``apt-get install chromium``, which ``make`` does) the tests are skipped here and fail
in CI."""

from __future__ import annotations

import re
from pathlib import Path

from tests.bot.web.browser import ARGS, CHROMIUM, need_chromium
from tests.bot.web.conftest import PASSWORD, Console
from tests.menus.workbooks import from_csv


def test_manager_marks_an_order_ready_in_a_browser(
    console: Console, served: str, tmp_path: Path
) -> None:
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    order = console.order_id
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login")
            # the keyboard alone: the login field has the focus, Tab to the password, Enter
            expect(page.get_by_label("登录名")).to_be_focused()
            page.keyboard.type("manager")
            expect(page.get_by_label("登录名")).to_have_value("manager")
            page.keyboard.press("Tab")
            page.keyboard.type(PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/canteens/test/board")
            row = page.locator(f"#order-{order}")
            expect(row).to_contain_text("王秀兰")
            expect(row.locator(".status")).to_have_text("已下单")
            size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            assert size >= 18
            for step, status in (("开始做", "制作中"), ("做好了", "待取餐")):
                button = page.get_by_role("button", name=f"{step}：{order}号 王秀兰")
                button.focus()
                page.keyboard.press("Enter")
                expect(page.get_by_role("status")).to_contain_text(f"{order}号订单现在是“{status}”")
                expect(page.locator(f"#order-{order} .status")).to_have_text(status)
            shot = tmp_path / "board.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert console.order_status() == "ready"
    print(f"screenshot: {shot}")


def test_manager_fixes_and_publishes_an_xlsx_menu_in_a_browser(
    console: Console, served: str, tmp_path: Path
) -> None:
    """A workbook with one bad row is refused in Mandarin; the fixed one is previewed and
    published, and the menu page shows it (its screenshot saved)."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    good = "canteen,date,meal,dish,price,portions\ntest,2026-12-03,lunch,红烧肉,13,30\n"
    good += "test,2026-12-03,lunch,米饭,1.5,\n"
    bad, fixed = tmp_path / "坏菜单.xlsx", tmp_path / "菜单.xlsx"
    bad.write_bytes(from_csv(good.replace("米饭,1.5", "米饭,一块五")))
    fixed.write_bytes(from_csv(good))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login?next=/canteens/test/menu")
            page.get_by_label("登录名").fill("manager")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_label("密码").press("Enter")
            page.wait_for_url(f"{served}/canteens/test/menu")
            page.get_by_label("菜单文件").set_input_files(str(bad))
            page.get_by_role("button", name="上传并预览").click()
            alert = page.get_by_role("alert")
            expect(alert).to_contain_text("文件有1个问题，什么都没有发布")
            expect(alert).to_contain_text("坏菜单.xlsx 第3行：dishes[1]（米饭）的价格是“一块五”")
            page.get_by_label("菜单文件").set_input_files(str(fixed))
            page.get_by_role("button", name="上传并预览").focus()
            page.keyboard.press("Enter")
            expect(page.get_by_role("heading", level=1)).to_contain_text("新菜单预览")
            page.get_by_role("button", name="发布").click()
            page.wait_for_url(f"{served}/canteens/test/menu")
            expect(page.get_by_role("status")).to_contain_text("菜单已发布")
            expect(page.get_by_role("table", name="12月3日 周四 午餐 · 2 道菜")).to_contain_text(
                "限30份"
            )
            shot = tmp_path / "menu.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")


def test_cook_keeps_a_sample_with_a_photo_in_a_browser(
    console: Console, served: str, tmp_path: Path
) -> None:
    """留样 through the real form: the dish from lunch's menu, grams typed, a PNG chosen as a
    phone would send it (multipart), then the record with its photo shown on the page."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    from tests.menus.test_food_safety import tiny_png

    photo = tmp_path / "sample.png"
    photo.write_bytes(tiny_png(8, 8))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login?next=/canteens/test/safety")
            page.get_by_label("登录名").fill("cook")
            page.get_by_label("密码").fill(PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/canteens/test/safety")
            page.get_by_label("菜品（午餐菜单上的）").select_option("红烧肉")
            page.locator("#grams-lunch").fill("150")
            page.locator("#photo-lunch").set_input_files(str(photo))
            page.get_by_role("button", name="记下午餐留样").press("Enter")
            expect(page.get_by_role("status")).to_contain_text("已记下午饭“红烧肉”留样 150 克")
            expect(page.get_by_alt_text("红烧肉的留样照片")).to_be_visible()
            width = page.get_by_alt_text("红烧肉的留样照片").evaluate("img => img.naturalWidth")
            assert width == 8
            shot = tmp_path / "safety.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")


def test_supervisor_reads_a_settlement_and_downloads_the_claims_by_keyboard(
    console: Console, served: str, tmp_path: Path
) -> None:
    """From the region dashboard to the canteen's 结算 with the keyboard alone; the CSV comes
    down as a file, and an elder's statement is one link away (its screenshot saved)."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    from tests.bot.web.test_settlement import complete

    complete(console, console.order_id)  # 王秀兰's lunch, served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login")
            expect(page.get_by_label("登录名")).to_be_focused()  # autofocus, awaited under load
            page.keyboard.type("supervisor")
            page.keyboard.press("Tab")
            page.keyboard.type(PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/region")
            page.get_by_role("link", name="测试社区老年食堂 结算").focus()
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/canteens/test/settlement")
            table = page.get_by_role("table", name="2026年12月各类老人就餐和支付（元）")
            expect(table).to_contain_text("高龄")
            expect(table.locator("tfoot")).to_contain_text("3.60")
            with page.expect_download() as waiting:
                page.get_by_role("link", name="下载 CSV 文件").focus()
                page.keyboard.press("Enter")
            download = waiting.value
            assert download.suggested_filename.endswith("-2026-12.csv")
            saved = tmp_path / "claims.csv"
            download.save_as(saved)
            assert "王秀兰" in saved.read_text(encoding="utf-8-sig")
            page.get_by_role("link", name="王秀兰").focus()
            page.keyboard.press("Enter")
            expect(page.get_by_role("heading", level=1)).to_contain_text(
                "王秀兰 · 2026年12月 对账单"
            )
            shot = tmp_path / "statement.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")


def test_a_community_contact_answers_a_complaint_by_keyboard(
    console: Console, served: str, tmp_path: Path
) -> None:
    """Tab from the complaint's reply box to its button and press Enter: the answer is shown,
    and queued for the elder (the TestClient tests check the outbox row)."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    complaint = console.complaint("今天的红烧肉太咸了")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login?next=/canteens/test/feedback")
            page.get_by_label("登录名").fill("community")
            page.get_by_label("密码").fill(PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/canteens/test/feedback")
            page.get_by_label(f"回复{complaint}号（王秀兰），最多500个字").focus()
            page.keyboard.type("对不起，明天少放盐")
            page.keyboard.press("Tab")
            expect(page.get_by_role("button", name="发送回复")).to_be_focused()
            page.keyboard.press("Enter")
            expect(page.get_by_role("status")).to_contain_text(f"已回复{complaint}号意见")
            expect(page.locator(f"#feedback-{complaint}")).to_contain_text("对不起，明天少放盐")
            shot = tmp_path / "feedback.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")


def test_a_courier_moves_a_stop_up_and_prints_the_list_on_a4(
    console: Console, served: str, tmp_path: Path
) -> None:
    """The delivery list with the keyboard: 陈国强's 上移 button, Enter, and the list comes
    back with 陈国强 first in 新华东街社区 (a plain form: no script involved). The print
    view, laid out for print at the width inside A4's margins (186 mm), runs off no edge,
    and Chromium prints it on one A4 page."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    from menus.vocab import Fulfillment

    console.place("赵桂芝", [("红烧肉", 1)], Fulfillment.DELIVERY)
    console.place("陈国强", [("鸡蛋羹", 1)], Fulfillment.DELIVERY)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login?next=/canteens/test/delivery%3Fmeal%3Dlunch")
            page.get_by_label("登录名").fill("delivery")
            page.get_by_label("密码").fill(PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/canteens/test/delivery?meal=lunch")
            rows = page.get_by_role("table", name="新华东街社区的送餐顺序").locator("tbody tr")
            expect(rows.nth(0)).to_contain_text("赵桂芝")
            page.get_by_role("button", name="上移：新华东街社区第2站 陈国强").focus()
            page.keyboard.press("Enter")
            expect(page.get_by_role("status")).to_contain_text("已把陈国强移到新华东街社区第1站")
            expect(rows.nth(0)).to_contain_text("陈国强")
            expect(rows.nth(1)).to_contain_text("赵桂芝")
            shot = tmp_path / "delivery.png"
            page.screenshot(path=str(shot), full_page=True)
            page.get_by_role("link", name="打印版（A4）").click()
            expect(page.locator("table.route tbody tr").nth(0)).to_contain_text("陈国强")
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 703, "height": 1000})  # 186 mm at 96 px an inch
            assert page.evaluate("document.documentElement.scrollWidth") <= 703
            pdf = page.pdf(format="A4", prefer_css_page_size=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
    print(f"screenshot: {shot}")


def test_manager_copies_last_week_in_the_planner_in_a_browser(
    console: Console, served: str, tmp_path: Path
) -> None:
    """The week grid of W50 is empty; 复制上周 shows what will be added, 确认复制 (by keyboard)
    copies it, and the grid shows last week's dishes and caps (its screenshot saved)."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login?next=/canteens/test/planner%3Fweek%3D2026-W50")
            page.get_by_label("登录名").fill("manager")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_label("密码").press("Enter")
            page.wait_for_url(f"{served}/canteens/test/planner?week=2026-W50")
            expect(page.locator("#cell-2026-12-08-lunch")).to_contain_text("没有菜单")
            page.get_by_role("link", name="复制上周的菜单到这一周").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("复制上周菜单 · 预览")
            expect(page.get_by_role("heading", name="会新增的菜单（4 个）")).to_be_visible()
            expect(page.locator("main")).to_contain_text(
                "12月8日 周二 午餐：红烧肉（限40份）、手把肉（限3份）、鸡蛋羹、米饭"
            )
            page.get_by_role("button", name="确认复制 4 个菜单").focus()
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/canteens/test/planner?week=2026-W50")
            expect(page.get_by_role("status")).to_contain_text("新增菜单4个")
            lunch = page.locator("#cell-2026-12-08-lunch")
            expect(lunch).to_contain_text("红烧肉 12.00元 限40份")
            expect(lunch).to_contain_text("手把肉 25.00元 限3份")
            shot = tmp_path / "planner.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")


def test_manager_edits_a_dish_by_keyboard_and_the_supervisor_prints_the_chart(
    console: Console, served: str, tmp_path: Path
) -> None:
    """The dish library by keyboard: 红烧肉's page, a price of 十三块 refused in Chinese by its
    field (focus moved there by the problem's link), 13 saved; the traditional Mongolian name
    is drawn top to bottom (taller than wide) and the Cyrillic one on a line, neither cut.
    Then the supervisor's dashboard: the chart of meals per day is inline SVG that, laid out
    for print at A4's inner width, runs off no edge; Chromium prints the page as a PDF."""
    need_chromium()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.set_default_timeout(10_000)
            page.goto(f"{served}/login?next=/canteens/test/dishes")
            page.get_by_label("登录名").fill("manager")
            page.get_by_label("密码").fill(PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/canteens/test/dishes")
            mong = page.locator("table.dishes .mn-mong").first
            box = mong.bounding_box()
            assert box is not None and box["height"] > box["width"] > 0
            cyrl = page.locator("table.dishes .mn-cyrl").first
            expect(cyrl).to_have_text("улаан шарсан мах")
            assert page.evaluate("e => e.scrollWidth <= e.clientWidth", cyrl.element_handle())
            page.get_by_role("link", name="红烧肉").focus()
            page.keyboard.press("Enter")
            price = page.get_by_label("价格（元）")
            price.focus()
            page.keyboard.press("Control+A")
            page.keyboard.type("十三块")
            page.keyboard.press("Enter")
            expect(page.get_by_role("alert")).to_contain_text("价格（元）是“十三块”")
            page.get_by_role("link", name=re.compile("价格（元）是")).focus()
            page.keyboard.press("Enter")
            expect(price).to_be_focused()
            expect(price).to_have_attribute("aria-invalid", "true")
            page.keyboard.press("Control+A")
            page.keyboard.type("13")
            page.keyboard.press("Enter")
            expect(page.get_by_role("status")).to_contain_text("价格（元）：12 → 13")
            page.screenshot(path=str(tmp_path / "dish.png"), full_page=True)
            page.get_by_role("button", name="退出登录").click()
            page.goto(f"{served}/login?next=/region")
            page.get_by_label("登录名").fill("supervisor")
            page.get_by_label("密码").fill(PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_url(f"{served}/region")
            chart = page.get_by_role("img", name="本月每天供餐份数")
            expect(chart).to_be_visible()
            page.screenshot(path=str(tmp_path / "region.png"), full_page=True)
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 703, "height": 1000})  # 186 mm at 96 px an inch
            assert page.evaluate("document.documentElement.scrollWidth") <= 703
            drawn = chart.bounding_box()
            assert drawn is not None and 0 < drawn["width"] <= 703
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    assert pdf[:5] == b"%PDF-"
    from sqlalchemy import select

    from menus.models import Dish

    with console.factory() as session:
        assert session.scalar(select(Dish.price_fen).where(Dish.name == "红烧肉")) == 1300
    print(f"screenshots: {tmp_path}")
