"""A time budget per document: work that runs past it is stopped, and the document skipped.

Every stage is meant to be linear in its input, with caps where a rule would otherwise grow
faster (see `pipeline.claims.MAX_SENTENCE_CHARS`, `pipeline.html.MAX_HTML_DEPTH`); the budget is
the guard behind them, so that one hostile or pathological file cannot hold an ingest for
minutes. It uses the interval timer, so it applies in the main thread of a POSIX process; where
there is none (another thread, Windows) the work runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(BaseException):
    """Raised inside the work when its time is up. A BaseException, so that no `except
    Exception` in the stages can swallow it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the block once `seconds` of wall-clock time have passed."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame) -> None:  # noqa: ANN001 - signal handler signature
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
