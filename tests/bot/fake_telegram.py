"""A stand-in for Telegram's servers that speaks the real Bot API JSON, for offline tests.

Two ways in, as PTB's own tests do: ``RecordingRequest`` (a ``telegram.request.BaseRequest``
the bot is built with) and ``LoopbackServer`` (an HTTP server on 127.0.0.1 the unmodified bot
polls through ``base_url``). Both answer from one ``FakeTelegram`` that records every call.
Updates are built as Telegram sends them (``Update.de_json`` reads them back).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote

from telegram.request import BaseRequest, RequestData

TOKEN = "123456:TEST-token_abc"
BOT_ID = 123456
DATE = 1_796_083_200  # 2026-12-01 08:00 Asia/Shanghai


def user(uid: int, name: str = "老人") -> dict[str, Any]:
    """A private Telegram user."""
    return {"id": uid, "is_bot": False, "first_name": name, "language_code": "zh-hans"}


def _message(update_id: int, uid: int, **fields: Any) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": DATE,
            "chat": {"id": uid, "type": "private", "first_name": "老人"},
            "from": user(uid),
            **fields,
        },
    }


def text_update(update_id: int, uid: int, text: str) -> dict[str, Any]:
    """A typed message; a leading ``/word`` is a bot command, as Telegram marks it."""
    fields: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        length = len(text.split(" ", 1)[0].encode("utf-16-le")) // 2
        fields["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return _message(update_id, uid, **fields)


def contact_update(update_id: int, uid: int, phone: str, owner: int | None) -> dict[str, Any]:
    """A shared contact; ``owner`` is the contact's Telegram user id (None: not a user)."""
    contact: dict[str, Any] = {"phone_number": phone, "first_name": "某人"}
    if owner is not None:
        contact["user_id"] = owner
    return _message(update_id, uid, contact=contact)


