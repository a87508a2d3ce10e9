"""Channels and dialogue; holds the ``zhucan`` command that composes every part."""
