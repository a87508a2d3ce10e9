"""Understanding what elders say, in Mandarin and Mongolian (issue: the NLU).

Not built yet: this package is a placeholder so that the layout from the design card holds.
It will receive the menu as data and never import ``menus``.
"""
