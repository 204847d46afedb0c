"""The diff as one standalone HTML page: a redline of every change, and a Synopse in two
columns, "Bisherige Fassung | Neue Fassung", with "unverändert" and "entfällt" as German
legal drafting writes them. All text is escaped; no external request."""

from __future__ import annotations

from html import escape

from lvcheck.changes import Clause, ClauseChange, DiffResult, WordOp
from lvcheck.render.diffparts import (
    KIND_LABELS,
    SEVERITY_LABELS,
    change_label,
    change_title,
    summary,
)

STYLE = """
:root { --del: #b3261e; --ins: #146c2e; --line: #d0d4da; --muted: #5f6368; }
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; margin: 0 auto; max-width: 72rem;
       padding: 1.5rem; color: #1b1b1b; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h3 { font-size: 1rem; margin: 1.5rem 0 .25rem; }
del { color: var(--del); text-decoration: line-through; background: #fde7e5; }
ins { color: var(--ins); text-decoration: underline; background: #e3f4e8; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; vertical-align: top;
         text-align: left; }
th { background: #f1f3f4; font-family: system-ui, sans-serif; }
.badge { font: .75rem system-ui, sans-serif; border-radius: .75rem; padding: .1rem .5rem;
         background: #eceff1; color: var(--muted); white-space: nowrap; }
.badge.material { background: #fde7e5; color: var(--del); }
.badge.major { background: #fff4e5; color: #8a4b00; }
.note { color: var(--muted); font-style: italic; }
.num { font-weight: bold; }
#synopse td { width: 50%; }
@media print { nav { display: none; } a { color: inherit; text-decoration: none; }
  tr, article { break-inside: avoid; } }
"""


def _words(ops: tuple[WordOp, ...], side: str) -> str:
    """One side of a word diff: "old" shows deletions, "new" insertions, "both" both."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(escape(op.new))
            continue
        if side in ("old", "both") and op.old:
            parts.append(f"<del>{escape(op.old)}</del>")
        if side in ("new", "both") and op.new:
            parts.append(f"<ins>{escape(op.new)}</ins>")
    return "".join(parts).strip()


def _clause_html(clause: Clause, body: str | None = None) -> str:
    head = " ".join(p for p in (clause.num, clause.heading) if p)
    parts = [f'<span class="num">{escape(head)}</span>'] if head else []
    text = body if body is not None else escape(clause.text)
    if text:
        parts.append(text)
    return " ".join(parts)


def _badge(severity: str) -> str:
    return f'<span class="badge {severity}">{SEVERITY_LABELS[severity]}</span>'


def _redline(change: ClauseChange, number: int) -> str:
    title = escape(change_title(change))
    out = [
        f'<article id="aenderung-{number}"><h3>{title} {_badge(change.severity)}</h3>',
        f'<p class="note">{escape(change_label(change))}</p>',
    ]
    if change.kind in ("inserted", "deleted"):
        tag = "ins" if change.kind == "inserted" else "del"
        for clause in (change.new or change.old, *change.subtree):
            if clause is not None and (clause.text or clause.heading):
                out.append(f"<p><{tag}>{_clause_html(clause)}</{tag}></p>")
    else:
        if change.heading_words:
            out.append(f"<p>Überschrift: {_words(change.heading_words, 'both')}</p>")
        if change.rewritten and change.old and change.new:
            out.append(f"<p>bisher: <del>{escape(change.old.text)}</del></p>")
            out.append(f"<p>neu: <ins>{escape(change.new.text)}</ins></p>")
        elif change.words:
            out.append(f"<p>{_words(change.words, 'both')}</p>")
    out.append("</article>")
    return "\n".join(out)


def _synopsis_rows(result: DiffResult) -> list[tuple[float, str, str]]:
    """(position in the new document, left cell, right cell) for every clause."""
    rows: list[tuple[float, str, str]] = []
    for old, new in result.unchanged:
        rows.append((new.index, _clause_html(old), '<span class="note">unverändert</span>'))
    for run in result.renumbered:
        for old, new in run.pairs:
            rows.append(
                (
                    new.index,
                    _clause_html(old),
                    f'<span class="note">unverändert, jetzt {escape(new.num)}</span>',
                )
            )
    for change in result.changes:
        if change.kind == "inserted":
            for offset, clause in enumerate((change.new, *change.subtree)):
                if clause is not None:
                    rows.append((change.position + offset / 1000, "", _clause_html(clause)))
        elif change.kind == "deleted":
            for offset, clause in enumerate((change.old, *change.subtree)):
                if clause is not None:
                    rows.append(
                        (
                            change.position + offset / 1000,
                            _clause_html(clause),
                            '<span class="note">entfällt</span>',
                        )
                    )
        elif change.old is not None and change.new is not None:
            old_body = _words(change.words, "old") if change.words else None
            new_body = _words(change.words, "new") if change.words else None
            rows.append(
                (
                    change.position,
                    _clause_html(change.old, old_body),
                    _clause_html(change.new, new_body),
                )
            )
    return sorted(rows, key=lambda row: row[0])


def render_diff_html(result: DiffResult) -> str:
    counts = summary(result)
    title = f"Vertragsvergleich: {result.old.label} → {result.new.label}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="de">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Vertragsvergleich</h1>",
        f"<p>Bisherige Fassung: <b>{escape(result.old.title)}</b> "
        f"({escape(result.old.label)}, Fassung {escape(result.old.version)})<br>",
        f"Neue Fassung: <b>{escape(result.new.title)}</b> "
        f"({escape(result.new.label)}, Fassung {escape(result.new.version)})</p>",
        '<nav><a href="#aenderungen">Änderungen</a> · <a href="#synopse">Synopse</a></nav>',
        "</header>",
        "<main>",
        '<section id="uebersicht"><h2>Übersicht</h2>',
    ]
    if not counts.total:
        out.append("<p>Keine Änderungen.</p>")
    else:
        out.append("<table><thead><tr><th>Art der Änderung</th><th>Anzahl</th></tr></thead><tbody>")
        out += [f"<tr><td>{KIND_LABELS[k]}</td><td>{n}</td></tr>" for k, n in counts.counts.items()]
        out.append("</tbody></table>")
    out.append("</section>")
    if result.metadata:
        out.append(
            '<section id="kopfdaten"><h2>Kopfdaten</h2><table><thead><tr><th>Angabe</th>'
            "<th>bisher</th><th>neu</th><th>Gewicht</th></tr></thead><tbody>"
        )
        for meta in result.metadata:
            out.append(
                f"<tr><td>{escape(meta.label)}</td><td>{escape(meta.old or '—')}</td>"
                f"<td>{escape(meta.new or '—')}</td><td>{_badge(meta.severity)}</td></tr>"
            )
        out.append("</tbody></table></section>")
    out.append('<section id="aenderungen"><h2>Änderungen</h2>')
    out += [_redline(change, number) for number, change in enumerate(result.changes, start=1)]
    if result.renumbered:
        out.append("<h3>Umnummeriert, Wortlaut unverändert</h3><ul>")
        out += [
            f"<li>{escape(r.old_label)} → {escape(r.new_label)}</li>" for r in result.renumbered
        ]
        out.append("</ul>")
    out.append("</section>")
    out.append(
        '<section id="synopse"><h2>Synopse</h2><table><thead><tr>'
        "<th>Bisherige Fassung</th><th>Neue Fassung</th></tr></thead><tbody>"
    )
    out += [
        f"<tr><td>{left}</td><td>{right}</td></tr>" for _, left, right in _synopsis_rows(result)
    ]
    out += ["</tbody></table></section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
