"""Staff accounts for the web console: who may sign in, with what password, and what they see.

Why here and not in the web package: an account is the store's record of a person's access
(their canteens and roles are the same ``staff_members`` rows the dialogue checks), and the
command line creates accounts without any web code. Passwords are kept only as argon2id hashes
(argon2-cffi, its RFC 9106 defaults); a session is a random token whose SHA-256 is stored, so
the table gives no way in; refused sign-ins are counted in the store so that every process
limits the same guesses.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from menus.audit import record_change
from menus.errors import DomainError
from menus.menu_store import get_canteen
from menus.models import LoginFailure, Person, StaffAccount, StaffMember, WebSession
from menus.vocab import StaffRole

SUPERVISOR = "supervisor"
"""A civil-affairs (民政) officer: reads every canteen of their region, changes nothing."""

ACCOUNT_ROLES = (
    StaffRole.MANAGER.value,
    StaffRole.COOK.value,
    StaffRole.DELIVERY.value,
    StaffRole.COMMUNITY.value,
    SUPERVISOR,
)
MIN_PASSWORD = 8
MAX_PASSWORD = 256
MAX_LOGIN = 64
SESSION_LIFETIME = timedelta(hours=12)
FAILURE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_LOGIN = 5
"""Five wrong passwords for one login within the window lock it until the window has passed."""
MAX_FAILURES_PER_CLIENT = 20
"""Twenty refusals from one address (any logins) lock that address the same way."""
_REGION = re.compile(r"^\d{2,12}$")

HASHER = PasswordHasher()
"""argon2id with the library's defaults; tests swap in a cheaper one."""


@dataclass(frozen=True)
class NewAccount:
    """What creating an account needs: canteen staff name their canteen, a supervisor their
    region code (every canteen whose region starts with it)."""

    name: str
    login: str
    role: str
    canteen_code: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class Access:
    """Who is signed in and where they may look: their canteens with their role in each, or
    the region they supervise. Plain data, usable after the session."""

    account_id: int
    person_id: int
    name: str
    login: str
    supervisor_region: str | None = None
    roles: Mapping[int, str] = field(default_factory=dict)

    @property
    def is_supervisor(self) -> bool:
        """Whether this is a supervisor's account (read-only, region-wide)."""
        return self.supervisor_region is not None


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the access and the session token, or the refusal's code
    (``bad_login`` or ``too_many_attempts``). A refusal is a result, not an exception, because
    the failure it records must be committed."""

    access: Access | None = None
    token: str | None = None
    refusal: str | None = None


def check_password(password: str) -> str:
    """A password long enough to resist guessing (8 to 256 characters), or a refusal."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise DomainError("weak_password", least=MIN_PASSWORD, most=MAX_PASSWORD)
    return password


def create_account(
    session: Session,
    new: NewAccount,
    password: str,
    now: datetime,
    *,
    actor_id: int | None = None,
) -> StaffAccount:
    """Create a sign-in for a canteen's staff member or a supervisor, in the caller's
    transaction, and write it to the audit log.

    Staff: the person of that name already working at the canteen (e.g. from a people file)
    gets the account, their role set to ``new.role``; otherwise a staff person is created
    there. Supervisor: a person of kind ``supervisor`` for the region.
    """
    login = new.login.strip()
    name = new.name.strip()
    if not login or len(login) > MAX_LOGIN or any(c.isspace() for c in login):
        raise DomainError("bad_login_name", login=new.login, most=MAX_LOGIN)
    if not name:
        raise DomainError("bad_argument", detail="--name is empty")
    if new.role not in ACCOUNT_ROLES:
        raise DomainError("bad_role", role=new.role, roles="、".join(ACCOUNT_ROLES))
    check_password(password)
    if session.scalar(select(StaffAccount.id).where(StaffAccount.login == login)) is not None:
        raise DomainError("login_taken", login=login)
    canteen_id: int | None = None
    region: str | None
    if new.role == SUPERVISOR:
        if new.canteen_code:
            raise DomainError("supervisor_no_canteen")
        region = (new.region or "").strip()
        if not _REGION.match(region):
            raise DomainError("bad_region", region=new.region or "")
        person = Person(kind=SUPERVISOR, name=name, phone=None, lang="zh", created_at=now)
        session.add(person)
        session.flush()
    else:
        if new.region:
            raise DomainError("region_is_for_supervisors")
        if not new.canteen_code:
            raise DomainError("staff_need_canteen")
        canteen = get_canteen(session, new.canteen_code)
        canteen_id, region = canteen.id, canteen.region
        person = _staff_person(session, name, canteen.id, new.role, now)
    if session.scalar(select(StaffAccount.id).where(StaffAccount.person_id == person.id)):
        raise DomainError("has_account", name=name)
    account = StaffAccount(
        person_id=person.id,
        login=login,
        password_hash=HASHER.hash(password),
        supervisor_region=region if new.role == SUPERVISOR else None,
        created_at=now,
        password_changed_at=now,
    )
    session.add(account)
    session.flush()
    record_change(
        session,
        actor_id=actor_id,
        action="account.create",
        target=f"account:{login}",
        now=now,
        canteen_id=canteen_id,
        region=region,
        detail={"name": name, "role": new.role},
    )
    return account


