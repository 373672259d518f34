"""The code an authenticator app shows, for tests."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_totp_code(secret: str) -> str:
    """Return this period's code (as an authenticator app shows it now), never one about to end.

    allauth accepts a period either side (MFA_TOTP_TOLERANCE), but each code once: a test
    that reads the clock at a period's last instant waits for the next one instead.
    """
    period = app_settings.TOTP_PERIOD
    if period - time.time() % period < 2:
        time.sleep(period - time.time() % period + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time() // period)))
