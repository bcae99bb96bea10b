"""Config files + command-line options + a file's path → the plain settings the engine uses.

Precedence, lowest first: rule defaults, the profile, the config file's top level, each
matching `[[overrides]]` in order, matching `per-file-ignores`, the command line. Every
value remembers where it came from, so `mcred config` can say why a rule is on or off.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mcred.config.discovery import ConfigFile, Finder, load_config
from mcred.config.errors import ConfigError
from mcred.config.options import CliOptions
from mcred.config.profiles import get_profile, unknown_profile_message
from mcred.config.rule_options import build_options
from mcred.config.selection import Layer, Selection, Selector, UnknownSelector, parse_selector
from mcred.findings import Severity
from mcred.globs import Globs, compile_globs
from mcred.settings import LintSettings, RuleSettings

if TYPE_CHECKING:
    from mcred.config.model import Selection as SelectionModel
    from mcred.options import RuleOptions

Loc = tuple[str | int, ...]


@dataclass
class Effective:
    """The settings of one file with the origin of each (``mcred config`` prints this)."""

    config: ConfigFile | None
    profile: tuple[str, str] | None = None
    enabled: frozenset[str] = frozenset()
    disabled: dict[str, str] = field(default_factory=dict)
    severities: dict[str, tuple[Severity, str]] = field(default_factory=dict)
    options: dict[str, dict[str, tuple[Any, str]]] = field(default_factory=dict)
    models: dict[str, RuleOptions] = field(default_factory=dict)
    inactive: list[str] = field(default_factory=list)
    _settings: RuleSettings | None = field(default=None, repr=False, compare=False)

    def rule_settings(self) -> RuleSettings:
        """perf: built once per distinct configuration, not once per file."""
        if self._settings is None:
            self._settings = RuleSettings(
                enabled=self.enabled,
                severities={code: sev for code, (sev, _) in self.severities.items()},
                options=dict(self.models),
                profile=self.profile[0] if self.profile else None,
            )
        return self._settings


class Named(Protocol):
    """What selectors need of a rule: a registered ``Rule`` or an index ``RuleRef``."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class RuleRef:
    """A rule as the generated index knows it: enough to select it without importing it.

    perf: a run whose files all hit the cache never imports a rule module (or pydantic);
    only options (config `[rules]`, profiles) load the real rule, on first use.
    """

    code: str
    name: str
    scope: str

    @property
    def options(self) -> type[RuleOptions]:
        from mcred.registry import load_all

        return load_all()[self.code].options


@cache
def rule_refs() -> dict[str, RuleRef]:
    """Every rule of this build, from ``mcred.rules.index`` (see ``mcred.docgen``)."""
    from mcred.rules.index import RULES

    return {code: RuleRef(code, name, scope) for code, name, scope, _ in RULES}


def code_names(rules: Mapping[str, Named]) -> dict[str, str]:
    """Every code and every name → its code: what selectors and suppressions accept."""
    names = {code: code for code in rules}
    names.update({r.name: r.code for r in rules.values()})
    return names


