"""Staff accounts: created for staff of a canteen or a region's supervisor, passwords kept only
as argon2 hashes, sessions that end on sign-out, and guessing slowed per login and per address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from menus.accounts import (
    FAILURE_WINDOW,
    MAX_FAILURES_PER_CLIENT,
    MAX_FAILURES_PER_LOGIN,
    SESSION_LIFETIME,
    NewAccount,
    SignIn,
    create_account,
    session_access,
    sign_in,
    sign_out,
)
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import get_canteen
from menus.models import AuditEntry, LoginFailure, Person, StaffAccount, StaffMember, WebSession
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import row_counts

NOW = BEFORE_LUNCH
PASSWORD = "correct horse battery"


def add(factory: sessionmaker[Session], new: NewAccount, password: str = PASSWORD) -> int:
    with unit_of_work(factory) as session:
        return create_account(session, new, password, NOW).id


def attempt(
    factory: sessionmaker[Session], login: str, password: str, client: str = "10.0.0.1"
) -> SignIn:
    with unit_of_work(factory) as session:
        return sign_in(session, login, password, client, NOW)


def test_existing_staff_member_gets_the_account_and_the_role(shop: sessionmaker[Session]) -> None:
    """张建国 of the people file signs in as himself; no second person is made."""
    add(shop, NewAccount("张建国", "zhang", "cook", canteen_code="test"))
    with shop() as session:
        account = session.scalar(select(StaffAccount).where(StaffAccount.login == "zhang"))
        assert account is not None
        person = session.get(Person, account.person_id)
        assert person is not None and person.name == "张建国"
        assert session.scalar(select(func.count()).where(Person.name == "张建国")) == 1
        member = session.scalar(select(StaffMember).where(StaffMember.person_id == person.id))
        assert member is not None and member.role == "cook"
        assert PASSWORD not in account.password_hash
        assert account.password_hash.startswith("$argon2id$")
        entry = session.scalar(select(AuditEntry))
        assert entry is not None
        assert (entry.action, entry.target, entry.region) == (
            "account.create",
            "account:zhang",
            "150102",
        )


def test_new_staff_member_and_supervisor(shop: sessionmaker[Session]) -> None:
    add(shop, NewAccount("李师傅", "li", "delivery", canteen_code="test"))
    add(shop, NewAccount("民政赵科长", "zhao", "supervisor", region="1501"))
    li = attempt(shop, "li", PASSWORD).access
    zhao = attempt(shop, "zhao", PASSWORD).access
    assert li is not None and zhao is not None
    with shop() as session:
        canteen = get_canteen(session, "test")
        assert dict(li.roles) == {canteen.id: "delivery"} and not li.is_supervisor
        assert zhao.is_supervisor and zhao.supervisor_region == "1501" and not zhao.roles
        person = session.get(Person, zhao.person_id)
        assert person is not None and person.kind == "supervisor"


@pytest.mark.parametrize(
    ("new", "password", "code"),
    [
        (NewAccount("王", "wang", "cook", canteen_code="test"), "short", "weak_password"),
        (NewAccount("王", "wang", "chef", canteen_code="test"), PASSWORD, "bad_role"),
        (NewAccount("王", "wang", "cook"), PASSWORD, "staff_need_canteen"),
        (NewAccount("王", "wang", "cook", canteen_code="nope"), PASSWORD, "unknown_canteen"),
        (
            NewAccount("王", "wang", "cook", canteen_code="test", region="1501"),
            PASSWORD,
            "region_is_for_supervisors",
        ),
        (NewAccount("王", "wang", "supervisor", region="15%"), PASSWORD, "bad_region"),
        (
            NewAccount("王", "wang", "supervisor", canteen_code="test", region="1501"),
            PASSWORD,
            "supervisor_no_canteen",
        ),
        (NewAccount("王", "a b", "cook", canteen_code="test"), PASSWORD, "bad_login_name"),
    ],
)
def test_refused_accounts_store_nothing(
    shop: sessionmaker[Session], new: NewAccount, password: str, code: str
) -> None:
    before = row_counts(shop)
    with pytest.raises(DomainError) as refused:
        add(shop, new, password)
    assert refused.value.code == code
    assert row_counts(shop) == before


def test_a_login_and_a_person_have_one_account_each(shop: sessionmaker[Session]) -> None:
    add(shop, NewAccount("张建国", "zhang", "manager", canteen_code="test"))
    with pytest.raises(DomainError) as taken:
        add(shop, NewAccount("别人", "zhang", "cook", canteen_code="test"))
    assert taken.value.code == "login_taken"
    with pytest.raises(DomainError) as again:
        add(shop, NewAccount("张建国", "zhang2", "manager", canteen_code="test"))
    assert again.value.code == "has_account"


def test_session_opens_and_ends(shop: sessionmaker[Session]) -> None:
    """The token opens the session until sign-out or its lifetime ends; only its hash is kept."""
    add(shop, NewAccount("张建国", "zhang", "manager", canteen_code="test"))
    result = attempt(shop, "zhang", PASSWORD)
    assert result.refusal is None and result.token
    with shop() as session:
        assert session_access(session, result.token, NOW) == result.access
        assert session_access(session, result.token, NOW + SESSION_LIFETIME) is None
        assert session_access(session, "forged", NOW) is None
        stored = session.scalars(select(WebSession.token_hash)).all()
        assert result.token not in stored
    with unit_of_work(shop) as session:
        sign_out(session, result.token)
    with shop() as session:
        assert session_access(session, result.token, NOW) is None


def test_wrong_password_and_unknown_login_are_refused_alike(shop: sessionmaker[Session]) -> None:
    add(shop, NewAccount("张建国", "zhang", "manager", canteen_code="test"))
    assert attempt(shop, "zhang", "wrong password").refusal == "bad_login"
    assert attempt(shop, "nobody", PASSWORD).refusal == "bad_login"
    with shop() as session:
        assert session.scalar(select(func.count()).select_from(LoginFailure)) == 2
        assert session.scalar(select(func.count()).select_from(WebSession)) == 0


def test_guessing_a_login_is_stopped_then_allowed_after_the_window(
    shop: sessionmaker[Session],
) -> None:
    """After five wrong passwords even the right one is refused, until 15 minutes pass."""
    add(shop, NewAccount("张建国", "zhang", "manager", canteen_code="test"))
    for _ in range(MAX_FAILURES_PER_LOGIN):
        assert attempt(shop, "zhang", "guess guess").refusal == "bad_login"
    assert attempt(shop, "zhang", PASSWORD).refusal == "too_many_attempts"
    later = NOW + FAILURE_WINDOW + timedelta(seconds=1)
    with unit_of_work(shop) as session:
        assert sign_in(session, "zhang", PASSWORD, "10.0.0.1", later).token
    with unit_of_work(shop) as session:
        assert sign_in(session, "zhang", PASSWORD, "10.0.0.9", later).refusal is None


def test_one_address_guessing_many_logins_is_stopped(shop: sessionmaker[Session]) -> None:
    add(shop, NewAccount("张建国", "zhang", "manager", canteen_code="test"))
    for n in range(MAX_FAILURES_PER_CLIENT):
        attempt(shop, f"user{n}", "guess guess", client="10.6.6.6")
    assert attempt(shop, "zhang", PASSWORD, client="10.6.6.6").refusal == "too_many_attempts"
    assert attempt(shop, "zhang", PASSWORD, client="10.0.0.2").refusal is None
