"""The web console (信息管理系统): an ASGI application of server-rendered pages for canteen
staff and civil-affairs supervisors, over the same store services as the dialogue.

Security, in one place:
- Sessions: Starlette's signed cookie (itsdangerous) holds a random session token and a CSRF
  token; the store keeps the token's hash (``menus.accounts``), so signing out ends the session
  for every copy of the cookie. Signing in starts a new cookie and a new token (against session
  fixation); the cookie is HttpOnly and SameSite=Strict, Secure when served over HTTPS.
- CSRF: every form carries the session's token, checked on every POST before anything else is
  read or changed (and a cross-site ``Origin`` is refused).
- Authorisation: every page asks ``bot.web.access.may`` for its permission at its canteen.
- Headers: a content security policy allowing only this site's own files, no framing, no
  sniffing, and no caching of pages (they carry names and addresses).

Store work runs in worker threads (SQLAlchemy's session is synchronous); the event loop only
reads forms and sends pages.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.datastructures import FormData, MutableHeaders, UploadFile
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.web import dish_pages, feedback_pages, pages, planner_pages, region_pages, safety_pages
from bot.web.access import Permission, canteens_with, may, role_in
from bot.web.texts import (
    FIELDS,
    LANGUAGES,
    ROLES,
    action_label,
    duration_label,
    month_label,
    say,
)
from bot.web.uploads import Pending, PendingUploads, capped_body, clean_name, owner_of, replay
from menus.accounts import (
    MAX_LOGIN,
    MAX_PASSWORD,
    SESSION_LIFETIME,
    SUPERVISOR,
    Access,
    SignIn,
    session_access,
    sign_in,
    sign_out,
)
from menus.audit import audit_lines, record_change
from menus.claim_sheet import CSV_TYPE, XLSX_TYPE, claim_csv, claim_xlsx
from menus.clock import TZ, in_service_years, local_today
from menus.closures import close, reopen
from menus.db import read_only, unit_of_work
from menus.delivery import move_community, move_stop, parse_meal
from menus.dish_library import FORM_FIELDS, edit_dish, form_values, library
from menus.errors import DomainError
from menus.feedback import MAX_ANSWER, answer, recipient
from menus.food_safety import (
    CHECKS,
    MAX_PHOTO_BYTES,
    Answer,
    NewDisinfection,
    NewSample,
    check_label,
    discard_after,
    meal_word,
    method_label,
    photo_of,
    record_disinfection,
    record_inspection,
    record_sample,
    too_big,
)
from menus.menu_store import (
    ImportSummary,
    import_menu_file,
    problems_for_canteen,
    rehearse_import,
)
from menus.menufile import MAX_FILE_BYTES, MenuFile, format_problem, parse_menu_bytes
from menus.menuproblems import MenuFileError
from menus.models import Canteen, Dish
from menus.orders import get_order, set_status
from menus.planner import (
    CellChange,
    Edit,
    copy_last_week,
    copy_plan,
    edit_cell,
    parse_cap,
    parse_week,
    read_week,
    week_label,
    week_of,
)
from menus.region_month import region_month
from menus.settlement import (
    MonthError,
    add_months,
    earliest_month,
    elder_statement,
    month_settlement,
    parse_month,
)
from menus.supervision import region_canteens, region_figures
from menus.vocab import Actor, Fulfillment, MealSlot, OrderStatus, label_zh, parse_vocab

log = logging.getLogger(__name__)
CODE_LABELS = {
    **{m.value: label_zh(m) for kind in (MealSlot, Fulfillment, OrderStatus) for m in kind},
    **ROLES,
}
"""Stored codes (``lunch``, ``pickup``, ``ready``, ``cook``) and their Chinese words."""
P = Permission
MONTH = re.compile(r"\d{4}-\d{2}")
"""A month as the complaints page's links and forms write it (2026-12)."""
STATIC = Path(__file__).with_name("static")
COOKIE = "zhucan_console"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


class NotSignedIn(Exception):
    """The page needs a signed-in person."""


class Forbidden(Exception):
    """Signed in, but this page or action is not theirs (or the form's CSRF token is wrong)."""

    def __init__(self, why: str = "forbidden") -> None:
        super().__init__(why)
        self.why = why


class NotFound(Exception):
    """No such canteen or order (under this canteen)."""


class BadMonth(Exception):
    """A settlement asked for a month that cannot be settled (``?month=`` not YYYY-MM, in
    the future, or too long ago)."""

    def __init__(self, refused: MonthError, text: str) -> None:
        super().__init__(refused.code)
        self.refused = refused
        self.text = text


class BadWeek(Exception):
    """The planner asked for a week that is not one (``?week=`` not 2026-W49 or a date)."""

    def __init__(self, refused: DomainError) -> None:
        super().__init__(refused.code)
        self.refused = refused


class SecurityHeaders:
    """Adds the security headers to every response; pages are never cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "same-origin"
                if not static:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RowId(Convertor[int]):
    """A row id in a path: one to nine digits (a 20-digit id overflows the database's
    integer before it can be looked up, and is simply not found)."""

    regex = "[0-9]{1,9}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("id", RowId())


def create_app(
    factory: sessionmaker[Session],
    *,
    secret_key: str,
    clock: Callable[[], datetime] | None = None,
    secure_cookies: bool = False,
) -> Starlette:
    """The console on this store. ``secret_key`` signs the cookies (every process serving the
    same console needs the same one); ``clock`` gives "now" (``--now`` in demos and tests)."""
    console = Console(factory, clock or (lambda: datetime.now(TZ)))
    routes = [
        Route("/", console.home),
        Route("/login", console.login_page, methods=["GET"]),
        Route("/login", console.login, methods=["POST"]),
        Route("/logout", console.logout, methods=["POST"]),
        Route("/canteens/{code}/board", console.board),
        Route("/canteens/{code}/kitchen", console.kitchen),
        Route("/canteens/{code}/kitchen/print", console.kitchen_print),
        Route("/canteens/{code}/delivery", console.delivery),
        Route("/canteens/{code}/delivery/print", console.delivery_print),
        Route("/canteens/{code}/delivery/stops", console.move_stop, methods=["POST"]),
        Route("/canteens/{code}/delivery/communities", console.move_community, methods=["POST"]),
        Route("/canteens/{code}/orders/{order_id:id}", console.order),
        Route("/canteens/{code}/orders/{order_id:id}/status", console.move_order, methods=["POST"]),
        Route("/canteens/{code}/menu", console.menu),
        Route("/canteens/{code}/menu/upload", console.upload_menu, methods=["POST"]),
        Route("/canteens/{code}/menu/publish", console.publish_menu, methods=["POST"]),
        Route("/canteens/{code}/dishes", console.dishes),
        Route("/canteens/{code}/dishes/{dish_id:id}", console.dish, methods=["GET"]),
        Route("/canteens/{code}/dishes/{dish_id:id}", console.edit_dish, methods=["POST"]),
        Route("/canteens/{code}/planner", console.planner),
        Route("/canteens/{code}/planner/copy", console.copy_preview, methods=["GET"]),
        Route("/canteens/{code}/planner/copy", console.copy_week, methods=["POST"]),
        Route("/canteens/{code}/planner/cell", console.planner_cell, methods=["GET"]),
        Route("/canteens/{code}/planner/cell", console.change_cell, methods=["POST"]),
        Route("/canteens/{code}/planner/close", console.close_meal, methods=["POST"]),
        Route("/canteens/{code}/planner/reopen", console.reopen_meal, methods=["POST"]),
        Route("/canteens/{code}/safety", console.safety),
        Route("/canteens/{code}/safety/samples", console.add_sample, methods=["POST"]),
        Route("/canteens/{code}/safety/disinfection", console.add_disinfection, methods=["POST"]),
        Route("/canteens/{code}/safety/inspection", console.add_inspection, methods=["POST"]),
        Route("/canteens/{code}/safety/photos/{photo_id:id}", console.safety_photo),
        Route("/canteens/{code}/settlement", console.settlement),
        Route("/canteens/{code}/settlement/claims.xlsx", console.claims_xlsx),
        Route("/canteens/{code}/settlement/claims.csv", console.claims_csv),
        Route("/canteens/{code}/settlement/elders/{elder_id:id}", console.statement),
        Route("/canteens/{code}/feedback", console.feedback),
        Route(
            "/canteens/{code}/feedback/{feedback_id:id}/reply",
            console.answer_feedback,
            methods=["POST"],
        ),
        Route("/region", console.region),
        Route("/audit", console.audit),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(
            SessionMiddleware,
            secret_key=secret_key,
            session_cookie=COOKIE,
            max_age=int(SESSION_LIFETIME.total_seconds()),
            same_site="strict",
            https_only=secure_cookies,
        ),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        NotSignedIn: console.not_signed_in,
        Forbidden: console.forbidden,
        NotFound: console.not_found,
        TooLarge: console.too_large,
        BadMonth: console.bad_month,
        BadWeek: console.bad_week,
        404: console.not_found,
    }
    return Starlette(routes=routes, middleware=middleware, exception_handlers=handlers)


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("bot.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yuan"] = pages.yuan
    env.filters["local"] = lambda moment: moment.astimezone(TZ).strftime("%Y-%m-%d %H:%M")
    env.filters["code"] = lambda text: quote(str(text), safe="")
    env.filters["zh"] = lambda code: CODE_LABELS.get(str(code), str(code))
    env.globals["action_label"] = action_label
    env.globals["paid_label"] = pages.paid_label
    env.globals["due_label"] = pages.due_label
    env.globals["lang_label"] = lambda lang: LANGUAGES.get(str(lang), "")
    env.globals["say"] = say
    return Jinja2Templates(env=env)


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use)."""
    token = request.session.get("csrf")
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def checked_form(
    request: Request, body: bytes | None = None, *, max_files: int = 0
) -> FormData:
    """The posted form, once its CSRF token matches the session's and it comes from this site;
    ``Forbidden("csrf")`` otherwise, before anything is read from the store. ``body``: a menu
    file upload's body, already read within its size limit; its form may hold one file (the
    caller closes the form). Only the forms that upload a photo take a file (``max_files``)."""
    origin = request.headers.get("origin")
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
        raise Forbidden("csrf")
    if body is None:
        form = await request.form(max_files=max_files, max_fields=20)
    else:
        form = await Request(request.scope, replay(body)).form(max_files=1, max_fields=20)
    sent = form.get("csrf")
    expected = request.session.get("csrf")
    if not isinstance(sent, str) or not isinstance(expected, str) or not expected:
        raise Forbidden("csrf")
    if not hmac.compare_digest(sent.encode(), expected.encode()):
        raise Forbidden("csrf")
    return form


