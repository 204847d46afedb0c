"""Drives LibreOffice for the Word tests; runs under Debian's /usr/bin/python3 (python3-uno),
not the project's Python, as a child of tests/libreoffice.py.

It starts one headless soffice, then answers one JSON request per line of standard input
with one JSON line: load a .docx, accept or reject all tracked changes (or neither), make
the edits asked for (as plain or as tracked changes), and save the result as text and/or
.docx (or PDF, for a picture of it). The footnotes are written after the text, one per line, each after a line "\f"
(LibreOffice's text filter leaves them out).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import traceback

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _props(**values):  # type: ignore[no-untyped-def]
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def _connect(pipe: str, deadline: float):  # type: ignore[no-untyped-def]
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _url(path: str) -> str:
    return uno.systemPathToFileUrl(os.path.abspath(path))  # noqa: PTH100 (UNO takes str)


class Office:
    def __init__(self, context) -> None:  # type: ignore[no-untyped-def]
        self.context = context
        manager = context.ServiceManager
        self.desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        self.dispatcher = manager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", context
        )

    def dispatch(self, document, command: str, **args) -> None:  # type: ignore[no-untyped-def]
        frame = document.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, f".uno:{command}", "", 0, _props(**args))

    def handle(self, request: dict) -> dict:  # type: ignore[type-arg]
        document = self.desktop.loadComponentFromURL(
            _url(request["load"]), "_blank", 0, _props(Hidden=True)
        )
        try:
            changes = request.get("changes")
            result: dict = {"redlines": document.getRedlines().getCount()}  # type: ignore[type-arg]
            if changes == "accept":
                self.dispatch(document, "AcceptAllTrackedChanges")
            elif changes == "reject":
                self.dispatch(document, "RejectAllTrackedChanges")
            if request.get("edits"):
                from uno_edits import apply_edits  # type: ignore[import-not-found]

                document.setPropertyValue("RecordChanges", bool(request.get("tracked")))
                apply_edits(self, document, request["edits"])
                document.setPropertyValue("RecordChanges", False)
            if request.get("text"):
                self.text(document, request["text"])
            if request.get("pdf"):
                document.storeToURL(_url(request["pdf"]), _props(FilterName="writer_pdf_Export"))
            if request.get("docx"):
                document.storeToURL(_url(request["docx"]), _props(FilterName="MS Word 2007 XML"))
            return result
        finally:
            document.close(True)

    def text(self, document, path: str) -> None:  # type: ignore[no-untyped-def]
        document.storeToURL(
            _url(path), _props(FilterName="Text (encoded)", FilterOptions="UTF8,LF")
        )
        notes = document.getFootnotes()
        with open(path, "a", encoding="utf-8") as stream:  # noqa: PTH123 (no pathlib needed)
            for index in range(notes.getCount()):
                note = notes.getByIndex(index)
                stream.write(f"\n\f\n{note.getString()}")


def main() -> int:
    profile, pipe = sys.argv[1], sys.argv[2]
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        office_api = Office(_connect(pipe, time.monotonic() + 60))
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            try:
                answer = office_api.handle(json.loads(line))
            except Exception:
                answer = {"error": traceback.format_exc()}
            print(json.dumps(answer), flush=True)
    finally:
        with contextlib.suppress(Exception):
            office_api.desktop.terminate()  # type: ignore[possibly-undefined]
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
