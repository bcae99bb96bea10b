"""Link fields: which values are web links a page or an export may carry, and near misses.

A design's links end up as `href`s on a page and as URLs in Open Badges and ELM documents,
where badge platforms render them as links. Only `https`/`http` links with a host are
links (and `mailto:` where the field is a contact); `javascript:`, `data:` and the like
never are. Plain Python (urllib.parse), no pydantic: the lint path and the exports share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

WEB_SCHEMES = ("https", "http")
# Schemes that make a value a link (so a field holding text or an identifier is checked
# only when it is one): active content, local resources and other protocols.
LINK_SCHEMES = frozenset({"javascript", "vbscript", "data", "file", "blob", "about", "ftp",
                          "ftps", "sftp", "ws", "wss", "tel", "sms", "mailto", "intent",
                          "chrome", "view-source", "jar", *WEB_SCHEMES})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST = re.compile(r"^(?=.{1,253}$)[^\W_](?:[\w-]{0,62}\w)?(?:\.[^\W_](?:[\w-]{0,62}\w)?)+$")
_EMAIL = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$")
_DOMAIN_START = re.compile(r"^(?:www\d?\.)[^\s/]+\.[^\s/]+", re.IGNORECASE)


@dataclass(frozen=True)
class LinkProblem:
    """Why a value is not a link, and the link meant when that is certain (a safe fix)."""

    message: str
    fix: str
    fixed: str | None = None
    dangerous: bool = False


def scheme(value: str) -> str | None:
    match = _SCHEME.match(value.strip())
    return match.group(1).lower() if match else None


def web_link(value: str | None) -> str | None:
    """The value when it is an absolute http(s) link with a valid host, else ``None``."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if scheme(text) not in WEB_SCHEMES or any(c.isspace() for c in text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # a malformed port or bracketed host
        return None
    return text if host and (_HOST.match(host) or _is_ip(host)) else None


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def is_link(value: str) -> bool:
    """Whether a value of a text-or-link field (`legal_id`, `contact`) is meant as a link."""
    text = value.strip()
    return scheme(text) in LINK_SCHEMES or bool(_DOMAIN_START.match(text))


def check_link(value: str, *, mailto: bool = False) -> LinkProblem | None:
    """``None`` for a good link, else what is wrong (``mailto`` allows e-mail addresses)."""
    text = value.strip()
    if web_link(text):
        return None
    found = scheme(text)
    if mailto and (_EMAIL.match(text) or (found == "mailto" and _EMAIL.match(text[7:]))):
        return None
    allowed = "an https:// (or http://) link" + (" or an e-mail address" if mailto else "")
    if found is None:
        if _DOMAIN_START.match(text) and not any(c.isspace() for c in text):
            return LinkProblem(f"'{text}' has no https:// in front",
                               f"Write `https://{text}`", fixed=f"https://{text}")
        return LinkProblem(f"'{text}' is not a web address", f"Write {allowed}, e.g. "
                           "https://www.example.edu/course")
    if found in WEB_SCHEMES:
        return LinkProblem(f"'{text}' is not a complete web address (no valid host name, or "
                           "a space in it)", "Write the full address as a browser shows it, "
                           "e.g. https://www.example.edu/course")
    return LinkProblem(f"'{text}' is a `{found}:` link, not a web link",
                       f"Write {allowed}; other kinds of links are never published",
                       dangerous=True)


def published(value: str | None) -> str | None:
    """The link a page or an export may carry: the web link, or the one certainly meant
    (`www.example.edu` → `https://www.example.edu`); ``None`` for anything else."""
    if not value or not isinstance(value, str):
        return None
    link = web_link(value)
    if link is not None:
        return link
    problem = check_link(value)
    return web_link(problem.fixed) if problem and problem.fixed else None