def _field(form: FormData, name: str, limit: int) -> str:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else ""


UPLOAD_LIMIT = MAX_PHOTO_BYTES + 64 * 1024
"""The largest request body of a form with a photo: the photo and the form's other fields."""


class TooLarge(Exception):
    """A posted form bigger than ``UPLOAD_LIMIT`` (or of no stated size), refused unread."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def check_upload_size(request: Request) -> None:
    """Refuse a form too big for a photo before a byte of it is read: the stated length is
    the most the server reads (the ASGI server holds the body to it)."""
    stated = request.headers.get("content-length", "")
    if not stated.isdecimal():
        raise TooLarge(say("upload_unsized"), 411)
    if int(stated) > UPLOAD_LIMIT:
        raise TooLarge(too_big(int(stated)).message("zh"), 413)


async def uploaded(form: FormData, name: str) -> bytes | None:
    """The bytes of the file sent as ``name`` (at most one more than a photo may have, so the
    store can say it is too big); None when no file was chosen (a browser then sends a part
    with no file name). An empty file that has a name is given on, for the store to refuse."""
    value = form.get(name)
    if not isinstance(value, UploadFile) or not value.filename:
        return None
    return await value.read(MAX_PHOTO_BYTES + 1)


def _safe_next(text: str) -> str | None:
    """A local path to go back to after signing in (never another site)."""
    if text.startswith("/") and not text.startswith("//") and "\\" not in text:
        return text
    return None


def canteen_path(code: str, rest: str) -> str:
    """The path of a canteen's page."""
    return f"/canteens/{quote(code, safe='')}/{rest}"


