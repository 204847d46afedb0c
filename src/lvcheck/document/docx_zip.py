"""The zip under a Word package, held to limits: a zip bomb is refused from its central
directory before anything is inflated, and an entry is never inflated past what its entry
declares (document/docx.py reads the parts).
"""

from __future__ import annotations

import io
import zipfile

from lvcheck import codes
from lvcheck.errors import LvcheckError

MAX_PACKAGE = 64 * 1024 * 1024  # bytes of the .docx itself (images make real ones large)
MAX_ENTRIES = 5000  # a long agreement with its images has a few dozen
MAX_UNPACKED = 256 * 1024 * 1024  # bytes of all entries unpacked, as the directory declares
MAX_PART = 16 * 1024 * 1024  # bytes of one XML part unpacked (the parser's own limit)
MAX_RATIO = 200  # unpacked : packed; Word's XML packs 5-30 : 1, zip bombs 1000 : 1 and more
RATIO_FROM = 1024 * 1024  # below this, a high ratio is harmless (a run of spaces packs well)

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: encrypted OOXML, old .doc
_EOCD = b"PK\x05\x06"  # zip's end of central directory record


def refusal(label: str, code: str, message: str) -> LvcheckError:
    return LvcheckError(label, 1, 1, code, message)


def _declared_entries(data: bytes) -> int | None:
    """The number of entries the end of central directory declares, read before zipfile
    parses a directory of any length; None when the record is not found (zipfile says why)."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))  # the record, then a comment ≤ 64 KiB
    if at < 0 or at + 12 > len(data):
        return None
    return int.from_bytes(data[at + 10 : at + 12], "little")


def _not_a_zip(label: str, data: bytes) -> LvcheckError:
    head = data[:8].lstrip()
    what = (
        "it is a PDF"
        if head.startswith(b"%PDF")
        else "it is XML, not a zip (a Word 2003 XML or flat file?)"
        if head.startswith(b"<")
        else "no zip archive"
    )
    return refusal(
        label,
        codes.DOCX_NOT_A_PACKAGE,
        f"is not a .docx: {what}; expected a Word document saved as .docx (a zip of XML parts)",
    )


def _too_many(label: str, entries: int) -> LvcheckError:
    return refusal(
        label,
        codes.DOCX_TOO_LARGE,
        f"the zip holds {entries:,} entries, more than the {MAX_ENTRIES:,} lvcheck "
        "accepts in a Word document (a zip bomb?)",
    )


def _check_directory(label: str, infos: list[zipfile.ZipInfo]) -> dict[str, str]:
    """The zip's directory held to the limits before anything is inflated; the names."""
    if len(infos) > MAX_ENTRIES:
        raise _too_many(label, len(infos))
    names: dict[str, str] = {}
    total = 0
    for info in infos:
        key = info.filename.lstrip("/").lower()
        if key in names:  # two entries of one name: which one a reader takes is a gamble
            raise refusal(
                label, codes.DOCX_NOT_A_PACKAGE, f"the zip holds two entries {info.filename!r}"
            )
        names[key] = info.filename
        if info.flag_bits & 0x1:
            raise refusal(
                label,
                codes.DOCX_ENCRYPTED,
                f"zip entry {info.filename} is encrypted; save the document without a password",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refusal(
                label,
                codes.DOCX_NOT_A_PACKAGE,
                f"zip entry {info.filename} is packed in a way Word never uses "
                f"(method {info.compress_type}); expected a .docx Word saved",
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise refusal(
                label,
                codes.DOCX_TOO_LARGE,
                f"zip entry {info.filename} would unpack {ratio:,.0f} : 1 to "
                f"{info.file_size:,} bytes, more than {MAX_RATIO} : 1 (a zip bomb?)",
            )
    if total > MAX_UNPACKED:
        raise refusal(
            label,
            codes.DOCX_TOO_LARGE,
            f"the zip would unpack to {total:,} bytes, more than the {MAX_UNPACKED:,} lvcheck "
            "accepts (a zip bomb?)",
        )
    return names


def inflate(archive: zipfile.ZipFile, name: str, label: str) -> bytes:
    """The bytes of zip entry ``name``: never more than its entry declares, nor MAX_PART."""
    info = archive.getinfo(name)
    if info.file_size > MAX_PART:
        raise refusal(
            label,
            codes.DOCX_TOO_LARGE,
            f"part {info.filename} unpacks to {info.file_size:,} bytes, more than the "
            f"{MAX_PART:,} lvcheck reads of one part",
        )
    try:
        with archive.open(info) as stream:
            data = stream.read(info.file_size + 1)
    except Exception as exc:  # BadZipFile (a CRC), zlib.error, EOFError: a damaged stream
        raise refusal(
            label,
            codes.DOCX_NOT_A_PACKAGE,
            f"zip entry {info.filename} cannot be unpacked ({exc or type(exc).__name__}); "
            "the file is damaged",
        ) from None
    if len(data) > info.file_size:  # zipfile stops at the size; this is the guard
        raise refusal(
            label,
            codes.DOCX_TOO_LARGE,
            f"zip entry {info.filename} unpacks to more than it declares",
        )
    return data


def open_zip(data: bytes, label: str) -> tuple[zipfile.ZipFile, dict[str, str]]:
    """The zip of a .docx and its entries' names (lower case -> as written), its directory
    held to the limits before anything is inflated. Raises LvcheckError (LV401-LV403)."""
    if data.startswith(_CFB):
        raise refusal(
            label,
            codes.DOCX_ENCRYPTED,
            "is an encrypted Word file or an old binary .doc (an OLE compound file); "
            "save it without a password as .docx",
        )
    if len(data) > MAX_PACKAGE:
        raise refusal(
            label,
            codes.DOCX_TOO_LARGE,
            f"is larger than {MAX_PACKAGE // (1024 * 1024)} MiB; expected an agreement",
        )
    declared = _declared_entries(data)
    if declared is not None and declared > MAX_ENTRIES and declared != 0xFFFF:
        raise _too_many(label, declared)  # before zipfile reads a directory that long
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # BadZipFile, or what else a damaged directory makes zipfile raise
        raise _not_a_zip(label, data) from None
    return archive, _check_directory(label, infos)
