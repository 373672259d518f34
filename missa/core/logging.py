"""Logging helpers."""

import logging


class OneLineRefusals(logging.Filter):
    """Log a refused request (400, 403) as one line: drop the traceback Django attaches."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in {400, 403}:
            record.exc_info = None
            record.exc_text = None
        return True