class Console:
    """The pages and actions; each checks who is signed in and what they may do first."""

    def __init__(self, factory: sessionmaker[Session], clock: Callable[[], datetime]) -> None:
        self.factory = factory
        self.clock = clock
        self.templates = _templates()
        self.uploads = PendingUploads()

    # ------------------------------------------------------------------ helpers

    def now(self) -> datetime:
        """The console's "now" (aware)."""
        return self.clock()

    def _access(self, request: Request, session: Session) -> Access | None:
        token = request.session.get("sid")
        return session_access(session, token if isinstance(token, str) else None, self.now())

    def _require(
        self, request: Request, session: Session, permission: Permission, code: str | None = None
    ) -> tuple[Access, Canteen | None]:
        """Who is signed in and the canteen of the page, once ``permission`` is theirs there."""
        access = self._access(request, session)
        if access is None:
            raise NotSignedIn()
        canteen = None
        if code is not None:
            canteen = session.scalar(
                select(Canteen).where(Canteen.code == code).options(selectinload(Canteen.slots))
            )
            if canteen is None:
                raise NotFound()
        if not may(access, permission, canteen):
            log.info("console refused %s to account %s", permission.value, access.account_id)
            raise Forbidden()
        return access, canteen

    def _nav(self, session: Session, access: Access, request: Request) -> list[dict[str, Any]]:
        """The links this person may follow, the current one marked."""
        links: list[tuple[str, str]] = []
        if access.is_supervisor:
            links.append(("地区总览", "/region"))
        else:
            canteens = session.scalars(
                select(Canteen).where(Canteen.id.in_(list(access.roles))).order_by(Canteen.code)
            )
            for canteen in canteens:
                links.append((f"{canteen.name} 看板", canteen_path(canteen.code, "board")))
                if may(access, P.VIEW_KITCHEN, canteen):
                    links.append((f"{canteen.name} 厨房单", canteen_path(canteen.code, "kitchen")))
                if may(access, P.VIEW_DELIVERY, canteen):
                    links.append((f"{canteen.name} 送餐单", canteen_path(canteen.code, "delivery")))
                if may(access, P.VIEW_MENU, canteen):
                    links.append((f"{canteen.name} 菜单", canteen_path(canteen.code, "menu")))
                    links.append(
                        (f"{canteen.name} 菜单计划", canteen_path(canteen.code, "planner"))
                    )
                    links.append((f"{canteen.name} 菜品库", canteen_path(canteen.code, "dishes")))
                if may(access, P.VIEW_SAFETY, canteen):
                    links.append((f"{canteen.name} 食品安全", canteen_path(canteen.code, "safety")))
                if may(access, P.VIEW_SETTLEMENT, canteen):
                    links.append((f"{canteen.name} 结算", canteen_path(canteen.code, "settlement")))
                if may(access, P.VIEW_FEEDBACK, canteen):
                    links.append((f"{canteen.name} 意见", canteen_path(canteen.code, "feedback")))
        if may(access, P.VIEW_AUDIT):
            links.append(("操作记录", "/audit"))
        here = request.url.path
        return [{"label": label, "href": href, "current": href == here} for label, href in links]

    def _render(
        self,
        request: Request,
        name: str,
        context: dict[str, Any],
        *,
        session: Session | None = None,
        access: Access | None = None,
        status_code: int = 200,
    ) -> Response:
        flash = request.session.pop("flash", None)
        full = {
            "access": access,
            "nav": self._nav(session, access, request) if session and access else [],
            "csrf": csrf_token(request),
            "flash": flash,
            **context,
        }
        return self.templates.TemplateResponse(request, name, full, status_code=status_code)

    def _day(self, request: Request) -> date:
        text = request.query_params.get("date", "")
        if not text:
            return local_today(self.now())
        try:
            day = date.fromisoformat(text[:10])
        except ValueError:
            return local_today(self.now())
        return day if in_service_years(day) else local_today(self.now())  # not 0001-01-01

    # ------------------------------------------------------------- error pages

    async def not_signed_in(self, request: Request, exc: Exception) -> Response:
        """To the sign-in page, coming back here afterwards (for pages one can go back to)."""
        target = "/login"
        if request.method == "GET" and request.url.path != "/":
            target += "?next=" + quote(request.url.path + _query(request), safe="")
        return RedirectResponse(target, status_code=303)

    async def forbidden(self, request: Request, exc: Exception) -> Response:
        """403 with the reason in words (a stale form, or a page that is not theirs)."""
        why = exc.why if isinstance(exc, Forbidden) else "forbidden"
        return self._render(
            request,
            "error.html",
            {"title": "不能访问", "message": say(why)},
            status_code=403,
        )

    async def too_large(self, request: Request, exc: Exception) -> Response:
        """413 (or 411) in words: the form was not read, nothing changed."""
        message = exc.message if isinstance(exc, TooLarge) else say("forbidden")
        status = exc.status if isinstance(exc, TooLarge) else 413
        context = {"title": "文件太大", "message": message}
        return self._render(request, "error.html", context, status_code=status)

    async def bad_month(self, request: Request, exc: Exception) -> Response:
        """400 in words: which months can be settled, and a link to the latest."""
        assert isinstance(exc, BadMonth)
        refused = exc.refused
        latest = month_label(refused.latest)
        if refused.code == "future" and refused.month is not None:
            message = say("month_future", month=month_label(refused.month), latest=latest)
        elif refused.code == "too_early":
            message = say("month_too_early", earliest=month_label(refused.earliest))
        else:
            shown = exc.text[:20] + ("…" if len(exc.text) > 20 else "")
            message = say("month_bad", text=shown, latest=f"{refused.latest:%Y-%m}")
        back = {
            "href": canteen_path(request.path_params["code"], "settlement"),
            "label": say("month_back", latest=latest),
        }
        context = {"title": "月份不对", "message": message, "back": back}
        return self._render(request, "error.html", context, status_code=400)

    async def bad_week(self, request: Request, exc: Exception) -> Response:
        """400 in words: how a week is written, and a link to this week's plan."""
        assert isinstance(exc, BadWeek)
        back = {
            "href": canteen_path(request.path_params["code"], "planner"),
            "label": say("this_week"),
        }
        context = {
            "title": say("bad_week_title"),
            "message": exc.refused.message("zh"),
            "back": back,
        }
        return self._render(request, "error.html", context, status_code=400)

    async def not_found(self, request: Request, exc: Exception) -> Response:
        """404 in words."""
        context = {"title": "没有找到", "message": say("not_found")}
        return self._render(request, "error.html", context, status_code=404)

    # -------------------------------------------------------------- signing in

    def home(self, request: Request) -> Response:
        """Where a person starts: a supervisor's region, or the board of their first canteen."""
        with read_only(self.factory) as session:
            access = self._access(request, session)
            if access is None:
                return RedirectResponse("/login", status_code=303)
            if access.is_supervisor:
                return RedirectResponse("/region", status_code=303)
            first = session.scalar(
                select(Canteen.code)
                .where(Canteen.id.in_(list(access.roles)))
                .order_by(Canteen.code)
                .limit(1)
            )
            if first is None:
                context = {"title": "没有食堂", "message": say("no_canteen")}
                return self._render(request, "error.html", context, session=session, access=access)
        return RedirectResponse(canteen_path(first, "board"), status_code=303)

    def login_page(self, request: Request) -> Response:
        """The sign-in form."""
        next_path = _safe_next(request.query_params.get("next", "")) or ""
        return self._render(request, "login.html", {"next": next_path, "login": "", "error": None})

    async def login(self, request: Request) -> Response:
        """Check the password (rate-limited in the store), then start a fresh session."""
        form = await checked_form(request)
        login = _field(form, "login", MAX_LOGIN)
        password = _field(form, "password", MAX_PASSWORD + 1)
        next_path = _safe_next(_field(form, "next", 500))
        client = request.client.host if request.client else "unknown"
        old = request.session.get("sid")

        def work() -> SignIn:
            with unit_of_work(self.factory) as session:
                result = sign_in(session, login, password, client, self.now())
                if result.token is not None and isinstance(old, str):
                    sign_out(session, old)
                return result

        result = await run_in_threadpool(work)
        if result.token is None:
            refusal = result.refusal or "bad_login"
            log.info("console sign-in refused (%s)", refusal)
            status = 429 if refusal == "too_many_attempts" else 400
            context = {
                "next": next_path or "",
                "login": login,
                "error": DomainError(refusal).message("zh"),
            }
            return self._render(request, "login.html", context, status_code=status)
        request.session.clear()
        request.session["sid"] = result.token
        request.session["csrf"] = secrets.token_urlsafe(32)
        return RedirectResponse(next_path or "/", status_code=303)

    async def logout(self, request: Request) -> Response:
        """End the session in the store and forget the cookie."""
        await checked_form(request)
        token = request.session.get("sid")

        def work() -> None:
            with unit_of_work(self.factory) as session:
                sign_out(session, token if isinstance(token, str) else None)

        await run_in_threadpool(work)
        request.session.clear()
        request.session["flash"] = {"kind": "ok", "text": say("signed_out")}
        return RedirectResponse("/login", status_code=303)

    # ------------------------------------------------------------ canteen pages

    def board(self, request: Request) -> Response:
        """Today's board (or another day's, ``?date=``): orders per meal with their moves."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_BOARD, code)
            assert canteen is not None
            day = self._day(request)
            context = {
                "canteen": canteen,
                "day": day,
                "prev_day": day - timedelta(days=1),
                "next_day": day + timedelta(days=1),
                "today": local_today(self.now()),
                "meals": pages.board(session, canteen, day),
                "can_move": may(access, P.MOVE_ORDERS, canteen),
                "can_kitchen": may(access, P.VIEW_KITCHEN, canteen),
                "can_delivery": may(access, P.VIEW_DELIVERY, canteen),
                "can_menu": may(access, P.VIEW_MENU, canteen),
                "can_safety": may(access, P.VIEW_SAFETY, canteen),
                "can_settle": may(access, P.VIEW_SETTLEMENT, canteen),
                "can_feedback": may(access, P.VIEW_FEEDBACK, canteen),
                "read_only": role_in(access, canteen) == "supervisor",
            }
            return self._render(request, "board.html", context, session=session, access=access)

    async def move_order(self, request: Request) -> Response:
        """Move one order on through the store's state machine, and log who did it."""
        form = await checked_form(request)
        code = request.path_params["code"]
        order_id = int(request.path_params["order_id"])
        wanted = _field(form, "to", 32)
        back = _field(form, "date", 10)

        def work() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.MOVE_ORDERS, code)
                assert canteen is not None
                try:
                    target = parse_vocab(OrderStatus, wanted)
                except ValueError:
                    raise DomainError("bad_argument", detail=say("bad_status")) from None
                if target is OrderStatus.CANCELLED:
                    raise DomainError("bad_argument", detail=say("bad_status"))
                order = get_order(session, order_id)
                if order.canteen_id != canteen.id:
                    raise NotFound()
                before = order.status
                set_status(
                    session,
                    order_id,
                    target,
                    self.now(),
                    actor=Actor.STAFF,
                    actor_id=access.person_id,
                )
                record_change(
                    session,
                    actor_id=access.person_id,
                    action="order.status",
                    target=f"order:{order_id}",
                    now=self.now(),
                    canteen_id=canteen.id,
                    region=canteen.region,
                    detail={"from": before, "to": target.value, "elder": order.elder.name},
                )
                return say("moved", id=order_id, status=label_zh(target))

        try:
            text = await run_in_threadpool(work)
            request.session["flash"] = {"kind": "ok", "text": text}
        except DomainError as refused:
            request.session["flash"] = {"kind": "error", "text": refused.message("zh")}
        query = f"?date={back}" if _is_date(back) else ""
        return RedirectResponse(
            canteen_path(code, "board") + query + f"#order-{order_id}", status_code=303
        )

    def order(self, request: Request) -> Response:
        """One order and its whole history."""
        code = request.path_params["code"]
        order_id = int(request.path_params["order_id"])
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_ORDER, code)
            assert canteen is not None
            try:
                order = get_order(session, order_id, lock=False)
            except DomainError:
                raise NotFound() from None
            if order.canteen_id != canteen.id:
                raise NotFound()
            context = {
                "canteen": canteen,
                "order": order,
                "history": pages.history(session, order),
            }
            return self._render(request, "order.html", context, session=session, access=access)

    def _meal(self, request: Request, canteen: Canteen) -> MealSlot:
        """The meal a sheet is for (``?meal=lunch``), else the one the kitchen works towards."""
        try:
            return parse_vocab(MealSlot, request.query_params.get("meal", ""))
        except ValueError:
            return pages.current_meal(canteen, self.now())

    def _sheet_context(
        self, request: Request, session: Session, canteen: Canteen
    ) -> dict[str, Any]:
        day = self._day(request)
        meal = self._meal(request, canteen)
        return {
            "canteen": canteen,
            "day": day,
            "meal": meal,
            "meals": pages.meals_of(session, canteen, day),
            "sheet": pages.kitchen(session, canteen, day, meal),
            "printed_at": self.now(),
        }

    def kitchen(self, request: Request) -> Response:
        """The kitchen sheet and delivery list of one meal."""
        return self._sheet(request, printed=False)

    def kitchen_print(self, request: Request) -> Response:
        """The same sheet laid out for one A4 page (no navigation)."""
        return self._sheet(request, printed=True)

    def _sheet(self, request: Request, *, printed: bool) -> Response:
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_KITCHEN, code)
            assert canteen is not None
            context = self._sheet_context(request, session, canteen)
            context["can_delivery"] = may(access, P.VIEW_DELIVERY, canteen)
            if printed:
                return self._render(request, "kitchen_print.html", context, access=access)
            return self._render(request, "kitchen.html", context, session=session, access=access)

    # --------------------------------------------------- delivery list and route

    def delivery(self, request: Request) -> Response:
        """送餐单: a meal's deliveries community by community in the walking order, with
        the buttons that change it for those who may."""
        return self._delivery(request, printed=False)

    def delivery_print(self, request: Request) -> Response:
        """The same list on A4 paper, with a box to tick at each stop (no navigation)."""
        return self._delivery(request, printed=True)

    def _delivery(self, request: Request, *, printed: bool) -> Response:
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_DELIVERY, code)
            assert canteen is not None
            day, meal = self._day(request), self._meal(request, canteen)
            context = {
                "canteen": canteen,
                "day": day,
                "meal": meal,
                "meals": pages.meals_of(session, canteen, day),
                "page": pages.delivery(session, canteen, day, meal),
                "printed_at": self.now(),
                "can_arrange": may(access, P.ARRANGE_ROUTE, canteen),
                "can_kitchen": may(access, P.VIEW_KITCHEN, canteen),
            }
            if printed:
                return self._render(request, "delivery_print.html", context, access=access)
            return self._render(request, "delivery.html", context, session=session, access=access)

    async def move_stop(self, request: Request) -> Response:
        """One stop one place up or down in its community's walking order (kept for every
        meal to come), audited with the elder's name and places, never the address."""
        form = await checked_form(request)
        stop, direction = _field(form, "stop", 60), _field(form, "direction", 8)

        def work(
            session: Session, access: Access, canteen: Canteen, day: date, meal: MealSlot
        ) -> str:
            done = move_stop(session, canteen, day, meal, stop, direction)
            detail = {
                "elder": done.name,
                "community": done.community,
                "before": done.before,
                "after": done.after,
                "date": day.isoformat(),
                "meal": meal.value,
            }
            self._audit(session, access, canteen, "route.stop", f"elder:{done.elder_id}", detail)
            return say(
                "route_stop_moved", name=done.name, community=done.community, place=done.after
            )

        return await self._route_change(request, form, work, anchor=f"stop-{stop}")

    async def move_community(self, request: Request) -> Response:
        """One community one place up or down in the canteen's route, audited."""
        form = await checked_form(request)
        community, direction = _field(form, "community", 200), _field(form, "direction", 8)

        def work(
            session: Session, access: Access, canteen: Canteen, day: date, meal: MealSlot
        ) -> str:
            done = move_community(session, canteen, day, meal, community, direction)
            detail = {"community": done.community, "before": done.before, "after": done.after}
            target = f"canteen:{canteen.code}"
            self._audit(session, access, canteen, "route.community", target, detail)
            return say("route_community_moved", community=done.community, place=done.after)

        return await self._route_change(request, form, work)

    async def _route_change(
        self,
        request: Request,
        form: FormData,
        work: Callable[[Session, Access, Canteen, date, MealSlot], str],
        anchor: str = "",
    ) -> Response:
        """Run one walking-order change for whoever may arrange the route at the page's
        canteen, in one transaction with its audit entry; back to the meal's delivery list
        with what happened (a refusal changes nothing)."""
        code = request.path_params["code"]
        day_text, meal_text = _field(form, "date", 10), _field(form, "meal", 16)

        def run() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.ARRANGE_ROUTE, code)
                assert canteen is not None
                return work(session, access, canteen, _form_day(day_text), parse_meal(meal_text))

        try:
            text = await run_in_threadpool(run)
            request.session["flash"] = {"kind": "ok", "text": text}
        except DomainError as refused:
            request.session["flash"] = {"kind": "error", "text": refused.message("zh")}
            anchor = ""
        query = []
        if _is_date(day_text):
            query.append(f"date={day_text}")
        if meal_text in {m.value for m in MealSlot}:
            query.append(f"meal={meal_text}")
        back = canteen_path(code, "delivery") + ("?" + "&".join(query) if query else "")
        return RedirectResponse(back + (f"#{anchor}" if anchor else ""), status_code=303)

    # ----------------------------------------------------------------- the menu

    def menu(self, request: Request) -> Response:
        """The canteen's published menus for the coming days, and (for its manager) the form
        that uploads a new menu file."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_MENU, code)
            assert canteen is not None
            return self._menu_page(request, session, access, canteen)

    def _menu_page(
        self,
        request: Request,
        session: Session,
        access: Access,
        canteen: Canteen,
        problems: list[str] | None = None,
        status_code: int = 200,
    ) -> Response:
        """The menu page, with a refused file's problems above the upload form."""
        today = local_today(self.now())
        context = {
            "canteen": canteen,
            "menus": pages.published(session, canteen, today),
            "days": pages.MENU_DAYS,
            "can_publish": may(access, P.PUBLISH_MENU, canteen),
            "read_only": role_in(access, canteen) == "supervisor",
            "problems": problems or [],
        }
        return self._render(
            request, "menu.html", context, session=session, access=access, status_code=status_code
        )

    def _menu_refused(
        self, request: Request, code: str, problems: list[str], status_code: int = 400
    ) -> Response:
        """The menu page again with what was wrong; nothing was kept or published."""
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
            assert canteen is not None
            return self._menu_page(request, session, access, canteen, problems, status_code)

    async def upload_menu(self, request: Request) -> Response:
        """Check an uploaded menu file with the store's readers and rules; on problems list
        them all, else keep the file on the server and show what publishing it will do.

        Who is asking is checked first (no one else's upload is buffered), then the body is
        measured before the form is parsed (a file over the limit is refused without being
        read whole), then the CSRF token is checked."""
        code = request.path_params["code"]
        await run_in_threadpool(self._may_publish, request, code)
        body = await capped_body(request.stream(), request.headers.get("content-length"))
        if body is None:
            refusal = [say("upload_too_big")]
            return await run_in_threadpool(self._menu_refused, request, code, refusal, 413)
        form = await checked_form(request, body)
        try:
            upload = form.get("file")
            data = await upload.read(MAX_FILE_BYTES + 1) if isinstance(upload, UploadFile) else b""
            name = clean_name(upload.filename) if isinstance(upload, UploadFile) else ""
        finally:
            await form.close()
        log.info("console menu upload: %d bytes", len(data))
        if not data:
            return await run_in_threadpool(
                self._menu_refused, request, code, [say("upload_no_file")]
            )
        if len(data) > MAX_FILE_BYTES:
            refusal = [say("upload_too_big")]
            return await run_in_threadpool(self._menu_refused, request, code, refusal, 413)
        return await run_in_threadpool(self._preview, request, code, name, data)

    def _preview(self, request: Request, code: str, name: str, data: bytes) -> Response:
        """The preview of a good file (kept under a token for 发布), or its problems."""
        with read_only(self.factory) as session:
            _, canteen = self._require(request, session, P.PUBLISH_MENU, code)
            assert canteen is not None
        try:
            menu_file = checked_menu(canteen, name, data, local_today(self.now()))
            summary = rehearse_import(self.factory, menu_file, name)
        except MenuFileError as refused:
            return self._menu_refused(request, code, refused.lines("zh"))
        token = self.uploads.keep(self._owner(request), code, name, data, self.now())
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
            assert canteen is not None
            context = {
                "canteen": canteen,
                "file_name": name,
                "summary": say("menu_summary", **vars(summary)),
                "menus": pages.preview(session, canteen, menu_file),
                "token": token,
            }
            return self._render(
                request, "menu_preview.html", context, session=session, access=access
            )

    def _owner(self, request: Request) -> str:
        """Whose pending upload this is: the signed-in browser session's."""
        token = request.session.get("sid")
        return owner_of(token if isinstance(token, str) else "")

    async def publish_menu(self, request: Request) -> Response:
        """Publish the previewed file through the store's import (as ``zhucan menu import``
        does), write it to the audit log, and go back to the menu page showing it."""
        form = await checked_form(request)
        code = request.path_params["code"]
        token = _field(form, "token", 64)
        try:
            text = await run_in_threadpool(self._publish, request, code, token)
        except MenuFileError as refused:
            return await run_in_threadpool(self._menu_refused, request, code, refused.lines("zh"))
        kind = "ok" if text is not None else "error"
        request.session["flash"] = {"kind": kind, "text": text or say("upload_expired")}
        return RedirectResponse(canteen_path(code, "menu"), status_code=303)

    def _may_publish(self, request: Request, code: str) -> None:
        """Signed in, and the manager of that canteen; ``NotSignedIn`` / ``Forbidden`` else."""
        with read_only(self.factory) as session:
            self._require(request, session, P.PUBLISH_MENU, code)

    def _publish(self, request: Request, code: str, token: str) -> str | None:
        """Check the kept file again and import it with its audit entry in one transaction;
        None when there is no such file for this session and canteen (expired, or not theirs)."""
        with read_only(self.factory) as session:
            _, canteen = self._require(request, session, P.PUBLISH_MENU, code)
            assert canteen is not None
        pending = self.uploads.get(token, self._owner(request), code, self.now())
        if pending is None:
            return None
        menu_file = checked_menu(canteen, pending.name, pending.data, local_today(self.now()))
        with unit_of_work(self.factory) as session:
            access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
            assert canteen is not None
            refused = problems_for_canteen(menu_file, canteen)
            if refused:
                raise MenuFileError(pending.name, refused)
            summary = import_menu_file(session, menu_file, pending.name)
            self._audit_publish(session, access, canteen, menu_file, summary, pending)
        self.uploads.drop(token)
        return say("menu_published", **vars(summary))

    # ---------------------------------------------------------- the menu planner

    def _week(self, text: str) -> date:
        """The Monday of the week asked for (this week when none); ``BadWeek`` otherwise."""
        try:
            return parse_week(text, local_today(self.now()))
        except DomainError as refused:
            raise BadWeek(refused) from None

    def planner(self, request: Request) -> Response:
        """菜单计划: the week's grid (``?week=2026-W49`` or a day of it), each meal's dishes
        with price and cap, closed days marked; for the manager the links that change a meal,
        copy last week, and the form that marks a day or meal closed."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_MENU, code)
            assert canteen is not None
            monday = self._week(request.query_params.get("week", ""))
            today = local_today(self.now())
            week = read_week(session, canteen, monday)
            context = {
                "canteen": canteen,
                "grid": planner_pages.grid(week, today),
                "prev_week": week_label(monday - timedelta(days=7)),
                "next_week": week_label(monday + timedelta(days=7)),
                "this_week": week_label(week_of(today)),
                "open_days": [d for d in week.days if d >= today],
                "meals": [(m.value, label_zh(m)) for m in planner_pages.served(canteen)],
                "can_edit": may(access, P.PUBLISH_MENU, canteen),
                "read_only": not may(access, P.PUBLISH_MENU, canteen),
            }
            return self._render(request, "planner.html", context, session=session, access=access)

    def copy_preview(self, request: Request) -> Response:
        """What copying last week onto this week will add, keep and not copy; nothing is
        changed until 确认复制."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
            assert canteen is not None
            monday = self._week(request.query_params.get("week", ""))
            plan = copy_plan(session, canteen, monday, local_today(self.now()))
            context = {
                "canteen": canteen,
                "week": week_label(monday),
                "preview": planner_pages.copy_preview(plan),
            }
            return self._render(
                request, "planner_copy.html", context, session=session, access=access
            )

    async def copy_week(self, request: Request) -> Response:
        """Copy last week's menus as previewed, through the menu import, with its audit entry;
        back to the week with what happened (or to the preview when it changed meanwhile)."""
        form = await checked_form(request)
        code = request.path_params["code"]
        week_text = _field(form, "week", 20)
        fingerprint = _field(form, "plan", 64)

        def work() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
                assert canteen is not None
                monday = self._week(week_text)
                today = local_today(self.now())
                copied = copy_last_week(session, canteen, monday, today, fingerprint)
                days = [e.day for e in copied.plan.added]
                detail = {
                    **vars(copied.summary),
                    "week": week_label(monday),
                    "text": say(
                        "planner_copied_detail",
                        first=min(days).isoformat(),
                        last=max(days).isoformat(),
                        count=len(days),
                    ),
                }
                self._audit(
                    session, access, canteen, "menu.copy_week", f"week:{week_label(monday)}", detail
                )
                return say("planner_copied", count=len(days))

        query = f"?week={quote(week_text, safe='')}"
        try:
            text = await run_in_threadpool(work)
        except DomainError as refused:
            request.session["flash"] = {"kind": "error", "text": self._refusal(refused)}
            if refused.code == "plan_changed":
                return RedirectResponse(canteen_path(code, "planner/copy") + query, status_code=303)
        else:
            request.session["flash"] = {"kind": "ok", "text": text}
        return RedirectResponse(canteen_path(code, "planner") + query, status_code=303)

    @staticmethod
    def _refusal(refused: DomainError) -> str:
        """A refusal in words; the menu import's problems each after their meal."""
        if isinstance(refused, MenuFileError):
            lines = "；".join(planner_pages.problem_lines(refused))
            return say("planner_not_changed", problems=lines)
        return refused.message("zh")

    def planner_cell(self, request: Request) -> Response:
        """One meal's menu (``?date=…&meal=…``): its dishes, caps and orders, and for the
        manager the forms that change a cap, take a dish off or add one of the canteen's."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_MENU, code)
            assert canteen is not None
            day, meal = self._cell_of(
                request.query_params.get("date", ""), request.query_params.get("meal", "")
            )
            cell = read_week(session, canteen, week_of(day)).cell(day, meal)
            library = [
                (name, price)
                for name, price in session.execute(
                    select(Dish.name, Dish.price_fen)
                    .where(Dish.canteen_id == canteen.id)
                    .order_by(Dish.id)
                )
            ]
            context = {
                "canteen": canteen,
                "cell": planner_pages.cell_page(cell, library, local_today(self.now())),
                "week": week_label(week_of(day)),
                "can_edit": may(access, P.PUBLISH_MENU, canteen),
            }
            return self._render(
                request, "planner_cell.html", context, session=session, access=access
            )

    @staticmethod
    def _cell_of(day_text: str, meal_text: str) -> tuple[date, MealSlot]:
        """The meal a cell page or form is about; 404 when it names none."""
        try:
            day = date.fromisoformat(day_text)
            meal = parse_vocab(MealSlot, meal_text)
        except ValueError:
            raise NotFound() from None
        if not in_service_years(day):
            raise NotFound()
        return day, meal

    async def change_cell(self, request: Request) -> Response:
        """Add a dish to one meal, take one off or change its cap, through the menu import
        (orders kept: a dish ordered stays, no cap below what is ordered), audited."""
        form = await checked_form(request)
        code = request.path_params["code"]
        fields = {name: _field(form, name, 100) for name in ("date", "meal", "edit", "dish", "cap")}
        query = "?" + urlencode({"date": fields["date"][:10], "meal": fields["meal"][:16]})

        def work() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
                assert canteen is not None
                day, meal = self._cell_of(fields["date"], fields["meal"])
                try:
                    edit = Edit(fields["edit"])
                except ValueError:
                    raise NotFound() from None
                cap = parse_cap(fields["cap"]) if edit is not Edit.REMOVE else None
                change = CellChange(edit, fields["dish"].strip(), cap)
                edit_cell(session, canteen, day, meal, change, local_today(self.now()))
                text = planner_pages.change_words(day, meal, change)
                detail = {"date": day.isoformat(), "meal": meal.value, "text": text}
                self._audit(
                    session,
                    access,
                    canteen,
                    "menu.cell",
                    f"menu:{day.isoformat()}:{meal.value}",
                    detail,
                )
                return text

        try:
            text = await run_in_threadpool(work)
            request.session["flash"] = {"kind": "ok", "text": text}
        except DomainError as refused:
            request.session["flash"] = {"kind": "error", "text": self._refusal(refused)}
        return RedirectResponse(canteen_path(code, "planner/cell") + query, status_code=303)

    async def close_meal(self, request: Request) -> Response:
        """Mark a day (or one meal of it) closed with a reason; refused with how many orders
        there are when it has any (the manager contacts those elders; nothing is cancelled)."""
        form = await checked_form(request)
        code = request.path_params["code"]
        fields = {name: _field(form, name, 100) for name in ("date", "meal", "reason", "week")}

        def work() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
                assert canteen is not None
                day = _form_day(fields["date"])
                meal = None
                if fields["meal"] != "day":
                    try:
                        meal = parse_vocab(MealSlot, fields["meal"])
                    except ValueError:
                        raise DomainError("safety_bad_meal", meal=fields["meal"][:20]) from None
                closure = close(
                    session, canteen, day, meal, fields["reason"], access.person_id, self.now()
                )
                label = planner_pages.when(day, meal)
                detail = {
                    "date": day.isoformat(),
                    "meal": fields["meal"],
                    "reason": closure.reason,
                    "text": f"{label} 休息：{closure.reason}",
                }
                self._audit(session, access, canteen, "menu.close", f"closure:{closure.id}", detail)
                return say("planner_closed", when=label, reason=closure.reason)

        return await self._planner_change(request, code, fields["week"], work)

    async def reopen_meal(self, request: Request) -> Response:
        """Take a closure back: the day's menu (if any) is offered again; audited."""
        form = await checked_form(request)
        code = request.path_params["code"]
        closure_text = _field(form, "closure", 9)
        week_text = _field(form, "week", 20)

        def work() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
                assert canteen is not None
                if not closure_text.isdecimal():
                    raise DomainError("closure_unknown")
                closure = reopen(session, canteen, int(closure_text), self.now())
                label = planner_pages.when(closure.day, closure.meal)
                detail = {
                    "date": closure.day.isoformat(),
                    "reason": closure.reason,
                    "text": f"{label} 取消休息（原因是{closure.reason}）",
                }
                self._audit(
                    session, access, canteen, "menu.reopen", f"closure:{closure.id}", detail
                )
                return say("planner_reopened", when=label)

        return await self._planner_change(request, code, week_text, work)

    async def _planner_change(
        self, request: Request, code: str, week_text: str, work: Callable[[], str]
    ) -> Response:
        """Run a change of the week, then back to the week's grid with what happened."""
        try:
            text = await run_in_threadpool(work)
            request.session["flash"] = {"kind": "ok", "text": text}
        except DomainError as refused:
            request.session["flash"] = {"kind": "error", "text": self._refusal(refused)}
        except IntegrityError:  # the same closure sent twice at once: the other one was kept
            request.session["flash"] = {"kind": "error", "text": say("safety_sent_twice")}
        query = f"?week={quote(week_text, safe='')}" if week_text else ""
        return RedirectResponse(canteen_path(code, "planner") + query, status_code=303)

    # ------------------------------------------------------------ the dish library

    def dishes(self, request: Request) -> Response:
        """菜品库: every dish of the canteen with price, Mongolian names in both scripts,
        aliases, nutrition, tags and allergens, each a link to its own page."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_MENU, code)
            assert canteen is not None
            context = {
                "canteen": canteen,
                "dishes": [dish_pages.row(i, d) for i, d in library(session, canteen)],
                "can_edit": may(access, P.PUBLISH_MENU, canteen),
            }
            return self._render(request, "dishes.html", context, session=session, access=access)

    def dish(self, request: Request) -> Response:
        """One dish: what is stored, and for the manager the form that changes it."""
        return self._dish_page(request)

    def _dish_page(
        self,
        request: Request,
        values: dict[str, str] | None = None,
        refused: MenuFileError | None = None,
    ) -> Response:
        """The dish page; after a refused change (400), the form as sent with every problem
        said against its field."""
        code = request.path_params["code"]
        dish_id = request.path_params["dish_id"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_MENU, code)
            assert canteen is not None
            found = dict(library(session, canteen)).get(dish_id)
            if found is None:
                raise NotFound()
            problems = dish_pages.problems(refused, found.name) if refused else []
            context = {
                "canteen": canteen,
                "dish": dish_pages.row(dish_id, found),
                "values": values or form_values(found),
                "problems": problems,
                "wrong": {p.field for p in problems},
                "can_edit": may(access, P.PUBLISH_MENU, canteen),
                "labels": FIELDS,
                "known_tags": dish_pages.known_tags(),
                "known_allergens": dish_pages.known_allergens(),
            }
            status = 400 if refused else 200
            return self._render(
                request, "dish.html", context, session=session, access=access, status_code=status
            )

    async def edit_dish(self, request: Request) -> Response:
        """Change a dish through the menu file's checks and import (``menus.dish_library``),
        with its audit entry; the form again with every problem in Chinese when refused."""
        form = await checked_form(request)
        code = request.path_params["code"]
        dish_id = request.path_params["dish_id"]
        values = {name: _field(form, name, 2000) for name in FORM_FIELDS}

        def work() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.PUBLISH_MENU, code)
                assert canteen is not None
                if dish_id not in dict(library(session, canteen)):
                    raise NotFound()
                edit = edit_dish(session, canteen, dish_id, values)
                name = edit.before.name
                if not edit.differences:
                    return say("dish_unchanged", dish=name)
                changes = dish_pages.change_words(edit.differences)
                detail = {"dish": name, "text": say("dish_audit", dish=name, changes=changes)}
                self._audit(session, access, canteen, "menu.dish", f"dish:{dish_id}", detail)
                return say("dish_saved", dish=name, changes=changes)

        try:
            text = await run_in_threadpool(work)
        except MenuFileError as refused:
            return await run_in_threadpool(self._dish_page, request, values, refused)
        request.session["flash"] = {"kind": "ok", "text": text}
        return RedirectResponse(canteen_path(code, f"dishes/{dish_id}"), status_code=303)

    # ------------------------------------------------------------- food safety

    def safety(self, request: Request) -> Response:
        """食品安全 of a day: 留样 per meal with a form for the dishes not sampled yet, the
        disinfection log, the self-inspection and the samples that may now be thrown away."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_SAFETY, code)
            assert canteen is not None
            day = self._day(request)
            context = {
                "canteen": canteen,
                "day": day,
                "prev_day": day - timedelta(days=1),
                "next_day": day + timedelta(days=1),
                "today": local_today(self.now()),
                "page": safety_pages.safety_page(session, canteen, day, self.now()),
                "can_record": may(access, P.RECORD_SAFETY, canteen),
            }
            return self._render(request, "safety.html", context, session=session, access=access)

    def safety_photo(self, request: Request) -> Response:
        """A 留样 photo, only to those who may see the canteen's food-safety records."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            _, canteen = self._require(request, session, P.VIEW_SAFETY, code)
            assert canteen is not None
            photo = photo_of(session, canteen.id, int(request.path_params["photo_id"]))
            if photo is None:
                raise NotFound()
            headers = {"Content-Disposition": "inline", "Cache-Control": "private, no-store"}
            return Response(photo.data, media_type=photo.content_type, headers=headers)

    async def add_sample(self, request: Request) -> Response:
        """Keep a 留样 (with its photo) through the store's rules, and log who did it."""
        check_upload_size(request)
        form = await checked_form(request, max_files=1)
        try:
            photo = await uploaded(form, "photo")
        finally:
            await form.close()
        fields = {
            name: _field(form, name, 100) for name in ("date", "meal", "dish", "grams", "time")
        }

        def work(session: Session, access: Access, canteen: Canteen) -> str:
            given = NewSample(
                _form_day(fields["date"]),
                fields["meal"],
                fields["dish"],
                fields["grams"],
                fields["time"],
                photo,
            )
            sample = record_sample(session, canteen, given, access.person_id, self.now())
            detail = {"meal": sample.meal, "dish": sample.dish_name, "grams": sample.grams}
            self._audit(session, access, canteen, "safety.sample", f"sample:{sample.id}", detail)
            end = discard_after(sample.kept_at).astimezone(TZ)
            until = f"{end.month}月{end.day}日 {end:%H:%M}"
            meal = meal_word(parse_vocab(MealSlot, sample.meal))
            return say(
                "sample_saved", meal=meal, dish=sample.dish_name, grams=sample.grams, discard=until
            )

        return await self._safety_change(request, fields["date"], work)

    async def add_disinfection(self, request: Request) -> Response:
        """Log a meal's tableware as disinfected, and who did it."""
        form = await checked_form(request)
        fields = {name: _field(form, name, 40) for name in ("date", "meal", "method", "time")}

        def work(session: Session, access: Access, canteen: Canteen) -> str:
            given = NewDisinfection(
                _form_day(fields["date"]), fields["meal"], fields["method"], fields["time"]
            )
            record = record_disinfection(session, canteen, given, access.person_id, self.now())
            detail = {"meal": record.meal, "method": method_label(record.method)}
            self._audit(
                session, access, canteen, "safety.disinfection", f"disinfection:{record.id}", detail
            )
            meal = meal_word(parse_vocab(MealSlot, record.meal))
            return say("disinfection_saved", meal=meal, method=method_label(record.method))

        return await self._safety_change(request, fields["date"], work)

    async def add_inspection(self, request: Request) -> Response:
        """Keep the day's self-inspection checklist, and who did it."""
        form = await checked_form(request)
        day_text = _field(form, "date", 10)
        answers = {
            code: Answer(
                _pass_fail(_field(form, f"check_{code}", 8)), _field(form, f"note_{code}", 200)
            )
            for code in CHECKS
        }

        def work(session: Session, access: Access, canteen: Canteen) -> str:
            day = _form_day(day_text)
            inspection = record_inspection(
                session, canteen, day, answers, access.person_id, self.now()
            )
            failed = [check_label(c) for c, r in inspection.results.items() if not r["ok"]]
            detail = {"date": day.isoformat(), "failed": "、".join(failed) or "无"}
            target = f"inspection:{inspection.id}"
            self._audit(session, access, canteen, "safety.inspection", target, detail)
            return say("inspection_saved", date=f"{day.month}月{day.day}日")

        return await self._safety_change(request, day_text, work)

    def _audit_publish(
        self,
        session: Session,
        access: Access,
        canteen: Canteen,
        menu_file: MenuFile,
        summary: ImportSummary,
        pending: Pending,
    ) -> None:
        """The audit entry of a published menu: what changed, which days, the file's size
        (never its name or content)."""
        days = sorted(m.date for m in menu_file.menus)
        detail = {
            **vars(summary),
            "first": days[0].isoformat() if days else "",
            "last": days[-1].isoformat() if days else "",
            "bytes": len(pending.data),
        }
        self._audit(session, access, canteen, "menu.publish", f"canteen:{canteen.code}", detail)

    def _audit(
        self,
        session: Session,
        access: Access,
        canteen: Canteen,
        action: str,
        target: str,
        detail: dict[str, Any],
    ) -> None:
        """One change at ``canteen`` by whoever is signed in, in the audit log."""
        record_change(
            session,
            actor_id=access.person_id,
            action=action,
            target=target,
            now=self.now(),
            canteen_id=canteen.id,
            region=canteen.region,
            detail=detail,
        )

    async def _safety_change(
        self,
        request: Request,
        day_text: str,
        work: Callable[[Session, Access, Canteen], str],
    ) -> Response:
        """Run one food-safety change for whoever may record at the page's canteen, in one
        transaction with its audit entry; back to the day's page with what happened."""
        code = request.path_params["code"]

        def run() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.RECORD_SAFETY, code)
                assert canteen is not None
                return work(session, access, canteen)

        try:
            text = await run_in_threadpool(run)
            request.session["flash"] = {"kind": "ok", "text": text}
        except DomainError as refused:
            request.session["flash"] = {"kind": "error", "text": refused.message("zh")}
        except IntegrityError:  # the same form sent twice at once: the other one was kept
            request.session["flash"] = {"kind": "error", "text": say("safety_sent_twice")}
        query = f"?date={day_text}" if _is_date(day_text) else ""
        return RedirectResponse(canteen_path(code, "safety") + query, status_code=303)

    # -------------------------------------------------------------- settlement

    def _settling(self, request: Request, session: Session) -> tuple[Access, Canteen, date]:
        """Who reads the settlement, of which canteen, for which month (``?month=YYYY-MM``,
        this month when none); ``BadMonth`` once the reader may see it at all."""
        code = request.path_params["code"]
        access, canteen = self._require(request, session, P.VIEW_SETTLEMENT, code)
        assert canteen is not None
        text = request.query_params.get("month", "")
        today = local_today(self.now())
        try:
            month = parse_month(text, today) if text else today.replace(day=1)
        except MonthError as refused:
            raise BadMonth(refused, text) from None
        return access, canteen, month

    def settlement(self, request: Request) -> Response:
        """结算 of a month: meals served per category with every part of the money and the
        total, the claim sheet to download, and each elder's statement a click away."""
        with read_only(self.factory) as session:
            access, canteen, month = self._settling(request, session)
            today = local_today(self.now())
            before, after = add_months(month, -1), add_months(month, 1)
            context = {
                "canteen": canteen,
                "month": month,
                "month_label": month_label(month),
                "settlement": month_settlement(session, canteen, month),
                "prev_month": before if before >= earliest_month(today) else None,
                "next_month": after if after <= today else None,
                "earliest": earliest_month(today),
                "latest": today.replace(day=1),
                "read_only": role_in(access, canteen) == SUPERVISOR,
            }
            return self._render(request, "settlement.html", context, session=session, access=access)

    def claims_xlsx(self, request: Request) -> Response:
        """The month's claim sheet as an Excel workbook."""
        with read_only(self.factory) as session:
            _, canteen, month = self._settling(request, session)
            data = claim_xlsx(month_settlement(session, canteen, month))
        return Response(data, media_type=XLSX_TYPE, headers=_attachment(canteen, month, "xlsx"))

    def claims_csv(self, request: Request) -> Response:
        """The month's claim sheet as CSV."""
        with read_only(self.factory) as session:
            _, canteen, month = self._settling(request, session)
            text = claim_csv(month_settlement(session, canteen, month))
        headers = _attachment(canteen, month, "csv")
        return Response(text.encode("utf-8"), media_type=CSV_TYPE, headers=headers)

    def statement(self, request: Request) -> Response:
        """One elder's month at this canteen: each meal and who paid which part; only for an
        elder the canteen has served (404 otherwise)."""
        with read_only(self.factory) as session:
            access, canteen, month = self._settling(request, session)
            found = elder_statement(session, canteen, int(request.path_params["elder_id"]), month)
            if found is None:
                raise NotFound()
            context = {
                "canteen": canteen,
                "month": month,
                "month_label": month_label(month),
                "statement": found,
                "read_only": role_in(access, canteen) == SUPERVISOR,
            }
            return self._render(request, "statement.html", context, session=session, access=access)

    # ---------------------------------------------------- complaints and praise

    def feedback(self, request: Request) -> Response:
        """意见和表扬: the canteen's inbox for a month (``?month=2026-12``), open complaints
        first, with a reply form on each for those who may answer, and the month's figures."""
        code = request.path_params["code"]
        with read_only(self.factory) as session:
            access, canteen = self._require(request, session, P.VIEW_FEEDBACK, code)
            assert canteen is not None
            month = feedback_pages.parse_month(
                request.query_params.get("month", ""), local_today(self.now())
            )
            return self._feedback_page(request, session, access, canteen, month)

    def _feedback_page(
        self,
        request: Request,
        session: Session,
        access: Access,
        canteen: Canteen,
        month: date,
        draft: dict[str, Any] | None = None,
        status_code: int = 200,
    ) -> Response:
        """The inbox page; ``draft``: a refused answer's text and refusal, kept in its form."""
        this_month = local_today(self.now()).replace(day=1)
        may_answer = may(access, P.ANSWER_FEEDBACK, canteen)
        context = {
            "canteen": canteen,
            "page": feedback_pages.feedback_page(
                session, canteen, month, self.now(), may_answer=may_answer
            ),
            "prev_month": feedback_pages.month_before(month),
            "next_month": feedback_pages.month_after(month),
            "this_month": this_month,
            "read_only": not may_answer,
            "draft": draft or {},
        }
        return self._render(
            request,
            "feedback.html",
            context,
            session=session,
            access=access,
            status_code=status_code,
        )

    async def answer_feedback(self, request: Request) -> Response:
        """Answer one complaint through the store's one answering service (the chat's
        "回复 3 …" uses it too): queued for its author in their language, marked answered and
        audited in one transaction. A refusal (empty, too long, another canteen's, already
        answered) shows the page again with the words kept and nothing changed."""
        form = await checked_form(request)
        code = request.path_params["code"]
        feedback_id = int(request.path_params["feedback_id"])
        text = _field(form, "answer", 4 * MAX_ANSWER)  # longer than allowed: refused, not cut
        month_text = _field(form, "month", 7)

        def work() -> str:
            with unit_of_work(self.factory) as session:
                access, canteen = self._require(request, session, P.ANSWER_FEEDBACK, code)
                assert canteen is not None
                row = answer(
                    session, feedback_id, access.person_id, text, self.now(), canteen_id=canteen.id
                )
                to = recipient(session, row)
                return say("feedback_answered", id=feedback_id, to=to.name)

        def refused(refusal: DomainError) -> Response:
            with read_only(self.factory) as session:
                access, canteen = self._require(request, session, P.ANSWER_FEEDBACK, code)
                assert canteen is not None
                month = feedback_pages.parse_month(month_text, local_today(self.now()))
                draft = {"id": feedback_id, "text": text, "error": refusal.message("zh")}
                return self._feedback_page(request, session, access, canteen, month, draft, 400)

        try:
            said = await run_in_threadpool(work)
        except DomainError as refusal:
            return await run_in_threadpool(refused, refusal)
        request.session["flash"] = {"kind": "ok", "text": said}
        query = f"?month={month_text}" if MONTH.fullmatch(month_text) else ""
        return RedirectResponse(
            canteen_path(code, "feedback") + query + f"#feedback-{feedback_id}", status_code=303
        )

    # -------------------------------------------------------------- oversight

    def region(self, request: Request) -> Response:
        """A supervisor's region: every canteen with today's and this month's meals served,
        this month's complaints, those open, the median response time and the satisfaction
        (``menus.supervision``); each links to its board and its complaints (read-only)."""
        with read_only(self.factory) as session:
            access, _ = self._require(request, session, P.VIEW_REGION)
            assert access.supervisor_region is not None
            today = local_today(self.now())
            figures = region_figures(session, access.supervisor_region, today)
            month = region_month(session, region_canteens(session, access.supervisor_region), today)
            context = {
                "region": access.supervisor_region,
                "today": today,
                "figures": figures,
                "month": region_pages.month_view(month, figures),
                "totals": {
                    "orders_today": sum(f.orders_today for f in figures),
                    "served_today": sum(f.served_today for f in figures),
                    "served_month": sum(f.served_month for f in figures),
                    "complaints_open": sum(f.complaints_open for f in figures),
                    "complaints_month": sum(f.feedback.complaints for f in figures),
                },
                "duration": duration_label,
            }
            return self._render(request, "region.html", context, session=session, access=access)

    def audit(self, request: Request) -> Response:
        """Who changed what, when: a manager's canteens, or a supervisor's region."""
        with read_only(self.factory) as session:
            access, _ = self._require(request, session, P.VIEW_AUDIT)
            if access.supervisor_region is not None:
                lines = audit_lines(session, region_prefix=access.supervisor_region)
            else:
                mine = canteens_with(access, P.VIEW_AUDIT)
                lines = audit_lines(session, canteen_ids=mine)
            context = {"lines": lines}
            return self._render(request, "audit.html", context, session=session, access=access)


