"""``zhucan serve``: Telegram webhooks, health, metrics and the console behind one ASGI server.

Why a package of its own: the serving process composes the Telegram application, the store and
the console, and nothing else depends on it. Every worker process is stateless: what a turn
needs lives in the database (the person's lock, the conversation, the menu version) or in
Redis (the shared Telegram rate limit), so a worker may be killed or added at any time.
"""
