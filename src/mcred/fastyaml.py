"""Fast YAML composition through libyaml (PyYAML's C parser), giving ruamel-shaped nodes.

Parsing is nearly the whole cost of linting a file: ruamel's pure-Python round-trip
composer needs ~10 ms for a 4 KB design, libyaml ~1 ms. PyYAML's C parser composes nodes
with ``start_mark``/``end_mark`` (0-based line and column, counted in characters), so
:class:`mcred.tree.TreeBuilder` builds the same data and positions from them.

The fast path is taken only where it is known to give exactly what the ruamel path gives;
otherwise :func:`try_compose` answers "not handled" and the loader uses ruamel:

- PyYAML's default resolver is YAML 1.1 (``yes``/``no``, ``0123`` octal, sexagesimal);
  :class:`Yaml12Resolver` copies ruamel's YAML 1.2 table, so plain scalars get the same tags.
- Anchors and aliases (any ``&``): ruamel's nodes carry their anchor, which the tree
  builder uses to share values and their positions; PyYAML's do not.
- Directives (``%YAML 1.1`` switches ruamel's resolver) and the line breaks YAML 1.1 knows
  but 1.2 does not (NEL, LS, PS: they would shift line numbers).
- Any parse error: ruamel re-parses, so MC001 messages and positions are the same on both
  paths.
- Empty values (``key:`` with nothing after it): the parsers place them differently.
- Deep nesting: PyYAML's C composer recurses on the C stack without Python's recursion
  limit (it crashes the process near depth 30,000), so documents that *could* nest deeper
  than :data:`MAX_SAFE_DEPTH` go to ruamel, whose depth handling reports MC009.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

#: Nesting the C composer is allowed to see (it survives 10,000; designs need about 6).
MAX_SAFE_DEPTH = 1_000
_INDENT = re.compile(r"^ +", re.MULTILINE)
_INDICATORS = ("- ", "-\t", ": ", ":\t", "? ", "?\t", "[", "{")
_FALLBACK_CHARS = ("&", "\x85", "\u2028", "\u2029")
_TAG = "tag:yaml.org,2002:"

# ruamel.yaml's implicit resolvers for YAML 1.2 (ruamel/yaml/resolver.py), in its order.
# tests/test_fastyaml.py checks them against the installed ruamel.yaml.
IMPLICIT_1_2: tuple[tuple[str, str, str], ...] = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"""^(?: ~
        |null|Null|NULL
        | )$""", "~nN\0"),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
)


def enabled() -> bool:
    """The fast path can be switched off (``MCRED_FAST_YAML=0``) to compare both paths."""
    return os.environ.get("MCRED_FAST_YAML", "1") != "0" and _loader_class() is not None


def try_compose(text: str, max_depth: int = 64) -> tuple[bool, Any]:
    """``(True, node)`` when libyaml composed ``text`` exactly as ruamel would.

    ``(False, None)`` means "use ruamel"; ``node`` is ``None`` for an empty document.
    Documents nested beyond half of ``max_depth`` go to ruamel too: near the limit, the
    report (where and how deep) is the guarded ruamel loader's.
    """
    if not enabled() or not _plain_enough(text):
        return False, None
    from yaml import YAMLError

    loader = _loader_class()(text)  # type: ignore[misc]
    try:
        node = loader.get_single_node()
    except YAMLError:
        return False, None
    finally:
        loader.dispose()
    if node is not None and not _same_as_ruamel(node, max_depth // 2):
        return False, None
    return True, node


def _same_as_ruamel(root: Any, max_depth: int) -> bool:
    """Give libyaml's nodes ruamel's plain style (``None``, not ``""``); refuse empty values
    and nesting deeper than ``max_depth``.

    Empty plain scalars (``key:`` with nothing after it) are placed differently by the
    parsers: ruamel at the next token, libyaml right after the indicator. Which one is nicer
    does not matter: positions must not depend on the path taken.
    """
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        value = node.value
        if isinstance(value, str):
            if not node.style:  # plain
                if not value:
                    return False
                node.style = None
            continue
        if depth >= max_depth:
            return False
        if value and isinstance(value[0], tuple):
            for key, item in value:
                stack.append((key, depth + 1))
                stack.append((item, depth + 1))
        else:
            stack.extend((item, depth + 1) for item in value)
    return True


def _plain_enough(text: str) -> bool:
    """Cheap checks that the document has nothing the fast path would treat differently."""
    if any(c in text for c in _FALLBACK_CHARS):
        return False
    if text.startswith("%") or "\n%" in text:
        return False
    # depth_bound(text) <= MAX_SAFE_DEPTH, without listing every line's indentation:
    budget = MAX_SAFE_DEPTH - 4 - sum(text.count(s) for s in _INDICATORS)
    if budget < 0:
        return False
    too_deep = " " * (budget // 2 + 1)  # an indentation that would break the budget
    return not (text.startswith(too_deep) or "\n" + too_deep in text)


def depth_bound(text: str) -> int:
    """An upper bound of the document's nesting depth, from counts only (no parsing).

    A block collection nested in another starts further right (one exception: a sequence
    as a mapping value may share its key's indentation, hence 2 levels per column), or on
    the same line after an indicator (``- ``, ``: ``, ``? ``); flow collections open with
    a bracket.
    """
    indent = max((len(m) for m in _INDENT.findall(text)), default=0)
    return 2 * (indent + 1) + sum(text.count(s) for s in _INDICATORS) + 2


@cache
def _loader_class() -> type | None:
    """PyYAML's C parser with ruamel's YAML 1.2 resolver; ``None`` without libyaml."""
    try:
        from yaml._yaml import CParser
        from yaml.nodes import ScalarNode, SequenceNode
        from yaml.resolver import BaseResolver
    except ImportError:  # PyYAML missing, or built without libyaml
        return None

    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for kind, pattern, first in IMPLICIT_1_2:
        regexp = re.compile(pattern, re.X)
        for char in first:
            table.setdefault("" if char == "\0" else char, []).append((f"{_TAG}{kind}", regexp))
    plain, seq, mapping = f"{_TAG}str", f"{_TAG}seq", f"{_TAG}map"

    class Yaml12Resolver(BaseResolver):  # type: ignore[misc]
        """YAML 1.2 core tags for plain scalars, exactly as ruamel.yaml resolves them.

        ``resolve`` is BaseResolver's without path resolvers (none are registered): it runs
        once per node, so it is kept short.
        """

        def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, regexp in table.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return plain
            return seq if kind is SequenceNode else mapping

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    class FastComposer(CParser, Yaml12Resolver):  # type: ignore[misc]
        """Composes nodes in C; resolves plain scalars with the YAML 1.2 table."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Yaml12Resolver.__init__(self)

    return FastComposer


@cache
def _data_loader_class() -> type | None:
    """The same C parser and YAML 1.2 resolver, constructing plain data (safe tags only)."""
    composer = _loader_class()
    if composer is None:
        return None
    from yaml.constructor import SafeConstructor

    class FastDataLoader(composer, SafeConstructor):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            composer.__init__(self, stream)  # type: ignore[misc]
            SafeConstructor.__init__(self)

    return FastDataLoader


def load_data(text: str) -> tuple[bool, Any]:
    """``(True, data)`` of a whole document read with libyaml and YAML 1.2 rules, or
    ``(False, None)`` when there is no libyaml or it cannot read the text."""
    loader_class = _data_loader_class()
    if loader_class is None:
        return False, None
    loader = loader_class(text)
    try:
        return True, loader.get_single_data()
    except Exception:  # any refusal means: read it with ruamel instead
        return False, None
    finally:
        loader.dispose()
