"""Validation findings in the formats CI systems read: text, json, github, sarif, junit.

Every function takes the checked files and returns a string; the CLI decides where it goes.
File names and messages are untrusted (a pull request chooses them): every format writes
their control, bidi and invisible characters as escapes (lvcheck.safe_text), so that no
name can forge a line, an annotation or an XML element.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from lvcheck.codes import CODES
from lvcheck.errors import Diagnostic, Severity
from lvcheck.safe_text import escape_controls, json_text
from lvcheck.validation.engine import CheckedFile
from lvcheck.version import version

JSON_FORMAT_VERSION = 1
RULES_DOC = "docs/rules.md"


def _all(files: Sequence[CheckedFile]) -> list[Diagnostic]:
    return [d for f in files for d in f.diagnostics]


def summary_line(files: Sequence[CheckedFile]) -> str:
    invalid = sum(1 for f in files if f.errors)
    warnings = sum(len(f.warnings) for f in files)
    infos = sum(1 for f in files for d in f.diagnostics if d.severity is Severity.INFO)
    line = f"{len(files)} file(s) checked, {len(files) - invalid} valid, {invalid} with errors"
    return (
        line
        + (f", {warnings} warning(s)" if warnings else "")
        + (f", {infos} note(s)" if infos else "")
    )


def as_text(files: Sequence[CheckedFile]) -> str:
    return "".join(f"{escape_controls(str(d))}\n" for d in _all(files))


def _diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "rule": CODES[d.code].slug if d.code in CODES else "",
        "severity": d.severity.value,
        "message": d.message,
        "clause": d.clause,
    }


def as_json(files: Sequence[CheckedFile]) -> str:
    document = {
        "format": "lvcheck-validate",
        "version": JSON_FORMAT_VERSION,
        "files": [
            {
                "path": f.path,
                "valid": not f.errors,
                "diagnostics": [_diagnostic_json(d) for d in f.diagnostics],
            }
            for f in files
        ],
        "summary": {
            "files": len(files),
            "invalid": sum(1 for f in files if f.errors),
            "errors": sum(len(f.errors) for f in files),
            "warnings": sum(len(f.warnings) for f in files),
        },
    }
    return json_text(document)


def _escape_data(text: str) -> str:
    # A workflow command ends at a line break; escape_controls leaves none, and a literal
    # "%" must not be read as one of GitHub's %0A escapes.
    return escape_controls(text).replace("%", "%25")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(files: Sequence[CheckedFile]) -> str:
    """Workflow commands: one annotation per finding (GitHub shows only the first few)."""
    lines = []
    for d in _all(files):
        command = "error" if d.severity is Severity.ERROR else "warning"
        title = f"{d.code} {CODES[d.code].slug}" if d.code in CODES else d.code
        where = f" [{d.clause}]" if d.clause else ""
        lines.append(
            f"::{command} file={_escape_property(d.path)},line={d.line},col={d.column},"
            f"title={_escape_property(title)}::{_escape_data(d.message + where)}"
        )
    return "".join(line + "\n" for line in lines)


def _cell(text: str) -> str:
    return escape_controls(text).replace("|", "\\|")


def github_step_summary(files: Sequence[CheckedFile]) -> str:
    """The full list as Markdown for $GITHUB_STEP_SUMMARY, since annotations are capped."""
    findings = _all(files)
    parts = ["## lvcheck validate\n\n", f"{summary_line(files)}\n\n"]
    if findings:
        parts.append("| Datei | Zeile | Code | Schwere | Meldung | Klausel |\n")
        parts.append("|---|---|---|---|---|---|\n")
        parts.extend(
            f"| {_cell(d.path)} | {d.line} | {d.code} | {d.severity.value} | "
            f"{_cell(d.message)} | {_cell(d.clause)} |\n"
            for d in findings
        )
    return "".join(parts)


def as_sarif(files: Sequence[CheckedFile]) -> str:
    """SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers."""
    rules = [
        {
            "id": code,
            "name": info.slug,
            "shortDescription": {"text": info.summary},
            "helpUri": f"{RULES_DOC}#{code.lower()}",
            "defaultConfiguration": {"level": info.severity.value},
        }
        for code, info in CODES.items()
    ]
    results = []
    for d in _all(files):
        location: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": {"uri": d.path},
                "region": {"startLine": d.line, "startColumn": d.column},
            }
        }
        if d.clause:
            location["logicalLocations"] = [{"fullyQualifiedName": d.clause}]
        results.append(
            {
                "ruleId": d.code,
                "level": d.severity.value,
                "message": {"text": d.message},
                "locations": [location],
            }
        )
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "lvcheck", "version": version(), "rules": rules}},
                "results": results,
            }
        ],
    }
    return json_text(sarif)


def as_junit(files: Sequence[CheckedFile], strict: bool = False) -> str:
    """JUnit XML: one test case per file, one failure per finding that fails the run.

    XML cannot hold most control characters at all, so names and messages are escaped.
    """
    suite = etree.Element("testsuite", name="lvcheck validate")
    failures = 0
    for f in files:
        name = escape_controls(f.path)
        case = etree.SubElement(suite, "testcase", classname="lvcheck.validate", name=name)
        failing = f.diagnostics if strict else f.errors
        for d in failing:
            failures += 1
            message = escape_controls(d.message)
            failure = etree.SubElement(case, "failure", type=d.code, message=message)
            failure.text = escape_controls(str(d))
        for d in f.diagnostics:
            if d not in failing:
                etree.SubElement(case, "system-out").text = escape_controls(str(d))
    suite.set("tests", str(len(files)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suites = etree.Element("testsuites")
    suites.append(suite)
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


def render(files: Sequence[CheckedFile], output_format: str, strict: bool = False) -> str:
    if output_format == "json":
        return as_json(files)
    if output_format == "github":
        return as_github(files)
    if output_format == "sarif":
        return as_sarif(files)
    if output_format == "junit":
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + as_junit(files, strict)
    return as_text(files)
