"""Back and forward through the jumps made by links, search and the outline, like a web browser."""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["History"]

T = TypeVar("T")


class History(Generic[T]):
    """Two stacks of places. Visiting a new place clears the forward stack."""

    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self._back: list[T] = []
        self._forward: list[T] = []

    def visit(self, leaving: T) -> None:
        """Record the place being left for a new one."""
        self._back = [*self._back, leaving][-self.limit :]
        self._forward.clear()

    def back(self, current: T) -> T | None:
        """The place to go back to, or ``None`` at the start of history."""
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: T) -> T | None:
        """The place to go forward to, or ``None`` when nothing was gone back from."""
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()
