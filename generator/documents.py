"""The text of the office documents a site publishes (PDF, Word, Excel, OpenDocument), for the guard.

A clerk attaches the PDF or Word file of a 低保 list to a notice; such files often carry full ID
and phone numbers. The guard reads their text with this module and looks for personal numbers
in it like in any page. A document whose text cannot be read is reported as not checkable,
with the reason: a PDF whose pages hold no text (a scan), an encrypted or damaged file.

PDF text comes from pypdf. Word (.docx), Excel (.xlsx), PowerPoint (.pptx) and OpenDocument
files are zip archives of XML: every XML part is read (the body, headers, footers, footnotes,
comments, tracked deletions, every sheet including hidden ones, shared strings, the document's
properties), since a number anywhere in the file is published with it.
"""

from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods", ".odp"})
"""Files whose text the guard reads."""
ZIP_XML_LIMIT = 200_000_000
"""Bytes of XML an archive may unpack to; a larger one is not read (a zip bomb, or not a document)."""
PARAGRAPHS = frozenset({"p", "h", "si", "is"})
"""XML elements whose text is one line though split into runs (Word and OpenDocument paragraphs
and headings, Excel's shared and inline strings): a number split into runs is found whole."""


@dataclass(frozen=True)
class Page:
    """Text from one place in a document: a PDF page (numbered from 1), or 0 for the whole file."""

    number: int
    text: str


@dataclass(frozen=True)
class DocumentText:
    """What could be read from a document."""

    pages: tuple[Page, ...] = ()
    unreadable: str = ""
    """Why the text could not be read (Chinese), or ''."""
    scanned_pages: tuple[int, ...] = ()
    """PDF pages that hold images but no text (scans): whatever they show cannot be checked."""


def is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def read_document(path: Path) -> DocumentText:
    """The text of the document at `path`, by its suffix; never raises for a bad file."""
    try:
        if path.suffix.lower() == ".pdf":
            return _pdf_text(path)
        return _zip_xml_text(path)
    except Exception:  # a damaged file of any kind: reported, never a traceback
        return DocumentText(unreadable="文件已损坏或格式不对，无法读取其中的文字")


def _pdf_text(path: Path) -> DocumentText:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd but readable files are not for clerks
    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        return DocumentText(unreadable="文件设置了密码，无法读取其中的文字")
    pages, scanned = [], []
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    if metadata.strip():
        pages.append(Page(0, metadata))
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        if text.strip():
            pages.append(Page(number, text))
        elif _has_image(page.get("/Resources")):
            scanned.append(number)
    return DocumentText(tuple(pages), scanned_pages=tuple(scanned))


def _has_image(resources, depth: int = 0) -> bool:
    """Whether a PDF page's resources draw an image, directly or inside a form (nested at most 5 deep)."""
    if resources is None or depth > 5:
        return False
    objects = resources.get_object().get("/XObject")
    if objects is None:
        return False
    for reference in objects.get_object().values():
        item = reference.get_object()
        if item.get("/Subtype") == "/Image":
            return True
        if item.get("/Subtype") == "/Form" and _has_image(item.get("/Resources"), depth + 1):
            return True
    return False


def _zip_xml_text(path: Path) -> DocumentText:
    with zipfile.ZipFile(path) as archive:
        parts = sorted((i for i in archive.infolist() if i.filename.lower().endswith(".xml")), key=lambda i: i.filename)
        if sum(i.file_size for i in parts) > ZIP_XML_LIMIT:
            return DocumentText(unreadable="文件解压后太大，无法读取其中的文字")
        lines: list[str] = []
        for part in parts:
            _xml_lines(ElementTree.fromstring(archive.read(part)), lines)
    return DocumentText((Page(0, "\n".join(lines)),))


def _xml_lines(element, lines: list[str]) -> None:
    """The text of `element` as lines: a paragraph's runs joined, every other text node alone."""
    if _local_name(element.tag) in PARAGRAPHS:
        lines.append("".join(element.itertext()))
        return
    if element.text and element.text.strip():
        lines.append(element.text)
    for child in element:
        _xml_lines(child, lines)
        if child.tail and child.tail.strip():
            lines.append(child.tail)


def _local_name(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
