"""Rewrite one file through ruamel's round-trip tree, proving on the way that nothing else moved.

The guarantees, in order: the unedited tree must dump back to the original bytes (else the
file is refused: its layout cannot be preserved); edits change scalars in place; the result
must reload to data that differs only at the edited paths; every comment line and every
unedited line must survive; CRLF line ends and a BOM are restored exactly.
"""

from __future__ import annotations

import codecs
import difflib
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mcred.findings import KeyPath
from mcred.fix.fixers import Edit, find_edits, is_addition


class FixRefused(Exception):
    """The file cannot be rewritten safely; the message says why and what to do instead."""


@dataclass(frozen=True)
class Layout:
    """The ruamel settings that reproduce a file exactly."""

    mapping: int
    sequence: int
    offset: int
    explicit_start: bool


@dataclass(frozen=True)
class Rewrite:
    """A file's old and new bytes and the edits between them."""

    original: bytes
    result: bytes
    edits: tuple[Edit, ...]

    @property
    def changed(self) -> bool:
        return self.original != self.result


def rewrite(original: bytes, unsafe: bool, quote: Mapping[KeyPath, str] | None = None,
            only: Callable[[Edit], bool] | None = None) -> Rewrite:
    """The fixed bytes of a design, or :class:`FixRefused`; pure (no file access).

    ``quote``: values to write quoted, as the loader reports them (``Document.quotable``);
    ``only`` keeps just the edits it accepts (an editor's quick fix for one finding).
    """
    bom = original.startswith(codecs.BOM_UTF8)
    text = original[len(codecs.BOM_UTF8):].decode("utf-8") if bom else original.decode("utf-8")
    crlf = _line_ends(text)
    body = text.replace("\r\n", "\n") if crlf else text
    tree, layout = _reproducible_tree(body)
    edits = [e for e in find_edits(tree, unsafe, quote) if only is None or only(e)]
    if not edits:
        return Rewrite(original, original, ())
    for edit in edits:
        _apply(tree, edit)
    new_body = keep_comment_gaps(body, _dump(tree, layout))
    _verify(body, new_body, edits)
    new_text = new_body.replace("\n", "\r\n") if crlf else new_body
    result = (codecs.BOM_UTF8 if bom else b"") + new_text.encode("utf-8")
    return Rewrite(original, result, tuple(edits))


def keep_comment_gaps(before: str, after: str) -> str:
    """Keep the spaces before an inline comment as written (the writer aligns comments to
    their old column instead, which turns `blended  # agreed` into `blended # agreed`)."""
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                new[j] = _same_gap(old[i], new[j])
    return "\n".join(new)


def _same_gap(old: str, new: str) -> str:
    for start in range(1, len(old)):
        if old[start] != "#" or old[start - 1] not in " \t":
            continue
        comment = old[start:]
        value = new[: len(new) - len(comment)]
        if new.endswith(comment) and value[-1:] in (" ", "\t"):
            gap = old[:start][len(old[:start].rstrip()):]
            return value.rstrip() + gap + comment
        return new
    return new


def _line_ends(text: str) -> bool:
    """True for CRLF files; mixed or old-Mac line ends are refused."""
    if "\r" not in text:
        return False
    if text.count("\r") == text.count("\r\n") == text.count("\n"):
        return True
    raise FixRefused("the file mixes line endings (CRLF and LF); normalise them first")


def _yaml(layout: Layout) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 1 << 30
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.explicit_start = layout.explicit_start
    return yaml


def _layouts(explicit: bool, indent: int | None, offset: int | None,
             mapping: int | None = None) -> Iterator[Layout]:
    """The guessed layouts first, then the common ones.

    ruamel's guess gives the sequence indent (dash to content, from the parent key) and
    the dash offset; the mapping indent comes from the text (perf: each wrong candidate
    costs a whole dump).
    """
    guessed = [] if indent is None and offset is None else [
        (mapping or 2, indent or 2, offset or 0),
        (indent or 2, (indent or 2) + (offset or 0), offset or 0)]
    tried = set()
    for mapping, sequence, offset_ in [*guessed, (2, 2, 0), (2, 4, 2), (4, 4, 2), (4, 6, 4),
                                       (4, 4, 0), (3, 3, 0), (3, 5, 2)]:
        if (mapping, sequence, offset_) not in tried:
            tried.add((mapping, sequence, offset_))
            yield Layout(mapping, sequence, offset_, explicit)


def _reproducible_tree(text: str) -> tuple[Any, Layout]:
    """Load ``text`` once; find the first layout that dumps it back byte for byte.

    perf: ruamel's indentation guess loads the document anyway; it loads it with our
    round-trip settings, so that one load is the tree (a load costs more than the lint).
    """
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    explicit = any(line.strip() == "---" for line in text.splitlines()[:20]
                   if line.strip() and not line.lstrip().startswith("#"))
    reader = _yaml(Layout(2, 2, 0, explicit))
    indent: int | None = None
    offset: int | None = None
    try:
        try:
            tree, indent, offset = load_yaml_guess_indent(text, yaml=reader)
        except YAMLError:
            raise
        except Exception:  # the guess is a heuristic; the common layouts still apply
            tree = _yaml(Layout(2, 2, 0, explicit)).load(text)
    except YAMLError as exc:
        raise FixRefused(f"the YAML does not parse ({str(exc).splitlines()[0]})") from None
    for layout in _layouts(explicit, indent, offset, _mapping_indent(text)):
        if _dump(tree, layout) == text:
            return tree, layout
    raise FixRefused("its layout cannot be reproduced exactly by the YAML writer (unusual "
                     "indentation, comments or quoting); apply the fixes by hand")


