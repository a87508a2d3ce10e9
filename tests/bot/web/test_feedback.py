"""Complaints and praise in the console: the canteen's inbox, a reply that reaches the elder
through the outbox (by the store's one answering service, as the chat's "回复 3 …"), the audit
entry, the refusals that change nothing, and the supervisor's read-only view and figures."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from starlette.testclient import TestClient

from menus.catalogue import say
from menus.db import unit_of_work
from menus.feedback import MAX_ANSWER, record
from menus.menu_store import get_canteen
from menus.models import AuditEntry, Feedback, OutboxMessage
from tests.bot.web.conftest import Console, csrf_of, person_id
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import row_counts

PAGE = "/canteens/test/feedback"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _reply(client: TestClient, feedback_id: int, text: str, code: str = "test") -> Any:
    token = csrf_of(client.get("/login").text)
    return client.post(
        f"/canteens/{code}/feedback/{feedback_id}/reply",
        data={"csrf": token, "answer": text, "month": "2026-12"},
    )


def _outbox(console: Console) -> list[tuple[int, str, str]]:
    with console.factory() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        return [(m.person_id, m.kind, m.text) for m in rows]


def test_a_reply_reaches_the_elder_through_the_outbox_and_is_audited(console: Console) -> None:
    complaint = console.complaint("今天的红烧肉太咸了")
    client = console.signed_in("manager")
    page = client.get(PAGE)
    assert page.status_code == 200
    text = _text(page.text)
    assert f"{complaint}号 · 投诉 · 王秀兰 未回复" in text
    assert "今天的红烧肉太咸了" in text and "说到的菜：红烧肉" in text
    assert "13904710001" not in page.text and "3号楼" not in page.text  # no phone, no address
    assert f'action="/canteens/test/feedback/{complaint}/reply"' in page.text
    console.clock.now = BEFORE_LUNCH + timedelta(hours=2, minutes=5)
    answer = _reply(client, complaint, "  对不起，明天少放盐  ")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{PAGE}?month=2026-12#feedback-{complaint}"
    assert _outbox(console) == [
        (
            person_id(console.factory, "王秀兰"),
            "feedback_answer",
            "食堂回复您的意见：对不起，明天少放盐",
        )
    ]
    manager = person_id(console.factory, "张建国")
    with console.factory() as session:
        row = session.get_one(Feedback, complaint)
        assert (row.answer, row.answered_by_id) == (
            "对不起，明天少放盐",
            manager,
        )
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "feedback.answer"))
        assert entry is not None
        assert (entry.actor_name, entry.target) == ("张建国", f"feedback:{complaint}")
        assert entry.detail["elder"] == "王秀兰"
    text = _text(client.get(f"{PAGE}?month=2026-12").text)
    assert f"已回复{complaint}号意见，回复已经发给王秀兰。" in text
    assert "对不起，明天少放盐" in text and "回复用时2小时5分钟" in text and "已回复" in text
    assert "用时中位数：2小时5分钟" in text
    assert "回复意见" in _text(client.get("/audit").text)


def test_the_reply_is_in_the_language_of_whoever_wrote(console: Console) -> None:
    """巴特尔 speaks Mongolian; a daughter who complained for her mother hears it herself."""
    his = console.complaint("ᠮᠠᠬᠠ ᠬᠠᠲᠠᠭᠤ", "巴特尔")
    hers = console.complaint("妈妈说饭凉了", author="李娜")
    client = console.signed_in("community")
    for feedback_id in (his, hers):
        _reply(client, feedback_id, "明天注意")
    assert _outbox(console) == [
        (
            person_id(console.factory, "巴特尔"),
            "feedback_answer",
            say("feedback_answer_to_elder", "mn", text="明天注意"),
        ),
        (person_id(console.factory, "李娜"), "feedback_answer", "食堂回复您的意见：明天注意"),
    ]


def test_bad_replies_are_refused_politely_and_change_nothing(console: Console) -> None:
    complaint = console.complaint("米饭太硬")
    done = console.complaint("粥凉了")
    elder = person_id(console.factory, "王秀兰")
    with unit_of_work(console.factory) as session:
        other = get_canteen(session, "other").id
        theirs = record(
            session,
            canteen_id=other,
            elder_id=elder,
            author_id=elder,
            kind="complaint",
            text="别的食堂的",
            now=BEFORE_LUNCH,
        ).id
    client = console.signed_in("manager")
    _reply(client, done, "马上热")
    long_text = "好" * (MAX_ANSWER + 1)
    tries = [
        (complaint, "", "回复是空的，什么都没有发出"),
        (complaint, "   ", "回复是空的，什么都没有发出"),
        (complaint, long_text, f"回复太长了（{MAX_ANSWER + 1} 个字），最多 {MAX_ANSWER} 个字"),
        (theirs, "好的", f"没有找到编号为 {theirs} 的意见"),
        (done, "再说一遍", f"{done}号意见已经回复过了"),
        (999_999, "好的", "没有找到编号为 999999 的意见"),
    ]
    for feedback_id, text, said in tries:
        before = row_counts(console.factory)
        answer = _reply(client, feedback_id, text)
        assert answer.status_code == 400, (feedback_id, text)
        assert said in answer.text, (feedback_id, text)
        assert row_counts(console.factory) == before, (feedback_id, text)
    kept = _reply(client, complaint, long_text)
    assert f">{long_text}</textarea>" in kept.text  # words kept


def test_a_manager_of_another_canteen_cannot_reply_through_their_own(console: Console) -> None:
    complaint = console.complaint("菜凉了")
    client = console.signed_in("other_manager")
    before = row_counts(console.factory)
    answer = _reply(client, complaint, "好的", code="other")
    assert answer.status_code == 400
    assert f"没有找到编号为 {complaint} 的意见" in answer.text
    assert _reply(client, complaint, "好的").status_code == 403
    assert row_counts(console.factory) == before


def test_open_complaints_come_first_then_the_month_newest_first(console: Console) -> None:
    old = console.complaint("上个月的手扒肉太硬", at=BEFORE_LUNCH - timedelta(days=10))
    praise = console.complaint("鸡蛋羹好吃", kind="praise", rating=5)
    answered = console.complaint("米饭硬", at=BEFORE_LUNCH + timedelta(minutes=5))
    rated = console.complaint("红烧肉咸", order_id=console.order_id)
    newest = console.complaint("粥凉了", at=BEFORE_LUNCH + timedelta(minutes=30))
    console.complaint("", kind="rating", rating=3)
    console.clock.now = BEFORE_LUNCH + timedelta(hours=1)
    client = console.signed_in("cook")
    _reply(client, answered, "换软米")
    page = client.get(PAGE)
    ids = [
        int(n) for n in re.findall(r'<article class="feedback[^"]*" id="feedback-(\d+)"', page.text)
    ]
    assert ids == [newest, rated, old, answered, praise]
    text = _text(page.text)
    assert f"{console.order_id}号订单，12月1日 周二 午餐：红烧肉" in text
    assert "说到的菜：手把肉" in text  # named by its alias
    assert "5分（满分5分）" in text and "已经等了30分钟" in text
    assert "本月投诉3条，已回复1条；现在还有3条投诉没有回复" in text
    assert "本月满意度：4.0分（满分5分，2人次评分）" in text
    assert len(re.findall(r"<textarea", page.text)) == 3  # open complaints only
    assert "测试社区老年食堂 意见" in text  # the navigation link
    november = _text(client.get(f"{PAGE}?month=2026-11").text)
    assert "2026年11月" in november and "本月还没有老人评分" in november


def test_the_supervisor_reads_complaints_and_figures_but_cannot_reply(console: Console) -> None:
    complaint = console.complaint("菜太咸了")
    console.complaint("", kind="rating", rating=4)
    answered = console.complaint("米饭硬")
    console.clock.now = BEFORE_LUNCH + timedelta(hours=3)
    _reply(console.signed_in("manager"), answered, "明天换软米")
    client = console.signed_in("supervisor")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "只读" in page.text and "<textarea" not in page.text and "/reply" not in page.text
    assert "菜太咸了" in page.text
    dashboard = client.get("/region").text
    row = re.search(r"测试社区老年食堂</a></th>(.*?)</tr>", dashboard)
    assert row is not None
    cells = _text(row.group(1)).split()
    assert cells[-7:] == ["2", "1", "3小时", "4.0", "分（1", "人次）", "结算"]
    assert "/canteens/test/feedback" in row.group(1)
    before = row_counts(console.factory)
    assert _reply(client, complaint, "好的").status_code == 403
    assert row_counts(console.factory) == before
