"""One way to listen to the core: subscribe a callback, get told, never keep a dead view alive.

Bound methods are held weakly, so a grid model or chart panel that Qt has destroyed simply
stops being called instead of being kept alive (and called) by the document; other callables
(functions, lambdas) are held until `unsubscribe`. The document, the selection and the edit
history all use this one mechanism.

A callback that raises is isolated: the others are still called, the caller (an edit that has
already been applied) carries on, and the failure goes to the reporters registered with
`report_failures_to` — the window connects its crash log there. Without this one faulty view
left an edit applied and logged but not undoable, and the group sums behind it stale.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

FailureReporter = Callable[[BaseException, Callable[..., Any]], None]
_reporters: list[FailureReporter] = []
_log = logging.getLogger("workbench.observers")


def report_failures_to(reporter: FailureReporter) -> None:
    """Tell `reporter(exception, callback)` about every listener that raises."""
    if reporter not in _reporters:
        _reporters.append(reporter)


def stop_reporting_to(reporter: FailureReporter) -> None:
    if reporter in _reporters:
        _reporters.remove(reporter)


def _failed(exc: BaseException, callback: Callable[..., Any]) -> None:
    if not _reporters:
        _log.error("listener %r failed", callback, exc_info=exc)
    for reporter in list(_reporters):
        try:
            reporter(exc, callback)
        except Exception:  # a broken reporter must not break the edit either
            _log.exception("failure reporter %r failed", reporter)


class Observers:
    """A list of callbacks called in subscription order; each callback at most once."""

    def __init__(self) -> None:
        self._entries: list[tuple[Any, Callable[[], Callable[..., Any] | None]]] = []

    @staticmethod
    def _identity(callback: Callable[..., Any]) -> Any:
        owner = getattr(callback, "__self__", None)
        func = getattr(callback, "__func__", None)
        return (id(owner), func) if owner is not None and func is not None else callback

    def subscribe(self, callback: Callable[..., Any]) -> None:
        identity = self._identity(callback)
        if any(existing == identity for existing, _ in self._entries):
            return  # subscribing twice must not call twice (the grid re-subscribed per switch)
        if getattr(callback, "__self__", None) is not None and hasattr(callback, "__func__"):
            ref = weakref.WeakMethod(callback)
            self._entries.append((identity, ref))
        else:
            self._entries.append((identity, lambda: callback))

    def unsubscribe(self, callback: Callable[..., Any]) -> None:
        identity = self._identity(callback)
        self._entries = [(i, r) for i, r in self._entries if i != identity]

    def emit(self, *args: Any) -> None:
        alive = []
        for identity, ref in list(self._entries):
            callback = ref()
            if callback is None:
                continue
            alive.append((identity, ref))
            try:
                callback(*args)
            except Exception as exc:  # isolated: the rest still hear, the caller goes on
                _failed(exc, callback)
        if len(alive) != len(self._entries):
            dead = {i for i, r in self._entries if r() is None}
            self._entries = [(i, r) for i, r in self._entries if i not in dead]

    def __len__(self) -> int:
        return sum(1 for _, ref in self._entries if ref() is not None)
