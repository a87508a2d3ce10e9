"""The Telegram channel: registration, thin handlers over the shared dialogue, reply keyboards,
rate-limited sending and outbox delivery (python-telegram-bot 22)."""
