"""Word (.docx): the agreement as a document a lawyer edits (export.py) and the redline as
tracked changes that give the new version when accepted and the old when rejected
(redline.py), both written from the lines of lines.py into python-docx's package.

The registry imports these modules when a Word file is asked for; nothing here is loaded
by any other command."""
