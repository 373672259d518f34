"""The discussion's tests borrow co-construction's cast: an open call, léa and marc."""

from missa.participation.tests.conftest import lea, make_person, marc, open_call

__all__ = ["lea", "make_person", "marc", "open_call"]
