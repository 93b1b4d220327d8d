"""Where an inline object sits, to name its class (`Droplet.networks` -> `Networks`)."""

from __future__ import annotations

from dataclasses import dataclass

from .naming import pascal_case, singular


@dataclass(frozen=True)
class NameHint:
    """Where an inline object sits, to name its class: the owning class and the path step."""

    owner: str
    owner_is_main: bool
    segment: str

    def for_items(self) -> NameHint:
        return NameHint(self.owner, self.owner_is_main, singular(self.segment))

    def with_suffix(self, suffix: str) -> NameHint:
        return NameHint(self.owner, self.owner_is_main, self.segment + suffix)

    def class_name(self) -> str:
        own = pascal_case(self.segment)
        return own if self.owner_is_main else self.owner + own
