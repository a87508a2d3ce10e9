"""Understanding what elders say, in Mandarin and Mongolian.

``nlu.parser.Parser`` turns one utterance into Rasa's parse format (intent and entities)
against the menu it is given as data (``nlu.menu.MenuNames``); it imports nothing from
``menus``, ``bot``, ``voice`` or ``scheduler``. ``nlu.rasa_backend`` asks a Rasa server instead.
Training and test data live in ``nlu/data`` in Rasa's YAML format.
"""
