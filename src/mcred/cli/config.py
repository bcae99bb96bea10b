"""``mcred config``: the effective settings for a path, and where each one came from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from mcred.cli.run import Run
from mcred.config.options import CliOptions, config_options
from mcred.config.resolve import Effective


@click.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]))
@config_options
def config(path: Path | None, output_format: str, fail_on: str | None,
           config: CliOptions) -> None:
    """Show the settings that apply to PATH (default: the working directory).

    Lists the config file in use, the profile, which rules are off and why, and every
    severity and option that differs from the rule's default, each with its origin
    (file:line, a profile, or a command-line option).
    """
    from dataclasses import replace

    from mcred.cli.run import fail
    from mcred.config.errors import ConfigError

    run = Run.prepare(replace(config, fail_on=fail_on))
    try:
        effective = run.resolver.effective(path or Path.cwd())
    except ConfigError as exc:
        fail(str(exc))
    data = describe(effective, run)
    if output_format == "json":  # ASCII: repository text cannot reach a terminal raw
        click.echo(json.dumps(data, indent=2, ensure_ascii=True, default=str))
    else:
        click.echo(render(data), nl=False)


def describe(effective: Effective, run: Run) -> dict[str, Any]:
    """The effective settings as plain data, each value paired with its origin."""
    from mcred.registry import load_all

    rules = load_all()
    project = run.resolver.project()
    settings = run.settings
    config_file = effective.config.display if effective.config else None
    fail_on = settings.fail_on.label if settings.fail_on else "never"
    return {
        "config_file": config_file,
        "profile": _pair(effective.profile),
        "fail_on": {"value": fail_on, "origin": _fail_on_origin(run, project)},
        "max_file_size": settings.max_file_size,
        "catalogue": str(settings.catalogue_root) if settings.catalogue_root else None,
        "include": list(settings.include),
        "exclude": list(settings.exclude),
        "gitignore": settings.gitignore,
        "rules_enabled": len(effective.enabled),
        "rules_total": len(rules),
        "disabled": [{"code": c, "name": rules[c].name, "why": why}
                     for c, why in sorted(effective.disabled.items())],
        "severities": [{"code": c, "name": rules[c].name, "severity": sev.label,
                        "default": rules[c].severity.label, "origin": origin}
                       for c, (sev, origin) in sorted(effective.severities.items())],
        "options": [{"code": c, "name": rules[c].name, "option": key, "value": value,
                     "origin": origin}
                    for c, values in sorted(effective.options.items())
                    for key, (value, origin) in sorted(values.items())],
        "inactive_profile_entries": effective.inactive,
    }


def _pair(value: tuple[str, str] | None) -> dict[str, str] | None:
    return {"value": value[0], "origin": value[1]} if value else None


def _fail_on_origin(run: Run, project: Any) -> str:
    if run.resolver.cli.fail_on:
        return "--fail-on"
    if project is not None and project.model.fail_on:
        return f"{project.display}:{project.line_of('fail-on')}"
    return "default"


def render(data: dict[str, Any]) -> str:
    """The text form: short, aligned, one setting a line."""
    lines = [f"config file: {data['config_file'] or 'none (built-in defaults)'}"]
    profile = data["profile"]
    lines.append(f"profile: {profile['value']} ({profile['origin']})" if profile
                 else "profile: none")
    lines.append(f"fail-on: {data['fail_on']['value']} ({data['fail_on']['origin']})")
    for key in ("catalogue", "include", "exclude"):
        if data[key]:
            lines.append(f"{key}: {data[key]}")
    lines.append(f"rules: {data['rules_enabled']} of {data['rules_total']} enabled")
    lines += [f"  off  {d['code']} {d['name']}: {d['why']}" for d in data["disabled"]]
    if data["severities"]:
        lines.append("severities:")
        lines += [f"  {s['code']} {s['name']}: {s['severity']} (default {s['default']}; "
                  f"{s['origin']})" for s in data["severities"]]
    if data["options"]:
        lines.append("options:")
        lines += [f"  {o['code']} {o['name']}: {o['option']} = {o['value']!r} ({o['origin']})"
                  for o in data["options"]]
    if data["inactive_profile_entries"]:
        lines.append("profile entries without effect in this build: "
                     + ", ".join(data["inactive_profile_entries"]))
    from mcred.reporters.safe import clean

    # Keys, paths, globs and option values come from the repository's config files.
    return "".join(clean(line, 2000) + "\n" for line in lines)
