"""The Telegram channel: registration, thin handlers over the shared dialogue, reply keyboards,
rate-limited sending, and the scheduler's channel (python-telegram-bot 22)."""
