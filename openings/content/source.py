"""Raw files -> front-matter YAML nodes (with their line marks) and the Markdown body.

PyYAML nodes are kept, not plain values, so every later error can name the line of the
offending key or value. Aliases, custom tags and non-UTF-8 bytes are refused here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node
from yaml.reader import ReaderError

from ..errors import Problem

STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


ALIASES = "YAML aliases (*name) are not allowed in front-matter; write the value out in full"


class _NoAliasLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses aliases, so "billion laughs" never expands."""

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        """Refuse an alias before the composer resolves it."""
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise ComposerError(None, None, ALIASES, mark)
        return super().compose_node(parent, index)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Source:
    """One content file split into its front-matter node and body."""

    front: MappingNode
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


class Fences(YAMLHandler):
    """python-frontmatter's YAML handler, finding our fences: the first line is `---` (spaces
    around it allowed), and the front-matter ends at the next line that is `---` or `...`.
    Only its split is used: its `load` gives plain values, without the lines errors need."""

    FM_BOUNDARY = re.compile(r"\A[^\S\n]*---[^\S\n]*$|^(?!\A)(?:---|\.\.\.)[ \t]*$",
                             re.MULTILINE)


FENCES = Fences()


def split(path: str, text: str) -> tuple[str, str, int, list[Problem]]:
    """The front-matter's text between the fences (as its lines joined, so that YAML marks
    count from the line after `---`), the body, and the body's first line."""
    if not FENCES.detect(text):
        return "", "", 0, [Problem(path, 1, "no front-matter: the file must start with a line "
                                   "`---`, then the fields, then another `---`")]
    try:
        front, body = FENCES.split(text)
    except ValueError:
        return "", "", 0, [Problem(path, 1, "the front-matter is not closed: add a line `---` "
                                   "after the last field")]
    return front[1:-1], body.removeprefix("\n"), front.count("\n") + 2, []


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
        return None, [Problem(path, line, f"YAML syntax: {in_words(err.problem or '')}; check "
                              "the indentation, and quote text that contains ': ' or starts "
                              "with a special character")]
    except yaml.YAMLError:
        return None, [Problem(path, offset, f"YAML syntax: {in_words('')}")]


SYNTAX_WORDS = (
    ("mapping values are not allowed", "a `: ` comes where it cannot, after a value or in a "
     "line indented under a value"),
    ("expected ',' or ']'", "a `[` is opened and never closed"),
    ("expected ',' or '}'", "a `{` is opened and never closed"),
    ("unexpected end of stream", "a quotation mark is opened and never closed"),
    ("could not find expected ':'", "a line has no `: ` between a field's name and its value, "
     "or a quotation mark above it is never closed"),
    ("sequence entries are not allowed", "a list item `- ` comes where it cannot; start the "
     "list on the line after the field's name"),
    ("unknown escape character", "a backslash inside double quotes starts an unknown code; "
     "write it twice (\\\\) or use single quotes"),
    ("that cannot start any token", "a value starts with a character ({character}) that "
     "needs quotes around the value"),
    ("but found '<scalar>'", "text follows a closing quotation mark; quote the whole value, "
     "and write a ' inside single quotes as ''"),
    ("expected <block end>", "this line does not line up with the fields around it"),
    ("did not find expected", "this line does not line up with the fields around it"),
)
"""PyYAML's problems (its own words) said in an editor's words."""


def in_words(problem: str) -> str:
    """A YAML syntax problem said in plain words, without the parser's own terms."""
    if problem == ALIASES:
        return problem
    character = re.search(r"found character '(.*)' that", problem)
    return next((words.replace("{character}", character.group(1) if character else "")
                 for term, words in SYNTAX_WORDS if term in problem),
                "this line cannot be read as fields")


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
    yaml_text, body, body_line, problems = split(path, text)
    if problems:
        return None, problems
    node, problems = compose(path, yaml_text, 2)
    if problems:
        return None, problems
    if not isinstance(node, MappingNode):
        return None, [Problem(path, 2 if node else 1, "the front-matter must be fields, one "
                              "`name: value` a line")]
    problems = bad_tags(path, node, 2)
    if problems:
        return None, problems
    return Source(node, body, body_line), []


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
