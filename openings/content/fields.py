"""Typed reads of one YAML mapping, each failure a Problem at the line of its key or value.

This is the one place where editors' front-matter is checked and converted; everything past
it receives typed, frozen values.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem
from .placeholders import Advice, is_placeholder

NULL = "tag:yaml.org,2002:null"
STR = "tag:yaml.org,2002:str"
BOOL = "tag:yaml.org,2002:bool"
NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
TRUE_WORDS = frozenset({"true", "yes", "on"})


def is_empty(node: Node) -> bool:
    """A value left blank (`key:`) or written as null."""
    return isinstance(node, ScalarNode) and (node.tag == NULL or node.value.strip() == "")


def invisible(text: str) -> str:
    """A note naming characters that cannot be seen (zero-width spaces and the like, often
    pasted from a word processor), since a message quoting them looks like the right name."""
    hidden = [c for c in text if unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp")
              or (unicodedata.category(c) == "Zs" and c != " ")]
    if not hidden:
        return ""
    names = ", ".join(sorted({f"U+{ord(c):04X} {unicodedata.name(c, 'CONTROL')}"
                              for c in hidden}))
    return f" (it holds an invisible character: {names}; delete the name and type it again)"


SHOWN = 60


def shape(node: Node) -> str:
    """The value an editor wrote, as a message quotes it (a list or fields by their kind)."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a group of fields"
    if is_empty(node):
        return "an empty value"
    text = " ".join(str(node.value).split())
    return f"`{text if len(text) <= SHOWN else text[:SHOWN] + '…'}`"


