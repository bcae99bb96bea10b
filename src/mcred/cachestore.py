"""The results cache on disk: entries believed only if this machine's mcred wrote them.

A pull request controls the checkout, so a cache found there may be planted: entries
rewritten to "no findings" and committed with ``git add -f``, links to ``.git/config`` or
to folders outside. Hence:

* the default place is the user's cache folder (``platformdirs``), outside any checkout;
* every entry carries an HMAC-SHA256 of its name and content under a per-user key
  (``key`` in the user's cache folder, created 0600, never inside the results folder);
  an entry that fails it (changed, truncated, copied from another machine) is a miss;
* the results folder carries a stamp made with the same key; a non-empty folder without
  it (one git created in a clone, an old cache, a folder that is not a cache) is never
  read nor written, and the run goes on without the cache;
* every read and write goes through :mod:`mcred.safeio`: no component of the folder may
  be a symlink, reads are bounded, writes atomic and never through a link.

Nothing here raises for a cache problem: the run only gets slower, and ``--verbose`` says why.
"""

from __future__ import annotations

import os
from pathlib import Path

from mcred import safeio

ENV_DIR = "MCRED_CACHE_DIR"
TAG = "CACHEDIR.TAG"
_TAG_HEAD = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# mcred's results cache; safe to delete.\n")
_STAMP = "# mcred-stamp: "
_KEYS: dict[str, bytes] = {}  # one read of the key file per process and location


def user_folder() -> Path:
    """mcred's folder in the user's cache directory (``~/.cache/mcred`` on Linux)."""
    import platformdirs  # perf: only runs that use the cache

    return Path(platformdirs.user_cache_dir("mcred", appauthor=False))


def cache_dir() -> Path:
    """``$MCRED_CACHE_DIR``, else ``results`` in the user's cache folder."""
    given = os.environ.get(ENV_DIR)
    return Path(os.path.abspath(given)) if given else user_folder() / "results"


def user_key() -> bytes:
    """This user's secret key, created on first use; :class:`safeio.UnsafeFile` if unusable."""
    path = user_folder() / "key"
    if not path.is_absolute():  # no home folder to keep a private key in
        raise safeio.UnsafeFile("no user cache folder (set HOME or XDG_CACHE_HOME)")
    known = _KEYS.get(str(path))
    if known is not None:
        return known
    try:
        key = _read_key(path)
    except safeio.Missing:
        _create_key(path)
        key = _read_key(path)
    _KEYS[str(path)] = key
    return key


def _read_key(path: Path) -> bytes:
    text = safeio.read_bytes(path, "key").strip()
    info = os.stat(path, follow_symlinks=False)
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
        raise safeio.UnsafeFile(f"the cache key {path} is not private to this user "
                                "(delete it; mcred makes a new one)")
    if len(text) != 64:
        raise safeio.UnsafeFile(f"the cache key {path} is damaged (delete it; mcred makes a "
                                "new one)")
    return text


def _create_key(path: Path) -> None:
    """Written aside, then linked into place: two first runs agree on one key."""
    try:
        os.makedirs(path.parent, mode=0o700, exist_ok=True)
        temp = path.with_name(f".key.{os.urandom(6).hex()}")
        safeio.write_bytes(temp, os.urandom(32).hex().encode(), mode=0o600)
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another run was first: its key wins
        finally:
            os.unlink(temp)
    except OSError as exc:
        raise safeio.UnsafeFile(f"cannot create the cache key {path} ({exc.strerror})"
                                ) from None


class Store:
    """Authenticated text entries under ``root``; best-effort, never raises for I/O."""

    def __init__(self, root: Path | None = None, notes: list[str] | None = None) -> None:
        self.root = Path(os.path.abspath(root or cache_dir()))
        self.notes = notes if notes is not None else []
        self.rejected = 0
        self._unwritable = ""
        self._refused = ""
        self._key = b""
        self._state: bool | None = None  # None: not opened yet; False: run without it
        try:
            cwd = os.getcwd()
        except OSError:  # the working directory was removed
            cwd = str(self.root.parent)
        # Inside the working directory no folder from there down may be a link.
        self._base = cwd if safeio.is_inside(self.root, cwd) and str(self.root) != cwd \
            else str(self.root.parent)

    def _path(self, key: str) -> Path:
        folder, _, name = key.rpartition(":")
        if folder:  # catalogue:… and runs:… keys
            return self.root / folder / f"{name}.json"
        return self.root / key[:2] / f"{key[2:]}.json"

    def get_text(self, key: str) -> str | None:
        if not self._usable():
            return None
        try:
            data = safeio.read_bytes(self._path(key), "cache", root=self._base)
        except safeio.Missing:
            return None
        except safeio.UnsafeFile as exc:  # a symlinked folder or entry, a FIFO, too big
            self._refused = self._refused or str(exc)
            return None
        mac, _, payload = data.partition(b"\n")
        import hmac

        if not hmac.compare_digest(mac, self._mac(key, payload)):
            self.rejected += 1
            return None
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            self.rejected += 1
            return None

    def put_text(self, key: str, text: str) -> None:
        if not self._usable():
            return
        payload = text.encode("utf-8", "surrogatepass")
        try:
            safeio.write_bytes(self._path(key), self._mac(key, payload) + b"\n" + payload,
                               root=self._base, mode=0o600, durable=False, create_dirs=True)
        except safeio.UnsafeFile as exc:
            self._unwritable = self._unwritable or str(exc)

    def _mac(self, key: str, payload: bytes) -> bytes:
        import hmac  # perf: hashlib only for runs that use the cache

        digest = hmac.new(self._key, key.encode() + b"\0", "sha256")
        digest.update(payload)
        return digest.hexdigest().encode()

    def _usable(self) -> bool:
        if self._state is None:
            try:
                self._key = user_key()  # first: no folder is made without a usable key
                os.makedirs(self._base, exist_ok=True)
                self._state = self._open()
            except (safeio.UnsafeFile, OSError) as exc:
                reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
                self._note(f"results cache {self.root} not used: {reason}; running without it")
                self._state = False
        return self._state

    def _open(self) -> bool:
        """Check the stamp; stamp a folder that is new or empty; refuse any other."""
        import hmac

        stamp = _STAMP + hmac.new(self._key, b"mcred results folder", "sha256").hexdigest()
        try:
            tag = safeio.read_text(self.root / TAG, "key", root=self._base)
        except safeio.Missing:
            tag = None
        if tag is not None and stamp in tag.splitlines():
            return True
        if tag is not None or safeio.list_dir(self.root, root=self._base):
            self._note(f"results cache {self.root} not used: mcred on this machine did not "
                       "create it (a folder from the repository, or an old cache); running "
                       "without it (delete the folder to start a new cache)")
            return False
        # The stamp first: a run killed in between leaves a folder that is still ours.
        safeio.write_bytes(self.root / TAG, f"{_TAG_HEAD}{stamp}\n".encode(),
                           root=self._base, create_dirs=True)
        safeio.write_bytes(self.root / ".gitignore", b"*\n", root=self._base)
        return True

    def _note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def report(self) -> None:
        """Add what went wrong to the run's notes (shown with --verbose)."""
        if self.rejected:
            self._note(f"{self.rejected} results cache entr"
                       f"{'y' if self.rejected == 1 else 'ies'} in {self.root} failed "
                       "authentication (changed, truncated or written elsewhere); recomputed")
            self.rejected = 0
        if self._refused:
            self._note(f"results cache {self.root}: entries not read: {self._refused}")
        if self._unwritable:
            self._note(f"results cache {self.root} not written: {self._unwritable}")