class _Builder:
    """Applies the layers for one file, validating each against the registry."""

    def __init__(self, rules: dict[str, RuleRef]) -> None:
        self.rules = rules
        self.names = code_names(rules)
        self.selection = Selection(set(rules))
        self.result = Effective(config=None)

    def profile(self, name: str, origin: str) -> None:
        profile = get_profile(name)
        if profile is None:  # checked earlier with a position; here only for safety
            raise ConfigError(unknown_profile_message(name))
        self.result.profile = (profile.name, origin)
        source = f"profile {profile.name}"
        ignore = []
        for code, overlay in profile.rules.items():
            entry = self.rules.get(code)
            if entry is None:
                self.result.inactive.append(f"{code} (rule not in this build)")
                continue
            if overlay.severity == "off":
                ignore.append(Selector(code, frozenset({code}), len(code), source))
            elif overlay.severity:
                self.result.severities[code] = (Severity.parse(overlay.severity), source)
            for key, value in overlay.options.items():
                if key in entry.options.option_fields():
                    self.result.options.setdefault(code, {})[key] = (value, source)
                else:
                    self.result.inactive.append(f"{code}.{key} (option not in this build)")
        self.selection.apply(Layer(ignore=ignore, origin=source), self.rules)

    def config_layer(self, config: ConfigFile, model: SelectionModel, at: Loc) -> None:
        origin = f"{config.display}:{config.line_of(*at)}" if at else config.display
        select = None if model.select is None else [
            self._selector(config, s, (*at, "select")) for s in model.select]
        extend = [self._selector(config, s, (*at, "extend-select")) for s in model.extend_select]
        ignore = [self._selector(config, s, (*at, "ignore")) for s in model.ignore]
        for key, rule_config in model.rules.items():
            loc = (*at, "rules", key)
            code = self._rule_code(config, key, loc)
            where = f"{config.display}:{config.line_of(*loc)}"
            if rule_config.severity == "off":
                ignore.append(Selector(key, frozenset({code}), len(code), where))
            elif rule_config.severity:
                self.result.severities[code] = (Severity.parse(rule_config.severity), where)
            for option, value in rule_config.option_values().items():
                origin_line = f"{config.display}:{config.line_of(*loc, option)}"
                self.result.options.setdefault(code, {})[option] = (value, origin_line)
            self._check_options(code, config, loc)
        self.selection.apply(Layer(select, extend, ignore, origin=origin), self.rules)

    def ignore_layer(self, config: ConfigFile, glob: str, codes: list[str]) -> None:
        loc = ("per-file-ignores", glob)
        where = f"{config.display}:{config.line_of(*loc)} per-file-ignores `{glob}`"
        ignore = [replace(self._selector(config, c, loc), origin=where) for c in codes]
        self.selection.apply(Layer(ignore=ignore), self.rules)

    def cli_layer(self, cli: CliOptions) -> None:
        def parse(texts: tuple[str, ...], flag: str) -> list[Selector]:
            try:
                return [parse_selector(t, self.names, flag) for t in texts]
            except UnknownSelector as exc:
                raise ConfigError(f"{flag}: {exc}") from None

        select = None if cli.select is None else parse(cli.select, "--select")
        layer = Layer(select, parse(cli.extend_select, "--extend-select"),
                      parse(cli.ignore, "--ignore"), origin="--select")
        self.selection.apply(layer, self.rules)

    def finish(self) -> Effective:
        result = self.result
        result.enabled = frozenset(self.selection.enabled)
        result.disabled = dict(self.selection.reasons)
        for code, values in result.options.items():
            plain = {key: value for key, (value, _) in values.items()}
            result.models[code] = build_options(self.rules[code].options, plain)
        return result

    def _selector(self, config: ConfigFile, text: str, loc: Loc) -> Selector:
        try:
            return parse_selector(text, self.names, f"{config.display}:{config.line_of(*loc)}")
        except UnknownSelector as exc:
            raise config.error(str(exc), *loc, value=text) from None

    def _rule_code(self, config: ConfigFile, key: str, loc: Loc) -> str:
        code = self.names.get(key.upper()) or self.names.get(key.lower())
        if code is None:
            import difflib

            close = difflib.get_close_matches(key, list(self.names), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise config.error(f"unknown rule `{key}` in [rules]{hint}; `mcred rules` lists "
                               "them", *loc)
        return code

    def _check_options(self, code: str, config: ConfigFile, loc: Loc) -> None:
        from pydantic import ValidationError

        entry = self.rules[code]
        values = {k: v for k, (v, _) in self.result.options.get(code, {}).items()}
        try:
            build_options(entry.options, values)
        except ValidationError as exc:
            err = exc.errors()[0]
            option = str(err["loc"][0]).replace("_", "-") if err["loc"] else ""
            known = ", ".join(f.replace("_", "-") for f in entry.options.option_fields())
            known = known or "none"
            if err["type"] == "extra_forbidden":
                message = (f"unknown option `{option}` of {code} {entry.name} "
                           f"(options: {known})")
            else:
                message = f"option `{option}` of {code} {entry.name}: {err['msg'].lower()}"
            raise config.error(message, *loc, option) from None


class Resolver:
    """Finds the config of each file and builds its settings; memoised per config."""

    def __init__(self, cli: CliOptions, cwd: Path | None = None) -> None:
        if cli.isolated and cli.config is not None:
            raise ConfigError("--config and --isolated cannot be used together")
        if cli.profile is not None and get_profile(cli.profile) is None:
            raise ConfigError(f"--profile: {unknown_profile_message(cli.profile)}")
        self.cli = cli
        self.cwd = Path(os.path.realpath(cwd or Path.cwd()))
        self.rules = rule_refs()
        self._finder = Finder()
        self._explicit = load_config(cli.config, explicit=True) if cli.config else None
        self._checked: set[Path] = set()
        self._cache: dict[tuple[object, ...], Effective] = {}
        self._by_dir: dict[Path, RuleSettings] = {}
        _Builder(self.rules).cli_layer(cli)  # unknown codes on the command line fail now

    def config_for(self, path: Path) -> ConfigFile | None:
        """--config, else the closest config above ``path``, else the one above the cwd."""
        if self.cli.isolated:
            return None
        if self._explicit is not None:
            return self._explicit
        start = path if path.is_dir() else path.parent
        found = self._finder.for_dir(self.cwd / start) or self._finder.for_dir(self.cwd)
        if found is not None and found.path not in self._checked:
            self._check(found)
        return found

    def project(self) -> ConfigFile | None:
        """The config of the working directory: run-wide settings (fail-on, size) come here."""
        return self.config_for(self.cwd)

    def effective(self, path: Path) -> Effective:
        config = self.config_for(path)
        overrides, ignores = self._matching(config, path)
        key = (config.path if config else None, overrides, ignores)
        if key not in self._cache:
            self._cache[key] = self._build(config, overrides, ignores)
        return self._cache[key]

    def rules_for(self, path: Path) -> RuleSettings:
        return self.effective(path).rule_settings()

    def rules_for_file(self, path: Path) -> RuleSettings:
        """``rules_for`` of a file (not a directory), memoised per directory when no
        override or per-file ignore can tell files of one directory apart (perf)."""
        directory = path.parent
        known = self._by_dir.get(directory)
        if known is not None:
            return known
        settings = self.rules_for(path)
        config = self.config_for(path)
        if config is None or not (config.model.overrides or config.model.per_file_ignores):
            self._by_dir[directory] = settings
        return settings

    def lint_settings(self) -> LintSettings:
        project = self.project()
        model = project.model if project else None
        fail_on = self.cli.fail_on or (model.fail_on if model else None) or "warning"
        defaults = LintSettings()
        return LintSettings(
            rules=self.rules_for(self.cwd),
            fail_on=None if fail_on == "never" else Severity.parse(fail_on),
            max_file_size=(model.max_file_size if model else None) or defaults.max_file_size,
            include=tuple(model.include) if model else (),
            exclude=tuple(model.exclude) if model else (),
            gitignore=model.gitignore if model and model.gitignore is not None else True,
            catalogue_root=project.root / model.catalogue if project and model and
            model.catalogue else None,
        )

    def _check(self, config: ConfigFile) -> None:
        """Validate every part of a config once, even overrides no file matches."""
        self._checked.add(config.path)
        indexes = tuple(range(len(config.model.overrides)))
        self._build(config, indexes, tuple(config.model.per_file_ignores))

    def _matching(self, config: ConfigFile | None,
                  path: Path) -> tuple[tuple[int, ...], tuple[str, ...]]:
        if config is None:
            return (), ()
        relative = _relative(self.cwd / path, config.root)
        overrides = tuple(i for i, o in enumerate(config.model.overrides)
                          if _matches(o.files, relative))
        ignores = tuple(g for g in config.model.per_file_ignores if _matches([g], relative))
        return overrides, ignores

    def _build(self, config: ConfigFile | None, overrides: tuple[int, ...],
               ignores: tuple[str, ...]) -> Effective:
        builder = _Builder(self.rules)
        builder.result.config = config
        profile = self._profile(config, overrides)
        if profile is not None:
            builder.profile(*profile)
        if config is not None:
            builder.config_layer(config, config.model, ())
            for index in overrides:
                builder.config_layer(config, config.model.overrides[index],
                                     ("overrides", index))
            for glob in ignores:
                builder.ignore_layer(config, glob, config.model.per_file_ignores[glob])
        builder.cli_layer(self.cli)
        return builder.finish()

    def _profile(self, config: ConfigFile | None,
                 overrides: tuple[int, ...]) -> tuple[str, str] | None:
        if self.cli.profile is not None:
            return self.cli.profile, "--profile"
        if config is None:
            return None
        chosen: tuple[str, str] | None = None
        places: list[tuple[SelectionModel, Loc]] = [(config.model, ())]
        places += [(config.model.overrides[i], ("overrides", i)) for i in overrides]
        for model, at in places:
            if model.profile is not None:
                if get_profile(model.profile) is None:
                    raise config.error(unknown_profile_message(model.profile), *at, "profile")
                chosen = (model.profile, f"{config.display}:{config.line_of(*at, 'profile')}")
        return chosen


def _relative(path: Path, root: Path) -> str:
    try:  # realpath, not resolve(): a symlink loop must not raise here
        return Path(os.path.realpath(path)).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _matches(globs: list[str], relative: str) -> bool:
    """gitignore-style globs (`legacy/**`, `*.draft.yaml`), relative to the config's folder."""
    return _spec(tuple(globs)).match(relative)


@cache
def _spec(globs: tuple[str, ...]) -> Globs:
    """Compiled once per list (linear-time matching; the config was checked on load)."""
    return compile_globs(globs)
