"""Choosing the diff renderer for a format."""

from __future__ import annotations

from lvcheck.changes import DiffResult


def render_diff(result: DiffResult, output_format: str, color: bool = False) -> str:
    if output_format == "markdown":
        from lvcheck.render.diff_markdown import render_diff_markdown

        return render_diff_markdown(result)
    if output_format == "json":
        from lvcheck.render.diff_json import render_diff_json

        return render_diff_json(result)
    if output_format == "html":
        from lvcheck.render.diff_html import render_diff_html

        return render_diff_html(result)
    from lvcheck.render.diff_text import render_diff_text

    return render_diff_text(result, color=color)