def document_update(update_id: int, uid: int, file_id: str, name: str, size: int) -> dict[str, Any]:
    """A file sent as a document."""
    document = {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_name": name}
    return _message(update_id, uid, document={**document, "file_size": size})


def voice_update(update_id: int, uid: int, file_id: str, size: int | None = None) -> dict[str, Any]:
    """A voice note (OGG/Opus), with the size Telegram says it has when ``size`` is given."""
    voice: dict[str, Any] = {"file_id": file_id, "file_unique_id": f"u-{file_id}", "duration": 2}
    if size is not None:
        voice["file_size"] = size
    return _message(update_id, uid, voice={**voice, "mime_type": "audio/ogg"})


def callback_update(
    update_id: int, uid: int, query_id: str, data: str, markup: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An inline button pressed under the bot's message (carrying that message's keyboard)."""
    message: dict[str, Any] = {
        "message_id": 9000 + update_id,
        "date": DATE,
        "chat": {"id": uid, "type": "private"},
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "zhucan"},
        "text": "…",
    }
    if markup is not None:
        message["reply_markup"] = markup
    return {
        "update_id": update_id,
        "callback_query": {
            "id": query_id,
            "from": user(uid),
            "chat_instance": f"ci-{uid}",
            "data": data,
            "message": message,
        },
    }


class FakeTelegram:
    """The Bot API's side: answers each method as Telegram does and records the call."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.files: dict[str, tuple[str, bytes]] = {}
        self.updates: list[dict[str, Any]] = []
        self.observer: Callable[[str, dict[str, Any]], None] | None = None
        self.refuse: dict[int, dict[str, Any]] = {}
        """chat id → the error Telegram answers sends to it with (e.g. 403: blocked)."""
        self._message_id = 0
        self._cond = threading.Condition()

    # -------------------------------------------------------------------- test side

    def add_file(self, file_id: str, path: str, data: bytes) -> None:
        """A file Telegram holds (a document or voice note the user sent)."""
        self.files[file_id] = (path, data)

    def push(self, *updates: dict[str, Any]) -> None:
        """Updates for the next ``getUpdates``."""
        with self._cond:
            self.updates.extend(updates)
            self._cond.notify_all()

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call of ``method``, in order."""
        with self._cond:
            return [params for name, params in self.calls if name == method]

    def texts(self) -> list[str]:
        """The text of every message sent."""
        return [str(p["text"]) for p in self.sent()]

    def wait_for(self, count: int, method: str = "sendMessage", timeout: float = 10.0) -> None:
        """Block until ``count`` calls of ``method`` were made (or fail)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len([1 for name, _ in self.calls if name == method]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{method}: {len(self.sent(method))} calls, not {count}")
                self._cond.wait(left)

    # -------------------------------------------------------------------- server side

    def call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """One Bot API call: the JSON envelope Telegram returns."""
        if method != "getUpdates":
            if self.observer is not None:
                self.observer(method, params)
            with self._cond:
                self.calls.append((method, params))
                self._cond.notify_all()
        chat = params.get("chat_id")
        if method.startswith("send") and isinstance(chat, int) and chat in self.refuse:
            return {"ok": False, **self.refuse[chat]}
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return {"ok": False, "error_code": 404, "description": "Not Found"}
        result: object = handler(params)
        return {"ok": True, "result": result}

    def file_bytes(self, path: str) -> bytes | None:
        """A file's contents by its ``file_path``."""
        for file_path, data in self.files.values():
            if file_path == path:
                return data
        return None

    def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "助餐",
            "username": "zhucan_bot",
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Long polling: confirmed updates (below ``offset``) are dropped; wait ``timeout``."""
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._cond:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and time.monotonic() < deadline:
                self._cond.wait(min(0.05, deadline - time.monotonic()))
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            limit = int(params.get("limit") or 100)
            return list(self.updates[:limit])

    def _message(self, params: dict[str, Any], **fields: Any) -> dict[str, Any]:
        with self._cond:
            self._message_id += 1
            message_id = self._message_id
        chat = params["chat_id"]
        return {
            "message_id": message_id,
            "date": DATE,
            "chat": {"id": int(chat), "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "助餐"},
            **fields,
        }

    def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        extra = {"reply_markup": params["reply_markup"]} if "reply_markup" in params else {}
        if isinstance(extra.get("reply_markup"), str):
            extra["reply_markup"] = json.loads(extra["reply_markup"])
        if extra and "inline_keyboard" not in extra["reply_markup"]:
            extra = {}  # Telegram returns only inline keyboards on messages
        return self._message(params, text=params["text"], **extra)

    def _m_sendVoice(self, params: dict[str, Any]) -> dict[str, Any]:
        voice = {"file_id": "v-out", "file_unique_id": "uv", "duration": 1}
        return self._message(params, voice=voice)

    def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params["file_id"])
        path, data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_size": len(data),
            "file_path": path,
        }

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        return True

    def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        return True

    def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        return True

    def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> bool:
        return True


class RecordingRequest(BaseRequest):
    """The bot's HTTP layer replaced: every call goes to ``FakeTelegram`` in-process."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            data = self.fake.file_bytes(unquote(url.split("/file/bot", 1)[1].split("/", 1)[1]))
            return (200, data) if data is not None else (404, b"")
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data is not None else {}
        if request_data is not None and request_data.contains_files:
            for name, part in request_data.multipart_data.items():  # as the server sees them
                params[name] = {"filename": part[0], "size": len(part[1])}
        answer = self.fake.call(endpoint, params)
        return (200 if answer["ok"] else answer["error_code"]), json.dumps(answer).encode()


class LoopbackServer:
    """The Bot API over HTTP on 127.0.0.1: JSON, form and multipart bodies, file downloads."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the test asserts on recorded calls instead."""

            def do_GET(self) -> None:
                outer._get(self)

            def do_POST(self) -> None:
                outer._post(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.bad_paths: list[str] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _reply(self, handler: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _token_path(self, path: str, prefix: str) -> str | None:
        """The rest of the path after ``prefix<token>/`` (the token may be percent-encoded)."""
        if not path.startswith(prefix):
            return None
        token, _, rest = path[len(prefix) :].partition("/")
        if unquote(token) != self.fake.token:
            return None
        return rest

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        rest = self._token_path(handler.path, "/file/bot")
        data = self.fake.file_bytes(unquote(rest)) if rest is not None else None
        if data is None:
            self.bad_paths.append(handler.path)
            self._reply(handler, 404, b"")
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/octet-stream")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _post(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length)
        if len(body) < length:  # the sender died half-way: Telegram never sees such a call
            handler.close_connection = True
            return
        method = self._token_path(handler.path, "/bot")
        if method is None:
            self.bad_paths.append(handler.path)
            self._reply(handler, 401, b'{"ok":false,"error_code":401,"description":"Unauthorized"}')
            return
        params = self._params(handler.headers.get("Content-Type") or "", body)
        answer = self.fake.call(method, params)
        self._reply(
            handler, 200 if answer["ok"] else answer["error_code"], json.dumps(answer).encode()
        )

    @staticmethod
    def _params(content_type: str, body: bytes) -> dict[str, Any]:
        """JSON, form-encoded or multipart parameters, each JSON value decoded."""
        if not body:
            return {}
        if content_type.startswith("application/json"):
            loaded: dict[str, Any] = json.loads(body)
            return loaded
        if content_type.startswith("multipart/form-data"):
            head = f"Content-Type: {content_type}\r\n\r\n".encode()
            message = BytesParser(policy=HTTP).parsebytes(head + body)
            params: dict[str, Any] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                if part.get_filename():
                    params[str(name)] = {"filename": part.get_filename(), "size": len(payload)}
                else:
                    params[str(name)] = _maybe_json(payload.decode())
            return params
        return {k: _maybe_json(v) for k, v in parse_qsl(body.decode())}


def _maybe_json(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value