def checked_menu(canteen: Canteen, name: str, data: bytes, today: date) -> MenuFile:
    """An uploaded file read and checked by the store's own readers and rules: its kind by its
    content, every problem of the file, and that it is about this canteen; ``MenuFileError``
    lists every problem."""
    problem = format_problem(data, name)
    if problem is not None:
        raise MenuFileError(name, [problem])
    menu_file = parse_menu_bytes(data, name, today=today)
    problems = problems_for_canteen(menu_file, canteen)
    if problems:
        raise MenuFileError(name, problems)
    return menu_file


def _attachment(canteen: Canteen, month: date, suffix: str) -> dict[str, str]:
    """A download's file name: ASCII for old clients, and with the canteen's code for the
    rest (RFC 6266)."""
    plain = f"subsidy-claims-{month:%Y-%m}.{suffix}"
    named = quote(f"{canteen.code}-补贴申领-{month:%Y-%m}.{suffix}", safe="")
    return {"Content-Disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{named}"}


def _query(request: Request) -> str:
    return f"?{request.url.query}" if request.url.query else ""


def _form_day(text: str) -> date:
    """The day a food-safety form is for."""
    if not text:
        raise DomainError("safety_missing", field="日期")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise DomainError("bad_date", text=text) from None
    if not in_service_years(day):
        raise DomainError("bad_date", text=text)  # 0001-01-01 overflows the time zones
    return day


def _pass_fail(text: str) -> bool | None:
    """合格 (pass), 不合格 (fail), or not answered."""
    return {"pass": True, "fail": False}.get(text)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
