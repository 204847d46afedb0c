"""Stable diagnostic codes. A code never changes meaning once released; docs/rules.md has
one entry per code (what, why, a failing example, how to fix).

LV0xx  lvcheck was called wrongly (no file is at fault)
LV1xx  the file cannot be read as an agreement at all
LV2xx  the document does not match the schema
LV3xx  semantic rules: eIds, numbering, references, header, repository, fields, clauses,
       characters
LV4xx  importing: a Word, PDF or text source that cannot be read, or whose words the
       agreement made from it would not keep word for word
LV5xx  writing Word: a redline whose revisions would not give both versions
LV6xx  events and remuneration: notices, requests to negotiate, Vergütungen
"""

from __future__ import annotations

from typing import NamedTuple

from lvcheck.errors import USAGE, Severity

PDF_EXTRA_MISSING = "LV002"
UNREADABLE = "LV101"
NOT_WELL_FORMED = "LV102"
FORBIDDEN_MARKUP = "LV103"
WRONG_ROOT = "LV104"
TOO_LARGE = "LV105"
SCHEMA = "LV201"
EID_KIND = "LV301"
EID_NESTING = "LV302"
EID_DUPLICATE = "LV303"
NUMBERING_GAP = "LV304"
NUMBERING_ORDER = "LV305"
DUPLICATE_NAME = "LV306"
REF_KIND = "LV310"
REF_UNRESOLVED = "LV311"
REF_UNKNOWN_STATUTE = "LV312"
REF_MALFORMED_SECTION = "LV313"
REF_TEXT_MISMATCH = "LV314"
REF_UNKNOWN_DOCUMENT = "LV315"
UNKNOWN_PARTY_OR_FIELD = "LV316"
HEADER_DATES = "LV320"
JURISDICTION_FOLDER = "LV321"
DUPLICATE_VERSION = "LV322"
RELATION_UNRESOLVED = "LV323"
RELATION_ANNOUNCED = "LV324"
RELATION_MISMATCH = "LV325"
GOVERNED_BY_UNRESOLVED = "LV326"
FIELD_REQUIRED = "LV330"
FIELD_TYPE = "LV331"
FIELD_IN_TEMPLATE = "LV332"
REQUIRED_CLAUSE = "LV340"
EXAMPLE_MARKING = "LV341"
REQUIRED_CONTENT = "LV342"
FACT_MISMATCH = "LV350"
FACT_UNGOVERNED = "LV351"
TEMPLATE_DEPARTURE = "LV360"
AGREED_DEVIATION = "LV361"
STATUS_CONTRADICTED = "LV370"
EFFECT_BEFORE_CONCLUSION = "LV371"
SUCCESSOR_GAP = "LV372"
VERSIONS_IN_FORCE_AT_ONCE = "LV327"
DUTY_NOT_FOUND = "LV380"
AMENDMENT_DOES_NOT_APPLY = "LV390"
CONSOLIDATION_DIFFERS = "LV391"
# signed text protected (issue #22 item 5)
SIGNED_TEXT_CHANGED = "LV392"
SIGNED_TEXT_UNSEALED = "LV393"
SEAL_BEFORE_CONCLUSION = "LV394"
INVISIBLE_CHARACTER = "LV307"
# importing (LV4xx): a Word package that cannot be read safely
DOCX_NOT_A_PACKAGE = "LV401"
DOCX_TOO_LARGE = "LV402"
DOCX_ENCRYPTED = "LV403"
DOCX_MACROS = "LV404"
DOCX_FORBIDDEN_MARKUP = "LV405"
DOCX_MALFORMED_PART = "LV406"
# writing Word (LV5xx)
REDLINE_UNFAITHFUL = "LV501"
REDLINE_WITHOUT_TEXT = "LV502"
# declarations after signing (LV6xx): notices, their withdrawal or rejection
DECLARATION_UNRESOLVED = "LV601"
NOTICE_LATE = "LV602"
NOTICE_NOT_WRITTEN = "LV603"
NOTICE_NOT_AN_END = "LV604"
EXTRAORDINARY_NOT_BY_AUTHORITY = "LV605"
DECLARATION_CLAUSE_MISSING = "LV606"
DECLARATION_PARTY_UNKNOWN = "LV607"
ANSWERS_UNRESOLVED = "LV608"
DECLARATION_DAY_IMPOSSIBLE = "LV609"
NOTICE_WITHOUT_END = "LV610"
# importing (LV4xx): what a source holds, and what the agreement made from it keeps
DOCX_TRACKED_CHANGES = "LV410"
DOCX_COMMENTS = "LV411"
DOCX_CHANGES_TAKEN = "LV412"
PDF_UNREADABLE = "LV420"
PDF_NO_TEXT = "LV421"
IMPORT_NOT_TEXT = "LV430"
IMPORT_EMPTY = "LV431"
IMPORT_MISSING_WORD = "LV440"
IMPORT_INVENTED_WORD = "LV441"
IMPORT_DEPARTURE = "LV450"
IMPORT_FIELD_FILLED = "LV451"
IMPORT_BOOKMARK_CONTRADICTED = "LV452"
IMPORT_UNCHANGED = "LV453"
IMPORT_TO_FILL_IN = "LV460"
IMPORT_LAND_UNKNOWN = "LV461"
IMPORT_NO_PARTIES = "LV462"
IMPORT_OUTPUT_EXISTS = "LV470"
# statute citations against the statute's text (document/statutes.py's tables)
CITATION_UNKNOWN_SECTION = "LV317"
CITATION_UNKNOWN_PART = "LV318"
CITATION_NOT_IN_FORCE = "LV319"


