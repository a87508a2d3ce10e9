"""Reminders and timed work: jobs that queue messages in the outbox by key, and a sender that
delivers them through a ``Channel`` within its rate limits, exactly once across processes.

``scheduler.service.SchedulerService`` puts them together on APScheduler; ``scheduler.jobs``
holds the jobs (pure functions of the store and the moment); ``scheduler.sender`` the sweep.
"""
