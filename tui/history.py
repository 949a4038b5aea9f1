"""Back and forward through the topic jumps made by links and search, like a web browser."""

from __future__ import annotations

__all__ = ["History"]


class History:
    """Two stacks of page indices. Visiting a page clears the forward stack."""

    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self._back: list[int] = []
        self._forward: list[int] = []

    def visit(self, leaving: int) -> None:
        """Record the page being left for a new one."""
        self._back = [*self._back, leaving][-self.limit :]
        self._forward.clear()

    def back(self, current: int) -> int | None:
        """The page to go back to, or ``None`` at the start of history."""
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: int) -> int | None:
        """The page to go forward to, or ``None`` when nothing was gone back from."""
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()
