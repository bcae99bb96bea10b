"""Reading design files: bytes from disk (or stdin) to text, or a clear reason why not."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path


class SourceError(Exception):
    """The file cannot be read as a design; the message says why and what to do."""


@dataclass(frozen=True)
class Source:
    """A design's text and the name reports show for it."""

    name: str
    text: str
    bom: bool = False


def read_path(path: Path, display: str, max_size: int) -> Source:
    """Read a regular file, bounded by ``max_size``; never follows into devices or FIFOs."""
    try:
        if not path.exists():
            raise SourceError(f"{display}: no such file or directory")
        if not path.is_file():
            raise SourceError(f"{display}: not a regular file (mcred reads only files)")
        size = path.stat().st_size
        if size > max_size:
            raise SourceError(f"{display}: the file is {size:,} bytes, more than the limit of "
                              f"{max_size:,} (raise it with --max-file-size)")
        with path.open("rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as exc:
        raise SourceError(f"{display}: cannot read the file ({exc.strerror or exc})") from None
    return decode(data, display)


def decode(data: bytes, display: str) -> Source:
    """Strict UTF-8 (a BOM is accepted), with the position of the first bad byte."""
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise SourceError(f"{display}:{line}:{column}: the file is not valid UTF-8 (byte "
                          f"0x{data[exc.start]:02x}); save it as UTF-8") from None
    return Source(display, text, bom)
