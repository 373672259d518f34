"""The figures of participants follow what people say of themselves (found by
accounts.services.set_participant_kind)."""

from .services import kind_changed

__all__ = ["kind_changed"]
