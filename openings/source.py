"""Raw files -> front-matter YAML nodes (with their line marks) and the Markdown body.

PyYAML nodes are kept, not plain values, so every later error can name the line of the
offending key or value. Aliases, custom tags and non-UTF-8 bytes are refused here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node
from yaml.reader import ReaderError

from .errors import Problem

FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


class _NoAliasLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses aliases, so "billion laughs" never expands."""

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        """Refuse an alias before the composer resolves it."""
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise ComposerError(
                None, None, "YAML aliases (*name) are not allowed in front-matter; "
                "write the value out in full", mark)
        return super().compose_node(parent, index)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Source:
    """One content file split into its front-matter node and body."""

    path: str
    front: MappingNode
    first_line: int
    body: str
    body_line: int


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes -> text with one kind of line end and no byte-order mark."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(path, line, "the file is not UTF-8 text; save it as UTF-8")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def split(path: str, text: str) -> tuple[list[str], int, list[Problem]]:
    """Find the front-matter lines between the opening and closing `---`."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return [], 0, [Problem(path, 1, "no front-matter: the file must start with a line "
                               "`---`, then the fields, then another `---`")]
    for index in range(1, len(lines)):
        if FENCE.match(lines[index]):
            return lines[1:index], index + 1, []
    return [], 0, [Problem(path, 1, "the front-matter is not closed: add a line `---` "
                           "after the last field")]


def loader_for(yaml_text: str) -> type[yaml.SafeLoader] | type[yaml.CSafeLoader]:
    """libyaml's fast loader, unless the text may hold an alias for the careful one to refuse."""
    if "*" in yaml_text or not getattr(yaml, "__with_libyaml__", False):
        return _NoAliasLoader
    return yaml.CSafeLoader


def compose(path: str, yaml_text: str, offset: int) -> tuple[Node | None, list[Problem]]:
    """YAML text -> one node tree; syntax errors become problems at their line.

    A text libyaml refuses is read again by the Python loader, whose messages and marks are
    the ones editors see, whichever loader the machine has.
    """
    try:
        return yaml.compose(yaml_text, Loader=loader_for(yaml_text)), []
    except (yaml.YAMLError, RecursionError):
        pass
    try:
        return yaml.compose(yaml_text, Loader=_NoAliasLoader), []
    except RecursionError:
        return None, [Problem(path, offset, "the front-matter is nested too deeply (brackets "
                              "or indentation inside one another); write plain fields")]
    except ReaderError as err:
        line = offset + yaml_text.count("\n", 0, err.position)
        return None, [Problem(path, line, f"a control character (U+{err.character:04X}) that "
                              "cannot be shown is in this line, often from copied text; delete "
                              "it and type the text again")]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = offset + (mark.line if mark else 0)
        if "'\\t'" in str(err.problem):
            return None, [Problem(path, line, "a tab is used to indent this line; indent with "
                                  "spaces instead (two spaces for each level)")]
        return None, [Problem(path, line, f"YAML syntax: {err.problem or err}; check the "
                              "indentation, and quote text that contains ': ' or starts with a "
                              "special character")]
    except yaml.YAMLError as err:
        return None, [Problem(path, offset, f"YAML syntax: {err}")]


MAX_DEPTH = 16


def bad_tags(path: str, root: Node, offset: int) -> list[Problem]:
    """Every explicit YAML tag outside the standard ones (e.g. !!python/object) is refused,
    and so is nesting deeper than any posting needs (walked without recursion)."""
    found: list[Problem] = []
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return [Problem(path, offset + node.start_mark.line, "the front-matter is nested "
                            "too deeply (brackets or indentation inside one another); write "
                            "plain fields")]
        if node.tag not in STANDARD_TAGS:
            found.append(Problem(path, offset + node.start_mark.line,
                                 f"YAML tags like {node.tag} are not allowed; remove the tag"))
        if isinstance(node, MappingNode):
            stack += [(child, depth + 1) for pair in reversed(node.value) for child in
                      reversed(pair)]
        elif isinstance(node.value, list):
            stack += [(child, depth + 1) for child in reversed(node.value)]
    return found


def read_source(path: str, data: bytes) -> tuple[Source | None, list[Problem]]:
    """Bytes of a posting or settings file -> Source, or the problems that stop it."""
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    yaml_lines, body_line, problems = split(path, text)
    if problems:
        return None, problems
    node, problems = compose(path, "\n".join(yaml_lines), 2)
    if problems:
        return None, problems
    if not isinstance(node, MappingNode):
        return None, [Problem(path, 2 if node else 1, "the front-matter must be fields, one "
                              "`name: value` a line")]
    problems = bad_tags(path, node, 2)
    if problems:
        return None, problems
    body = "\n".join(text.split("\n")[body_line:])
    return Source(path, node, 1, body, body_line + 1), []


def read_settings(path: str, data: bytes) -> tuple[MappingNode | None, list[Problem]]:
    """Bytes of a plain YAML file (site.yml) -> its top mapping node."""
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    node, problems = compose(path, text, 1)
    if problems:
        return None, problems
    if not isinstance(node, MappingNode):
        return None, [Problem(path, 1, "the settings must be fields, one `name: value` a line")]
    problems = bad_tags(path, node, 1)
    return (None, problems) if problems else (node, [])
