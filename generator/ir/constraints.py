"""The validation keywords pydantic can enforce on a value (`Constraints`); `model` re-exports them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Constraints:
    """Validation keywords that pydantic can enforce."""

    multiple_of: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None

    def is_empty(self) -> bool:
        return self == EMPTY_CONSTRAINTS

    def by_keyword(self) -> list[tuple[str, float | int | str]]:
        """The constraints that are set, by their JSON Schema keyword, in a fixed order."""
        items = [
            ("multipleOf", self.multiple_of),
            ("minimum", self.minimum),
            ("exclusiveMinimum", self.exclusive_minimum),
            ("maximum", self.maximum),
            ("exclusiveMaximum", self.exclusive_maximum),
            ("minLength", self.min_length),
            ("maxLength", self.max_length),
            ("pattern", self.pattern),
        ]
        return [(keyword, value) for keyword, value in items if value is not None]


EMPTY_CONSTRAINTS = Constraints()
