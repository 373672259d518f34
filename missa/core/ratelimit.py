"""A small fixed-window rate limiter on Django's cache, for MISSA's own forms.

(allauth limits log-in, sign-up and password resets itself.)
"""

import time

from django.core.cache import cache


def allow(action: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt at action by key; return False once limit is passed in this window."""
    slot = int(time.time() // window)
    cache_key = f"ratelimit:{action}:{key}:{slot}"
    if cache.add(cache_key, 1, timeout=window):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        return True
    return count <= limit


def retry_after(window: int) -> int:
    """Return the seconds until the current window ends (for a Retry-After header)."""
    return max(1, window - int(time.time()) % window)
