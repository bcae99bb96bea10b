"""The checklist rules (MC1xx, MC3xx–MC8xx) beyond their fixtures: severities, options, edges."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, lint_text
from mcred.findings import Finding, Severity
from mcred.registry import lookup
from mcred.settings import RuleSettings

EXEMPLARY = (EXAMPLES / "green-public-procurement.yaml").read_text(encoding="utf-8")


def findings(code: str, *edits: tuple[str, str], **options: object) -> list[Finding]:
    """Findings of ``code`` on the exemplary design after text replacements."""
    text = EXEMPLARY
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    settings = RuleSettings()
    if options:
        entry = lookup(code)
        assert entry is not None
        settings = RuleSettings(options={code: entry.options(**options)})
    return [f for f in lint_text(text, "design.yaml", settings) if f.code == code]


def severities(found: list[Finding]) -> list[Severity]:
    return [f.severity for f in found]


@pytest.mark.parametrize(("ects", "expected"), [
    ("30", []), ("31", [Severity.WARNING]), ("59.5", [Severity.WARNING]),
    ("60", [Severity.ERROR]), ("120", [Severity.ERROR])])
def test_too_large_warns_above_30_and_errs_from_60(ects, expected):
    assert severities(findings("MC308", ("ects: 5\n", f"ects: {ects}\n"))) == expected


def test_too_large_thresholds_are_options():
    assert findings("MC308", ("ects: 5\n", "ects: 31\n"), max_ects=40) == []


@pytest.mark.parametrize(("edit", "line"), [
    (("ects: 5\n", "ects: 0.5\n"), 38),
    (("  ects: 5\n  hours_total: 135\n", "  hours_total: 20\n"), 38)])
def test_too_small_by_ects_or_by_hours(edit, line):
    assert [f.line for f in findings("MC307", edit)] == [line]


@pytest.mark.parametrize(("feedback", "expected"), [
    ("[learners, employers]", []), ("[graduates, peers]", []),
    ("[learners]", [Severity.INFO]), ("[employers]", [Severity.WARNING]),
    ("[]", [Severity.WARNING])])
def test_learner_feedback_warning_and_outside_feedback_info(feedback, expected):
    edit = ("feedback: [learners, employers]", f"feedback: {feedback}")
    assert severities(findings("MC603", edit)) == expected


@pytest.mark.parametrize(("weeks", "expected"), [
    ("10", []), ("10.5", []), ("11", []), ("12", [Severity.WARNING]), ("6", [Severity.WARNING])])
def test_duration_disagreeing_with_dates_is_a_warning(weeks, expected):
    found = findings("MC708", ("duration_weeks: 10", f"duration_weeks: {weeks}"))
    assert severities(found) == expected
    assert all(f.key_path == ("workload", "duration_weeks") for f in found)


def test_end_before_start_is_an_error_at_the_end_date():
    found = findings("MC708", ("end: 2027-04-11", "end: 2027-01-11"))
    assert [(f.line, f.severity) for f in found] == [(47, Severity.ERROR)]


def test_higher_education_level_only_under_the_option():
    edit = ("  eqf: 6\n  qf_ehea_cycle: first\n", "  eqf: 4\n")
    assert findings("MC703", edit) == []
    assert [f.line for f in findings("MC703", edit, higher_education=True)] == [22]
    assert findings("MC703", edit, higher_education=True, min_eqf=4) == []


@pytest.mark.parametrize("text", [
    "Complete three further badges and you automatically receive the Master's degree.",
    "Stacking all four modules guarantees the award of the Master in Public Management.",
    "Holders are entitled to the full diploma without further assessment.",
    "Successful learners are guaranteed to obtain the MBA without further assessment."])
def test_automatic_stacking_promises(text):
    edit = ("description: Recognised as 5 ECTS", f"description: {text} Recognised as 5 ECTS")
    found = findings("MC505", edit)
    assert [f.line for f in found] == [84]


@pytest.mark.parametrize("text", [
    "May be recognised towards the Master's degree, subject to the university's rules.",
    "Results are sent automatically to the learner's Europass wallet.",
    "Certificates are checked against a guaranteed-unique identifier.",
    "Certificates are issued automatically after the final exam.",
    "The programme automatically sends reminders before each deadline.",
    "The 5 ECTS are automatically recognised in the Master in Public Management.",
    "Guaranteed admission interview for the MBA programme."])
def test_no_false_automatic_stacking_claims(text):
    edit = ("description: Recognised as 5 ECTS", f"description: {text} Recognised as 5 ECTS")
    assert findings("MC505", edit) == []


def test_weights_when_one_task_has_none():
    found = findings("MC405", ("    weight: 30\n", ""))
    assert [(f.line, f.message) for f in found] == [
        (58, "1 of 2 assessment tasks has a weight; this one has none")]  # after `covers`


def test_unassessed_reports_once_when_nothing_is_mapped():
    found = findings("MC403", ("covers: [lo1, lo2, lo4]", "covers: []"),
                     ("covers: [lo3]", "covers: []"))
    assert [f.message for f in found] == ["no assessment lists the learning outcomes it covers"]


def test_attendance_alongside_a_real_assessment_is_fine():
    assert findings("MC402", ("type: oral-exam", "type: attendance")) == []


def test_onsite_designs_need_no_online_identity_check():
    edits = [("participation: blended", "participation: onsite"),
             ("supervision: supervised-online-id", "supervision: unsupervised-no-id"),
             ("supervision: supervised-onsite-id", "supervision: supervised-no-id")]
    assert findings("MC406", *edits) == []
    assert len(findings("MC406", *edits[1:])) == 1


def test_review_interval_threshold_is_an_option():
    edit = ("review_interval_months: 12", "review_interval_months: 24")
    assert len(findings("MC604", edit)) == 1
    assert findings("MC604", edit, max_months=24) == []


def test_workload_parts_tolerance():
    assert findings("MC305", ("hours_self_study: 90", "hours_self_study: 80")) == []  # 7 %
    assert len(findings("MC305", ("hours_self_study: 90", "hours_self_study: 70"))) == 1
    assert findings("MC305", ("hours_self_study: 90", "hours_self_study: 70"),
                    tolerance=0.2) == []


@pytest.mark.parametrize(("code", "edit", "fix"), [
    ("MC104", ("country: ES", "country: EL"), "Write `GR`."),
    ("MC104", ("country: ES", "country: Spain"), "Write `ES`."),
    ("MC802", ("languages: [es, en]", "languages: [es, en_GB]"), "Write `en-GB`."),
    ("MC805", ("currency: EUR", "currency: euro"), "Write `EUR`."),
    ("MC808", ("skill/9b2e7b56", "SKILL/9b2e7b56"), ""),
])
def test_code_list_findings_suggest_what_was_meant(code, edit, fix):
    found = findings(code, edit)
    assert len(found) == 1
    if fix:
        assert found[0].fix == fix
    else:
        assert found[0].fix == lookup(code).fix  # type: ignore[union-attr]


def test_self_paced_offer_needs_no_start_date():
    edits = [("  start: 2027-02-01\n  end: 2027-04-11\n  pace: cohort\n", "  pace: self-paced\n")]
    assert findings("MC803", *edits) == []
    found = findings("MC803", *edits, ("  duration_weeks: 10\n", ""))
    assert [f.message for f in found] == ["the offer states no duration"]


def test_fee_amount_without_currency():
    found = findings("MC803", ("  currency: EUR\n", ""))
    assert [f.message for f in found] == ["the offer states a fee of 450 without a currency"]


def test_hours_limits_apply_even_with_ects():
    assert [f.message for f in findings("MC308", max_hours=120)] == [
        "135 h is more than the 120 h accepted"]
    assert findings("MC308") == []
    assert [f.key_path for f in findings("MC307", min_hours=150)] == [("workload", "hours_total")]


def test_identity_verification_can_be_required_for_every_design():
    edits = [("participation: blended", "participation: onsite"),
             ("supervision: supervised-online-id", "supervision: supervised-no-id"),
             ("supervision: supervised-onsite-id", "supervision: supervised-no-id")]
    assert findings("MC406", *edits) == []
    found = findings("MC406", *edits, require_identity_verification=True)
    assert [f.message for f in found] == [
        "the design is onsite, but no assessment verifies the learner's identity"]


def test_level_above_the_accepted_band():
    edit = ("  eqf: 6\n  qf_ehea_cycle: first\n", "  eqf: 8\n")
    assert findings("MC703", edit, higher_education=True) == []
    found = findings("MC703", edit, higher_education=True, max_eqf=7)
    assert [f.message for f in found] == ["EQF 8 is above EQF 7, the highest level accepted here"]


def test_profiles_switch_the_higher_education_level_check_on(tmp_path):
    import json

    from click.testing import CliRunner

    from mcred.cli import cli

    target = tmp_path / "d.yaml"
    target.write_text(EXEMPLARY.replace("  eqf: 6\n  qf_ehea_cycle: first\n", "  eqf: 3\n"),
                      encoding="utf-8")

    def mc703(*args: str) -> list[tuple[str, str]]:
        out = CliRunner().invoke(cli, ["lint", "--isolated", "--format", "json", *args,
                                       str(target)]).output
        return [(f["severity"], f["message"]) for f in json.loads(out)["findings"]
                if f["code"] == "MC703"]

    assert mc703() == []
    expected = [("warning", "EQF 3 is below higher-education level (EQF 5 or above)")]
    assert mc703("--profile", "higher-education") == expected
    assert mc703("--profile", "cmf") == [
        ("warning", "EQF 3 is below higher-education level (EQF 4 or above)")]
    assert mc703("--profile", "vocational") == []
