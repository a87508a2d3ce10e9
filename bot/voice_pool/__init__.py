"""Voice notes on a worker pool: the webhook queues them, ASR workers (``zhucan voice worker``,
on this machine or others) hear and answer them.

Why a queue: a text turn costs about 4 ms, a Whisper voice turn 1.5-2 s of CPU. Run inside
the webhook workers, a few voice notes would hold up everybody's typing; behind a queue the
webhook answers Telegram in milliseconds and the ASR pool grows on its own machines.
"""
