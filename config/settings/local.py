"""`make run`: served like production (gunicorn, whitenoise, DEBUG off) on 127.0.0.1 over HTTP.

Uses the development secret key from var/ and no HTTPS-only settings, so that the demo
runs on a laptop. Real deployments use `config.settings.prod`.
"""

from .base import *  # noqa: F403
from .base import env_bool, local_secret_key

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = SECRET_KEY or local_secret_key()  # noqa: F405

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
MISSA_SERVE_MEDIA = True
