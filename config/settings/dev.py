"""Development: DEBUG on unless told otherwise, a local secret key under var/."""

import os

from .base import *  # noqa: F403
from .base import env_bool, local_secret_key

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or local_secret_key()  # noqa: F405
if not os.environ.get("ALLOWED_HOSTS"):
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
