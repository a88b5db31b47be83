"""Answers of the text matchers, kept per text: one text is read many times in a run.

A fact's claim is often its excerpt's sentence, and a claim's excerpt is read for the claim, the value
check and the binding checks: ``find_numbers`` ran 64,000 times for 17,725 facts, a third of a cold run.
The matchers are pure functions of their arguments and their mentions are frozen, so the same text gives
the same answer; each caller gets its own list, as before, and identity within one answer's list (money
keeps the number it was read from) holds as it did.

Bounded twice: only texts up to ``LONGEST`` characters (excerpts and claims, not whole sources) and the
``SIZE`` most recent of them, so memory stays a few megabytes whatever the repository.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

LONGEST = 4_000
SIZE = 8_192

T = TypeVar("T")
_EVERY: list[OrderedDict[Any, Any]] = []


def forget() -> None:
    """Drop every remembered answer (for tests that change a grammar's data in place)."""
    for seen in _EVERY:
        seen.clear()


def per_text(fn: Callable[..., list[T]]) -> Callable[..., list[T]]:
    """``fn(text, *args, **kwargs)`` remembered by its (hashable) arguments, for short texts."""
    seen: OrderedDict[tuple[Any, ...], tuple[T, ...]] = OrderedDict()
    _EVERY.append(seen)

    @wraps(fn)
    def remembered(text: str, *args: Any, **kwargs: Any) -> list[T]:
        if len(text) > LONGEST:
            return fn(text, *args, **kwargs)
        # keywords in call order, not sorted (sorting cost a third of this wrapper's time): the same
        # keywords given in another order only make a second entry, never a wrong answer
        key = (text, args, tuple(kwargs.items())) if kwargs else (text, args)
        try:
            found = seen[key]
        except KeyError:
            found = seen[key] = tuple(fn(text, *args, **kwargs))
            if len(seen) > SIZE:
                seen.popitem(last=False)
        else:
            seen.move_to_end(key)
        return list(found)

    remembered.cache = seen  # type: ignore[attr-defined]  # for tests: how much is kept
    remembered.uncached = fn  # type: ignore[attr-defined]  # the plain function, to compare with
    return remembered


def kept_per_text(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn(text)`` remembered as it is (not copied), with the same bounds: for readings that callers
    only derive answers from and never change."""
    seen: OrderedDict[str, T] = OrderedDict()
    _EVERY.append(seen)

    @wraps(fn)
    def remembered(text: str) -> T:
        if len(text) > LONGEST:
            return fn(text)
        try:
            found = seen[text]
        except KeyError:
            found = seen[text] = fn(text)
            if len(seen) > SIZE:
                seen.popitem(last=False)
        else:
            seen.move_to_end(text)
        return found

    remembered.cache = seen  # type: ignore[attr-defined]
    return remembered
