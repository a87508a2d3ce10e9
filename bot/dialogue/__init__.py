"""The dialogue: a state machine you can read.

- ``engine``: ``Dialogue``, one turn in and one reply out, the state loaded and stored around it,
  and the router from the speaker's role to its handler module.
- ``elder`` (with ``ordering``, ``answers``, ``cancelling``, ``care``), ``family``, ``staff``:
  the handlers; ``elder`` holds the table from (what we wait for, intent) to a handler.
- ``state``: the typed, versioned ``ConversationState`` (``Draft``, ``Awaiting``).
- ``utterance``: what was said, typed (``Intent``, ``Mention``).
- ``store``: what the handlers read from the store, cached briefly, and the turn's one
  transaction under the person's lock (``Store.turn_of``).
"""

from bot.dialogue.engine import Dialogue

__all__ = ["Dialogue"]