class Fields:
    """The keys of one mapping, with typed getters that collect problems instead of raising."""

    def __init__(self, path: str, node: MappingNode, allowed: tuple[str, ...],
                 problems: list[Problem], *, offset: int, where: int, prefix: str = "",
                 advice: Mapping[str, Advice] | None = None) -> None:
        self.path, self.allowed, self.problems = path, allowed, problems
        self.offset, self.where, self.prefix = offset, where, prefix
        self.advice = advice or {}
        self.items: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            self._add(key, value)

    def _add(self, key: Node, value: Node) -> None:
        """Record one key, refusing duplicates and unknown names."""
        name = key.value if isinstance(key, ScalarNode) else None
        if not isinstance(name, str):
            self.error(key, "a field name must be plain text")
        elif name in self.items:
            first = self.line(self.items[name][0])
            self.error(key, f"`{self.prefix}{name}` is given twice (also on line {first}); "
                       "keep one")
        elif name not in self.allowed:
            self.error(key, self._unknown(name))
        else:
            self.items[name] = (key, value)

    def _unknown(self, name: str) -> str:
        """Name the unknown key, with the closest known key as a suggestion."""
        close = difflib.get_close_matches(name, self.allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{self.prefix}{close[0]}`?" if close else (
            "known fields: " + ", ".join(self.allowed))
        return f"unknown field `{self.prefix}{name}`{invisible(name)}; {hint}"

    def line(self, node: Node) -> int:
        """The file line of a node."""
        return self.offset + node.start_mark.line

    def error(self, node: Node | None, message: str) -> None:
        """Record a problem at a node, or at the mapping itself."""
        self.problems.append(Problem(self.path, self.line(node) if node else self.where, message))

    def key_line(self, name: str) -> int:
        """The line of a key, or of the mapping when the key is absent."""
        return self.line(self.items[name][0]) if name in self.items else self.where

    def value(self, name: str, required: bool, empty_ok: bool = True) -> Node | None:
        """The value node of a key; a placeholder left in it is reported, and so is a key
        missing or blank when required, or blank where `empty_ok` is false."""
        key, node = self.items.get(name, (None, None))
        if node is None:
            if required:
                self.error(None, self.missing(name))
            return None
        if self.holds_placeholder(name, node):
            return None
        if not is_empty(node):
            return node
        if required or not empty_ok:
            self.error(key, self.empty(name, required))
        return None

    def holds_placeholder(self, name: str, node: Node) -> bool:
        """Report a value that is still a placeholder `new` wrote, saying what to write."""
        if not (isinstance(node, ScalarNode) and node.tag == STR and is_placeholder(node.value)):
            return False
        advice = self.advice.get(self.prefix + name)
        self.error(node, f"`{self.prefix}{name}` still holds the placeholder "
                   f"`{node.value.strip()}`; write "
                   + (advice.write if advice else "the value this field needs"))
        return True

    def missing(self, name: str) -> str:
        """The message for a required key that is not there: the line to add, and where."""
        advice = self.advice.get(self.prefix + name)
        if advice is None:
            return f"`{self.prefix}{name}` is required"
        where = f"under `{self.prefix[:-1]}:`" if self.prefix else "between the `---` lines"
        return (f"`{self.prefix}{name}` is missing: add `{advice.line}`{advice.aside} "
                f"{where}")

    def empty(self, name: str, required: bool) -> str:
        """The message for a key given with no value."""
        advice = self.advice.get(self.prefix + name)
        if advice is None:
            return f"`{self.prefix}{name}` is required; give it a value" if required else (
                f"`{self.prefix}{name}` is empty; give it a value, or delete the line")
        return f"`{self.prefix}{name}` is empty; write {advice.write}" + (
            "" if required else ", or delete the line")

    def like(self, name: str) -> str:
        """`, like <example>` for a message about a field's shape, when the advice has one."""
        advice = self.advice.get(self.prefix + name)
        return f", like `{advice.example}`" if advice and advice.example else ""

    def text(self, name: str, required: bool = False, empty_ok: bool = True) -> str | None:
        """A field as text, exactly as written (numbers and words stay text)."""
        node = self.value(name, required, empty_ok)
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f"`{self.prefix}{name}` must be text on one line, not "
                       f"{shape(node)}{self.like(name)}")
            return None
        return str(node.value).strip()

    def choice(self, name: str, options: tuple[str, ...], default: str | None) -> str | None:
        """A field that must be one of a few words."""
        value = self.text(name, required=default is None)
        if value is None:
            return default
        if value not in options:
            self.error(self.items[name][1], f"`{self.prefix}{name}` must be one of: "
                       + ", ".join(options) + f" (not `{value}`)")
            return None
        return value

    def number(self, name: str, required: bool = False) -> Decimal | None:
        """A positive number, written plainly (75129 or 669.57)."""
        node = self.value(name, required)
        if node is None:
            return None
        text = node.value if isinstance(node, ScalarNode) and node.tag in NUMBER_TAGS else ""
        try:
            number = Decimal(str(text).replace("_", ""))
        except InvalidOperation:
            number = Decimal(0)
        if not number.is_finite() or number <= 0:
            self.error(node, f"`{self.prefix}{name}` must be a number above 0, written like "
                       f"75129 or 669.57 (no $ sign, spaces or commas), not {shape(node)}")
            return None
        return number

    def whole(self, name: str) -> int | None:
        """A positive whole number."""
        number = self.number(name)
        if number is not None and number != number.to_integral_value():
            self.error(self.items[name][1], f"`{self.prefix}{name}` must be a whole number, "
                       f"like 2, not {shape(self.items[name][1])}")
            return None
        return int(number) if number is not None else None

    def flag(self, name: str, required: bool = False) -> bool | None:
        """A yes/no field."""
        node = self.value(name, required)
        if node is None:
            return None
        if not (isinstance(node, ScalarNode) and node.tag == BOOL):
            self.error(node, f"`{self.prefix}{name}` must be true or false, not {shape(node)}")
            return None
        return node.value.lower() in TRUE_WORDS

    def texts(self, name: str, required: bool = False) -> tuple[str, ...]:
        """A field that is one text or a list of texts."""
        node = self.value(name, required)
        if node is None:
            return ()
        items = node.value if isinstance(node, SequenceNode) else [node]
        values: list[str] = []
        for item in items:
            if self.holds_placeholder(name, item):
                continue
            if isinstance(item, ScalarNode) and not is_empty(item):
                values.append(str(item.value).strip())
            else:
                each = "each " if item is not node else ""
                self.error(item, f"{each}`{self.prefix}{name}` must be text on one line, not "
                           f"{shape(item)}{self.like(name)}")
        return tuple(values)

    def moment(self, name: str, required: bool = False) -> tuple[str, int] | None:
        """A date or date-time, as written, with its line, for the time rules to read."""
        node = self.value(name, required)
        if node is None:
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f"`{self.prefix}{name}` must be a date like 2026-12-04")
            return None
        return str(node.value).strip(), self.line(node)

    def group(self, name: str, allowed: tuple[str, ...], required: bool = False,
              empty_ok: bool = True) -> Fields | None:
        """A nested mapping (salary:, term: ...) read with the same rules."""
        node = self.value(name, required, empty_ok)
        if node is None:
            return None
        if not isinstance(node, MappingNode):
            self.error(node, f"`{self.prefix}{name}` must hold indented fields: "
                       + ", ".join(allowed) + f" (not {shape(node)})")
            return None
        return Fields(self.path, node, allowed, self.problems, offset=self.offset,
                      where=self.key_line(name), prefix=f"{self.prefix}{name}.",
                      advice=self.advice)

    def node_of(self, name: str) -> Node | None:
        """The value node of a present key, for errors that compare fields."""
        return self.items[name][1] if name in self.items else None


EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