class CodeInfo(NamedTuple):
    slug: str
    severity: Severity
    summary: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CODES: dict[str, CodeInfo] = {
    USAGE: CodeInfo("usage", _E, "lvcheck was asked for something it does not do (a format)"),
    PDF_EXTRA_MISSING: CodeInfo(
        "pdf-extra-missing",
        _E,
        "PDF export needs WeasyPrint (the pdf extra), which is not installed",
    ),
    UNREADABLE: CodeInfo(
        "unreadable", _E, "the file cannot be read (missing, a folder, no permission)"
    ),
    NOT_WELL_FORMED: CodeInfo(
        "not-well-formed", _E, "not well-formed XML, or not in its declared encoding"
    ),
    FORBIDDEN_MARKUP: CodeInfo(
        "forbidden-markup", _E, "DOCTYPE or entity declarations, which could load or expand content"
    ),
    WRONG_ROOT: CodeInfo(
        "wrong-root", _E, "the root is not an lvcheck <agreement> in the lvcheck namespace"
    ),
    TOO_LARGE: CodeInfo("too-large", _E, "the file is larger than lvcheck accepts"),
    SCHEMA: CodeInfo("schema", _E, "the document does not match the lvcheck XSD"),
    EID_KIND: CodeInfo("eid-kind", _E, "an eId's last component does not name the element's kind"),
    EID_NESTING: CodeInfo("eid-nesting", _E, "an eId does not start with its parent's eId"),
    EID_DUPLICATE: CodeInfo("eid-duplicate", _E, "an eId is used twice in one document"),
    NUMBERING_GAP: CodeInfo("numbering-gap", _W, "the numbers of sibling clauses skip a number"),
    NUMBERING_ORDER: CodeInfo(
        "numbering-order", _E, "the numbers of sibling clauses repeat or go backwards"
    ),
    DUPLICATE_NAME: CodeInfo(
        "duplicate-name", _E, "a field name, party id or document id is declared twice"
    ),
    REF_KIND: CodeInfo(
        "ref-kind", _E, "a reference has no target, or more than one kind of target"
    ),
    REF_UNRESOLVED: CodeInfo(
        "ref-unresolved", _E, "an internal reference points at an eId that does not exist"
    ),
    REF_UNKNOWN_STATUTE: CodeInfo(
        "ref-unknown-statute", _E, "a legal reference names a statute lvcheck does not know"
    ),
    REF_MALFORMED_SECTION: CodeInfo(
        "ref-malformed-section",
        _E,
        "a legal reference's section, paragraph, sentence or number is not well-formed",
    ),
    REF_TEXT_MISMATCH: CodeInfo(
        "ref-text-mismatch", _W, "a legal reference's words cite other numbers than its target"
    ),
    REF_UNKNOWN_DOCUMENT: CodeInfo(
        "ref-unknown-document", _E, "a reference names a document not declared in <documents>"
    ),
    UNKNOWN_PARTY_OR_FIELD: CodeInfo(
        "unknown-party-or-field", _E, "a party or field named in the document is not declared"
    ),
    HEADER_DATES: CodeInfo(
        "header-dates", _E, "the term ends before it starts, or a date is not a real date"
    ),
    JURISDICTION_FOLDER: CodeInfo(
        "jurisdiction-folder", _E, "the jurisdiction does not match the region folder"
    ),
    DUPLICATE_VERSION: CodeInfo(
        "duplicate-version", _E, "two files claim the same agreement version"
    ),
    RELATION_UNRESOLVED: CodeInfo(
        "relation-unresolved", _E, "a relation points at a version that is not in the repository"
    ),
    RELATION_ANNOUNCED: CodeInfo(
        "relation-announced", _W, "an announced successor is not (yet) in the repository"
    ),
    RELATION_MISMATCH: CodeInfo(
        "relation-mismatch", _E, "supersedes and supersededBy of two versions do not agree"
    ),
    GOVERNED_BY_UNRESOLVED: CodeInfo(
        "governed-by-unresolved", _E, "governedBy names a clause that does not exist"
    ),
    FIELD_REQUIRED: CodeInfo(
        "field-required", _E, "an agreement (not a template) leaves a required field empty"
    ),
    FIELD_TYPE: CodeInfo("field-type", _E, "a field's value does not match its type"),
    FIELD_IN_TEMPLATE: CodeInfo(
        "field-in-template", _W, "a template fills a field that instances should fill"
    ),
    REQUIRED_CLAUSE: CodeInfo(
        "required-clause", _E, "a clause the agreement type requires is missing"
    ),
    EXAMPLE_MARKING: CodeInfo(
        "example-marking",
        _E,
        "an example is not plainly marked as one (or a real file looks like one)",
    ),
    REQUIRED_CONTENT: CodeInfo(
        "required-content",
        _E,
        "a clause § 125 Abs. 2 SGB IX requires is empty, or a required blank is left unfilled",
    ),
    FACT_MISMATCH: CodeInfo(
        "fact-mismatch", _E, "a header fact and the words of its clause say different things"
    ),
    FACT_UNGOVERNED: CodeInfo(
        "fact-ungoverned", _W, "a header fact names no clause, so nothing checks it"
    ),
    TEMPLATE_DEPARTURE: CodeInfo(
        "template-departure", _E, "an instance's words depart from its template's"
    ),
    AGREED_DEVIATION: CodeInfo(
        "agreed-deviation", _I, "an instance departs from its template as the parties agreed"
    ),
    STATUS_CONTRADICTED: CodeInfo(
        "status-contradicted", _W, "the stored status contradicts the status computed for today"
    ),
    AMENDMENT_DOES_NOT_APPLY: CodeInfo(
        "amendment-does-not-apply",
        _E,
        "an amendment's modification does not apply to its base (target, old words)",
    ),
    CONSOLIDATION_DIFFERS: CodeInfo(
        "consolidation-differs",
        _E,
        "a consolidated text kept in the repository is not what its amendments give",
    ),
    DUTY_NOT_FOUND: CodeInfo(
        "duty-not-found",
        _W,
        "a duty of data/duties.toml is no longer said by its clause's words",
    ),
    EFFECT_BEFORE_CONCLUSION: CodeInfo(
        "effect-before-conclusion",
        _E,
        "a Vergütung takes effect before the agreement was concluded (§ 126 Abs. 3 SGB IX)",
    ),
    SUCCESSOR_GAP: CodeInfo(
        "successor-gap",
        _W,
        "a successor ends an agreement with its conclusion but starts later: days in between",
    ),
    INVISIBLE_CHARACTER: CodeInfo(
        "invisible-character",
        _E,
        "the text holds a character a reader cannot see (bidi override, zero-width, control)",
    ),
    # signed text protected
    SIGNED_TEXT_CHANGED: CodeInfo(
        "signed-text-changed",
        _E,
        "the words of a concluded version differ from the digest recorded when it was sealed",
    ),
    SIGNED_TEXT_UNSEALED: CodeInfo(
        "signed-text-unsealed",
        _W,
        "a concluded version records no digest of its signed text (lvcheck seal)",
    ),
    SEAL_BEFORE_CONCLUSION: CodeInfo(
        "seal-before-conclusion",
        _W,
        "a digest of the signed text is recorded, but not every signature is dated",
    ),
    # importing (LV4xx)
    DOCX_NOT_A_PACKAGE: CodeInfo(
        "docx-not-a-package", _E, "a .docx that is no zip, or no Word document inside its zip"
    ),
    DOCX_TOO_LARGE: CodeInfo(
        "docx-too-large",
        _E,
        "a .docx whose zip unpacks to too many entries, too many bytes or at too high a ratio",
    ),
    DOCX_ENCRYPTED: CodeInfo(
        "docx-encrypted", _E, "an encrypted Word file, or an old binary .doc (OLE compound file)"
    ),
    DOCX_MACROS: CodeInfo("docx-macros", _E, "a Word document with macros (.docm, vbaProject)"),
    DOCX_FORBIDDEN_MARKUP: CodeInfo(
        "docx-forbidden-markup", _E, "a part of a .docx declares a DOCTYPE or entities"
    ),
    DOCX_MALFORMED_PART: CodeInfo(
        "docx-malformed-part", _E, "a part of a .docx is not well-formed XML"
    ),
    # writing Word (LV5xx)
    REDLINE_UNFAITHFUL: CodeInfo(
        "redline-unfaithful",
        _E,
        "a Word redline's revisions, all accepted or all rejected, would not give the "
        "new or the old version's text word for word: it is not written",
    ),
    REDLINE_WITHOUT_TEXT: CodeInfo(
        "redline-without-text",
        _E,
        "a Word redline was asked for a diff that holds no texts of its versions",
    ),
    VERSIONS_IN_FORCE_AT_ONCE: CodeInfo(
        "versions-in-force-at-once", _E, "two instance versions of one work in force at once"
    ),
    # declarations after signing (LV6xx)
    DECLARATION_UNRESOLVED: CodeInfo(
        "declaration-unresolved", _E, "a declaration concerns no agreement of the repository"
    ),
    NOTICE_LATE: CodeInfo("notice-late", _W, "a notice too late for its end reaches the next"),
    NOTICE_NOT_WRITTEN: CodeInfo(
        "notice-not-written", _E, "a notice not in written form (§ 59 Abs. 2 SGB X): void"
    ),
    NOTICE_NOT_AN_END: CodeInfo(
        "notice-not-an-end", _W, "a notice names a day that is no end the agreement allows"
    ),
    EXTRAORDINARY_NOT_BY_AUTHORITY: CodeInfo(
        "extraordinary-not-by-authority", _E, "§ 130 SGB IX notice given by another than the Träger"
    ),
    DECLARATION_CLAUSE_MISSING: CodeInfo(
        "declaration-clause-missing", _E, "a declaration relies on a clause the agreement lacks"
    ),
    DECLARATION_PARTY_UNKNOWN: CodeInfo(
        "declaration-party-unknown", _E, "a declaration's sender or recipient is no party of it"
    ),
    ANSWERS_UNRESOLVED: CodeInfo(
        "answers-unresolved", _E, "a withdrawal or rejection answers no notice recorded"
    ),
    DECLARATION_DAY_IMPOSSIBLE: CodeInfo(
        "declaration-day-impossible", _E, "a declaration received after today or before its date"
    ),
    NOTICE_WITHOUT_END: CodeInfo(
        "notice-without-end", _W, "no end computable: the header states no notice terms"
    ),
    # importing (LV4xx): what a source holds, and what the agreement made from it keeps
    DOCX_TRACKED_CHANGES: CodeInfo(
        "docx-tracked-changes",
        _E,
        "a Word document with tracked changes pending, and neither view of them chosen",
    ),
    DOCX_COMMENTS: CodeInfo(
        "docx-comments", _I, "a Word document's comments, counted, not imported"
    ),
    DOCX_CHANGES_TAKEN: CodeInfo(
        "docx-changes-taken", _I, "tracked changes accepted or rejected, as the import was told"
    ),
    PDF_UNREADABLE: CodeInfo(
        "pdf-unreadable", _E, "a .pdf that is no PDF, is damaged, or is encrypted"
    ),
    PDF_NO_TEXT: CodeInfo("pdf-no-text", _E, "a PDF without a text layer (a scan): OCR it first"),
    IMPORT_NOT_TEXT: CodeInfo(
        "import-not-text", _E, "a text source that holds control characters or binary data"
    ),
    IMPORT_EMPTY: CodeInfo("import-empty", _E, "a source with no words, or no clause in them"),
    IMPORT_MISSING_WORD: CodeInfo(
        "import-missing-word", _E, "a word of the source is not in the agreement made from it"
    ),
    IMPORT_INVENTED_WORD: CodeInfo(
        "import-invented-word", _E, "the agreement made from a source has a word the source has not"
    ),
    IMPORT_DEPARTURE: CodeInfo(
        "import-departure", _W, "an imported instance departs from its template's words"
    ),
    IMPORT_FIELD_FILLED: CodeInfo(
        "import-field-filled", _I, "text where the template has a blank: that field's value"
    ),
    IMPORT_BOOKMARK_CONTRADICTED: CodeInfo(
        "import-bookmark-contradicted",
        _I,
        "a Word bookmark names a clause its content is not: the content decided",
    ),
    IMPORT_UNCHANGED: CodeInfo(
        "import-unchanged", _I, "the source says word for word what the previous version says"
    ),
    IMPORT_TO_FILL_IN: CodeInfo(
        "import-to-fill-in", _I, "a header fact the words do not state: to be filled in by hand"
    ),
    IMPORT_LAND_UNKNOWN: CodeInfo(
        "import-land-unknown", _E, "the words do not say which Land's agreement a source is"
    ),
    IMPORT_NO_PARTIES: CodeInfo(
        "import-no-parties", _E, "the words of a new work name no party to the agreement"
    ),
    IMPORT_OUTPUT_EXISTS: CodeInfo(
        "import-output-exists", _E, "the output file exists, and --force was not given"
    ),
    CITATION_UNKNOWN_SECTION: CodeInfo(
        "citation-unknown-section", _E, "a legal reference cites a § the statute does not have"
    ),
    CITATION_UNKNOWN_PART: CodeInfo(
        "citation-unknown-part",
        _E,
        "a legal reference cites an Absatz, Satz or Nummer its § does not have",
    ),
    CITATION_NOT_IN_FORCE: CodeInfo(
        "citation-not-in-force",
        _W,
        "a legal reference cites a unit not (yet, or no longer) in force on the agreement's start",
    ),
}
