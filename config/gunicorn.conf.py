"""gunicorn's settings for MISSA (`make run` and production), read from the environment.

gunicorn -c config/gunicorn.conf.py config.wsgi
"""

import os
from pathlib import Path

_var = Path(os.environ.get("MISSA_VAR_DIR", Path(__file__).resolve().parent.parent / "var"))

bind = os.environ.get("MISSA_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# "-" writes the access log to the terminal; an empty value writes none.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
# The control socket lives with this instance's data, not in the home directory where two
# instances on one machine would remove each other's.
control_socket = str(_var / "gunicorn.ctl")
# The reverse proxies allowed to say the request came over HTTPS (X-Forwarded-Proto); the
# same list tells MISSA whose X-Forwarded-For to believe (core.middleware).
forwarded_allow_ips = os.environ.get("MISSA_TRUSTED_PROXIES", "")
