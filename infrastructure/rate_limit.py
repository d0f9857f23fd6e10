"""Counting what one person does in a stretch of time, in the shared cache: every worker and server agree."""

import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` actions called `name` per person in each fixed window of `seconds`."""

    name: str
    limit: int
    seconds: int

    def take(self, who) -> bool:
        """Count one action by who; return False if it is past the limit and must not happen."""
        key = f"rate:{self.name}:{who}:{int(time.time() // self.seconds)}"
        cache.add(key, 0, self.seconds)
        try:
            return cache.incr(key) <= self.limit
        except ValueError:  # the cache is unavailable: nothing can be counted, so nothing is refused
            return True

    def seconds_left(self) -> int:
        """Return how long until the current window ends and counting starts again."""
        return max(1, int(self.seconds - time.time() % self.seconds))