def _staff_person(session: Session, name: str, canteen_id: int, role: str, now: datetime) -> Person:
    """The staff member of this name at this canteen (their role set to ``role``), or a new one."""
    found = session.execute(
        select(Person, StaffMember)
        .join(StaffMember, StaffMember.person_id == Person.id)
        .where(Person.name == name, StaffMember.canteen_id == canteen_id)
    ).first()
    if found is not None:
        person, member = found
        member.role = role
        return person
    person = Person(kind="staff", name=name, phone=None, lang="zh", created_at=now)
    session.add(person)
    session.flush()
    session.add(StaffMember(person_id=person.id, canteen_id=canteen_id, role=role))
    return person


_DUMMY_HASH: list[str] = []


def _spend_like_a_check(password: str) -> None:
    """Verify against a throw-away hash, so that an unknown login takes as long as a wrong
    password and the answer time does not tell which logins exist."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(HASHER.hash(secrets.token_urlsafe(16)))
    with contextlib.suppress(VerificationError, InvalidHashError):
        HASHER.verify(_DUMMY_HASH[0], password)


def sign_in(session: Session, login: str, password: str, client: str, now: datetime) -> SignIn:
    """Check a login and password and open a session, in the caller's transaction (which must
    be committed also when refused: the refusal is counted).

    Refused without looking at the password once the login or the client address has too many
    recent refusals, so guessing stops even for the right password.
    """
    login = login.strip()[:MAX_LOGIN]
    client = client[:64]
    since = now - FAILURE_WINDOW
    by_login, by_client = session.execute(
        select(
            func.count().filter(LoginFailure.login == login),
            func.count().filter(LoginFailure.client == client),
        ).where(
            LoginFailure.at > since,
            or_(LoginFailure.login == login, LoginFailure.client == client),
        )
    ).one()
    if by_login >= MAX_FAILURES_PER_LOGIN or by_client >= MAX_FAILURES_PER_CLIENT:
        session.add(LoginFailure(login=login, client=client, at=now))
        return SignIn(refusal="too_many_attempts")
    account = session.scalar(select(StaffAccount).where(StaffAccount.login == login))
    if account is None or len(password) > MAX_PASSWORD:
        _spend_like_a_check(password[:MAX_PASSWORD])
        session.add(LoginFailure(login=login, client=client, at=now))
        return SignIn(refusal="bad_login")
    try:
        HASHER.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        session.add(LoginFailure(login=login, client=client, at=now))
        return SignIn(refusal="bad_login")
    if HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = HASHER.hash(password)
    session.execute(delete(LoginFailure).where(LoginFailure.login == login))
    session.execute(
        delete(WebSession).where(WebSession.account_id == account.id, WebSession.expires_at <= now)
    )
    token = secrets.token_urlsafe(32)
    session.add(
        WebSession(
            token_hash=token_hash(token),
            account_id=account.id,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    session.flush()
    return SignIn(access=_access(session, account), token=token)


def session_access(session: Session, token: str | None, now: datetime) -> Access | None:
    """Who holds this session token, if it is open and not expired."""
    if not token:
        return None
    account = session.scalar(
        select(StaffAccount)
        .join(WebSession, WebSession.account_id == StaffAccount.id)
        .where(WebSession.token_hash == token_hash(token), WebSession.expires_at > now)
    )
    return _access(session, account) if account is not None else None


def sign_out(session: Session, token: str | None) -> None:
    """End a session: its token opens nothing any more, wherever a copy of the cookie is."""
    if token:
        session.execute(delete(WebSession).where(WebSession.token_hash == token_hash(token)))


def token_hash(token: str) -> str:
    """What the store keeps of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _access(session: Session, account: StaffAccount) -> Access:
    person = session.get(Person, account.person_id)
    assert person is not None
    roles = {
        canteen_id: role
        for canteen_id, role in session.execute(
            select(StaffMember.canteen_id, StaffMember.role)
            .where(StaffMember.person_id == account.person_id)
            .order_by(StaffMember.canteen_id)
        )
    }
    return Access(
        account_id=account.id,
        person_id=account.person_id,
        name=person.name,
        login=account.login,
        supervisor_region=account.supervisor_region,
        roles={} if account.supervisor_region is not None else roles,
    )
