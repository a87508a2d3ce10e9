"""Reminders and timed work swept from the database (issue: the scheduler).

Not built yet: this package is a placeholder so that the layout from the design card holds.
"""