def _mapping_indent(text: str) -> int | None:
    """How far a nested mapping's keys sit right of their parent key, from the first one."""
    parent: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        here = len(line) - len(line.lstrip(" "))
        if parent is not None and not stripped.startswith("-"):
            return here - parent if here > parent else None
        parent = here if stripped.endswith(":") and not stripped.startswith("-") else None
    return None


def _dump(tree: Any, layout: Layout) -> str:
    stream = io.StringIO()
    _yaml(layout).dump(tree, stream)
    return stream.getvalue()


def _apply(tree: Any, edit: Edit) -> None:
    parent = tree
    for part in edit.path[:-1]:
        parent = parent[part]
        _refuse_shared(parent, edit)
    last = edit.path[-1]
    if edit.rename:
        position = list(parent.keys()).index(last)
        value = parent[last]
        comment = parent.ca.items.pop(last, None)  # the key's end-of-line comment
        del parent[last]
        parent.insert(position, edit.new, value)
        if comment is not None:
            _shift_comment(comment, len(str(edit.new)) - len(str(last)))
            parent.ca.items[edit.new] = comment
        return
    if not is_addition(edit):
        _refuse_shared(parent[last], edit)
    if is_addition(edit):
        keys = list(parent.keys())
        position = keys.index(edit.after) + 1 if edit.after in keys else len(keys)
        parent.insert(position, last, edit.new)
        return
    parent[last] = _same_style(parent[last], edit.new)


def _shift_comment(comment: list[Any], delta: int) -> None:
    """Keep the spaces before an end-of-line comment when the key before it changes length
    (ruamel places the comment at its old column otherwise)."""
    for token in comment:
        if token is not None and hasattr(token, "column") and token.column:
            token.column = max(token.column + delta, 0)


def _refuse_shared(node: Any, edit: Edit) -> None:
    """An anchored value is also every alias of it: one edit would change them all."""
    anchor = getattr(getattr(node, "anchor", None), "value", None)
    if anchor:
        where = "/".join(str(p) for p in edit.path)
        raise FixRefused(f"the value at {where} is shared through the anchor &{anchor} "
                         "(and its aliases); edit it by hand")


def _same_style(old: Any, new: Any) -> Any:
    """Keep the quoting of the value being replaced (ruamel marks it with a str subclass)."""
    from ruamel.yaml.scalarstring import ScalarString

    if isinstance(new, str) and isinstance(old, ScalarString):
        return type(old)(new)
    return new


def _verify(before: str, after: str, edits: list[Edit]) -> None:
    """Reload the result: only the edited paths differ, and no comment or other line moved."""
    old, new = map(_plain, _safe_loads(before, after))
    for edit in edits:
        if edit.rename:
            _rename(old, edit.path, str(edit.new))
        else:
            _put(old, edit.path, edit.new)
    if old != new:
        raise FixRefused("the rewritten file would differ in more than the fixed values")
    removed, added = _changed_lines(before, after)
    additions = sum(1 for e in edits if is_addition(e))
    if len(added) != len(removed) + additions:
        raise FixRefused("the rewrite would change the line structure of the file")
    for line in removed:
        if line.lstrip().startswith("#") or not any(_same_comment(line, n) for n in added):
            raise FixRefused("the rewrite would lose or change a comment or an unrelated line")


def _safe_loads(*texts: str) -> list[Any]:
    """Plain data of whole files, for comparing before and after an edit: libyaml with the
    loader's YAML 1.2 rules when it reads them all (perf: ~10x ruamel), else ruamel; one
    reader for all of them either way."""
    from mcred.fastyaml import load_data

    loaded = [load_data(text) for text in texts]
    if all(ok for ok, _ in loaded):
        return [data for _, data in loaded]
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    return [yaml.load(text) for text in texts]


def _same_comment(old: str, new: str) -> bool:
    """The changed line keeps its indentation, its key and whatever follows the value."""
    prefix = len(_common_prefix(old, new))
    suffix = len(_common_prefix(old[::-1], new[::-1]))
    changed = old[prefix: max(prefix, len(old) - suffix)]
    return "#" not in changed and old[:len(old) - len(old.lstrip())] == new[
        :len(new) - len(new.lstrip())]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    old, new = before.splitlines(), after.splitlines()
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False
                                                       ).get_opcodes():
        if tag != "equal":
            removed.extend(old[i1:i2])
            added.extend(new[j1:j2])
    return removed, added


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _put(data: Any, path: KeyPath, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _rename(data: Any, path: KeyPath, new: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[new] = data.pop(path[-1])


def unified_diff(name: str, rewrite_: Rewrite) -> str:
    """The change as a unified diff, for --diff."""
    old = rewrite_.original.decode("utf-8", "replace").splitlines(keepends=True)
    new = rewrite_.result.decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"))
