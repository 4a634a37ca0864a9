"""Paths → Articles: plain text and Markdown, saved web pages (HTML), web archives (WARC) and
JSON Lines.

A web page as saved from a news site carries navigation, cookie banners, related-article lists
and comments around the article: its main text and metadata (title, date, URL, author) are
extracted with trafilatura. A page trafilatura cannot read (nested deeper than its parser goes,
or with more elements than it reads in bounded time) is read whole by a linear scanner of the
visible text instead, with a note. A WARC file (as written by crawlers and Common Crawl News)
gives one article per HTML response record, with the record's URL, and its date when the page
has none.

Every problem with one input becomes a `Skipped` record with a reason (and a `kind`, for
summaries); the other inputs are still read. What is read all the same but not as written
(bytes that were not UTF-8, broken escapes) comes with a `Note` before its article.

Limits: a text, Markdown or HTML file is one article, so one over MAX_FILE_BYTES is a dump or a
mistake and is skipped unread; a JSON Lines file is read a line at a time and may be any size,
each line at most MAX_FILE_BYTES; an article's text is at most MAX_TEXT_CHARS characters (the
NLP pipeline's own limit). Nothing here is quadratic in its input, and nothing recurses on it.
"""
from __future__ import annotations

import codecs
import hashlib
import html
import io
import json
import os
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO
from collections.abc import Iterable, Iterator

from .records import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
# A file of any of those types may come compressed (`news.jsonl.zst`, `a.txt.gz`): it is read as
# it decompresses, never whole. A `.warc.gz` is a web archive of its own (gzip per record).
COMPRESSIONS = (".gz", ".xz", ".bz2", ".zst")
MAX_FILE_BYTES = 20_000_000  # one article's file (or JSONL line): larger is a dump or a mistake, not news
MAX_BYTES = MAX_FILE_BYTES  # the former name
MAX_TEXT_CHARS = 1_000_000  # spaCy's max_length: a longer text would stop the whole build
MAX_ID_CHARS = 1000

# Skipped.kind values, with how a summary names them
KINDS = {
    "not_found": "no such file or folder",
    "unreadable": "cannot be read",
    "unsupported": "unsupported file type",
    "too_large": "too large",
    "binary": "binary, not text",
    "empty": "no text",
    "invalid_json": "invalid JSON line",
    "invalid_record": "JSON line without a usable id or text",
    "duplicate_id": "duplicate id",
    "invalid_archive": "damaged web archive",
    "vanished": "gone or changed during the build",
    "extraction_failed": "extraction failed",
}


@dataclass(frozen=True)
class Skipped:
    source: str  # a path, or path:line for a JSON Lines record
    reason: str
    kind: str = "unreadable"  # one of KINDS


@dataclass(frozen=True)
class Note:
    """Something to know about the article read from `source`: it was read, but not as written."""
    source: str
    message: str


def read(paths: Iterable[str | os.PathLike]) -> Iterator[Article | Skipped | Note]:
    """Articles from files and folders (recursively, in name order), ids unique across all."""
    seen: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files, root = _listing(path), path
        elif path.exists() or path.is_symlink():
            files, root = iter([path]), path.parent
        else:
            yield Skipped(str(path), "no such file or folder", "not_found")
            continue
        for file in files:
            if isinstance(file, Skipped):
                yield file
                continue
            for item in read_file(file, root):
                if isinstance(item, Article):
                    if item.id in seen:
                        yield Skipped(item.source, f"duplicate id {item.id!r} (first read from {seen[item.id]})",
                                      "duplicate_id")
                        continue
                    seen[item.id] = item.source
                yield item


def _listing(root: Path) -> Iterator[Path | Skipped]:
    """The article files under `root` in name order, hidden ones left out; a folder that cannot
    be listed (unreadable, or removed while the walk goes on) is reported, not fatal. Symbolic
    links to folders are not followed (no loops)."""
    problems: list[Skipped] = []

    def report(e: OSError) -> None:
        problems.append(Skipped(str(e.filename or root), f"cannot list folder: {e.strerror or e}", "unreadable"))

    found = []
    for folder, dirs, names in os.walk(root, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder, n) for n in names if not n.startswith(".") and suffix_of(Path(n)) in SUFFIXES]
    yield from problems
    yield from sorted(found)


def suffix_of(file: Path) -> str:
    """The file's type as its name says it: `.warc.gz` is one suffix, and a compressed file is of
    the type under its compression (`a.jsonl.xz` is `.jsonl`)."""
    name = file.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    inner = Path(name[:-len(compression_of(file))]) if compression_of(file) else file
    return inner.suffix.lower()


def compression_of(file: Path) -> str:
    """The compression suffix of a compressed article file ('' for none, and for `.warc.gz`)."""
    name = file.name.lower()
    return next((c for c in COMPRESSIONS if name.endswith(c) and not name.endswith(".warc.gz")), "")


def open_binary(file: Path) -> BinaryIO:
    """The file's bytes, decompressed as they are read when its name says it is compressed."""
    compression = compression_of(file)
    if compression == ".gz":
        import gzip
        return io.BufferedReader(gzip.GzipFile(file, "rb"), 1 << 16)
    if compression == ".xz":
        import lzma
        return io.BufferedReader(lzma.LZMAFile(file, "rb"), 1 << 16)
    if compression == ".bz2":
        import bz2
        return io.BufferedReader(bz2.BZ2File(file, "rb"), 1 << 16)
    if compression == ".zst":
        import zstandard
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(open(file, "rb"), closefd=True), 1 << 16)
    return open(file, "rb")


def read_file(file: Path, root: Path) -> Iterator[Article | Skipped | Note]:
    suffix = suffix_of(file)
    source = str(file)
    if suffix not in SUFFIXES:
        yield Skipped(source, f"unsupported file type {suffix or '(none)'}; "
                              f"expected one of {', '.join(sorted(SUFFIXES))}", "unsupported")
        return
    article_id = file.relative_to(root).as_posix()
    compressed = compression_of(file)
    if compressed and suffix not in JSONL_SUFFIXES:
        article_id = article_id[:-len(compressed)]  # the article's id is its name, not its packing
    try:
        if not file.is_file():
            if file.exists():
                yield Skipped(source, "not a regular file", "unreadable")
            elif file.is_symlink():
                yield Skipped(source, "broken symbolic link", "unreadable")
            else:
                yield Skipped(source, "cannot read: the file is gone (removed since it was listed?)", "unreadable")
            return
        if suffix in JSONL_SUFFIXES:
            with open_binary(file) as f:
                yield from _jsonl(f, source)
            return
        if suffix in WARC_SUFFIXES:
            with open(file, "rb") as f:
                yield from _warc(f, source, article_id)
            return
        size = file.stat().st_size
        if compressed:
            with open_binary(file) as f:  # the size that counts is the text's: read at most one byte over
                raw = f.read(MAX_FILE_BYTES + 1)
            size = len(raw)
        if size > MAX_FILE_BYTES:
            yield Skipped(source, f"file is {size / 1e6:,.0f} MB, over the {MAX_FILE_BYTES / 1e6:.0f} MB limit for "
                                  "one article (many articles go in a JSON Lines file, which has no size limit)",
                          "too_large")
            return
        if not compressed:
            raw = file.read_bytes()
    except OSError as e:
        yield Skipped(source, f"cannot read: {e.strerror or e}", "unreadable")
        return
    except Exception as e:  # noqa: BLE001 - what a damaged compressed file raises depends on its codec
        if not compressed:
            raise
        yield Skipped(source, f"damaged compressed file ({type(e).__name__}: {e}); what came before the damage "
                              "was read", "unreadable")
        return
    if not raw.strip():
        yield Skipped(source, "empty file" if not raw else "no text in file", "empty")
        return
    text, problem = decode(raw)
    if text is None:
        yield Skipped(source, problem, "binary")
        return
    if suffix in HTML_SUFFIXES:
        article, note = _html(text, article_id, source)
        problem = "; ".join(p for p in (problem, note) if p) or None
    else:
        article = _plain(text, article_id, source)
    yield from _checked(article, problem, suffix in HTML_SUFFIXES)


def _checked(article: Article, problem: str | None, page: bool) -> Iterator[Article | Skipped | Note]:
    """The article, or why it is skipped; a note first when it was read but not as written."""
    if not article.text.strip():
        yield Skipped(article.source, "no text in file" + (" (only markup, scripts or styles)" if page else ""),
                      "empty")
        return
    if len(article.text) > MAX_TEXT_CHARS:
        yield Skipped(article.source, _too_long(article.text), "too_large")
        return
    if problem:
        yield Note(article.source, problem)
    yield article


def _too_long(text: str) -> str:
    return (f"the text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit for one article; "
            "split it into articles")


# -- decoding ---------------------------------------------------------------------------------------
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """The text of a file and a note when it was not plain UTF-8 (what was assumed, what was
    lost); (None, why) when it is not text at all."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = raw[len(bom):].decode(encoding, errors="replace")
            lost = text.count("\ufffd")
            note = f"{lost} undecodable {encoding.upper()} bytes replaced by U+FFFD" if lost else None
            if encoding != "utf-8":
                note = f"read as {encoding.upper()} (byte order mark)" + (f"; {note}" if note else "")
            return _text_or_binary(text, note)
    head = raw[:8192]
    if b"\x00" in head:
        # UTF-16 without a byte order mark: text in the Latin range has every other byte zero
        even, odd = head[0::2], head[1::2]
        for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
            if len(zeros) >= 2 and zeros.count(0) >= 0.9 * len(zeros):
                text = raw[:len(raw) // 2 * 2].decode(encoding, errors="replace")
                return _text_or_binary(text, f"read as {encoding.upper()} (no byte order mark, guessed from "
                                             "its zero bytes)")
        return None, "binary file (contains NUL bytes), not text"
    try:
        return _text_or_binary(raw.decode("utf-8"), None)
    except UnicodeDecodeError as e:
        first = e.start
    utf8 = raw.decode("utf-8", errors="replace")
    lost = utf8.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    kept = sum(1 for c in utf8 if ord(c) > 0x7F and c != "\ufffd")
    if kept and kept >= lost:
        # mostly UTF-8 with a few stray bytes: keep what is right, replace the rest
        return _text_or_binary(utf8, f"not valid UTF-8 (first bad byte at offset {first}); "
                                     f"{lost} undecodable bytes replaced by U+FFFD")
    # Latin-1/Windows-1252 files are common in news archives; all but five bytes decode
    text = raw.decode("cp1252", errors="replace")
    lost = text.count("\ufffd")
    return _text_or_binary(text, f"not valid UTF-8 (first bad byte at offset {first}); read as Windows-1252"
                                 + (f", {lost} undecodable bytes replaced by U+FFFD" if lost else ""))


def _text_or_binary(text: str, note: str | None) -> tuple[str | None, str | None]:
    sample = text[:8192]
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if sample and bad > 0.1 * len(sample):
        return None, f"binary file ({bad} of its first {len(sample)} characters are control codes or " \
                     "undecodable), not text"
    return text, note


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- plain text and Markdown ------------------------------------------------------------------------
def _plain(text: str, article_id: str, source: str) -> Article:
    text = _normalise(text)
    if suffix_of(Path(source)) in (".md", ".markdown") and len(text) <= MAX_TEXT_CHARS:
        text = _strip_markdown(text)
    title = next((line.strip() for line in text.split("\n") if line.strip()), None)
    return Article(id=article_id, text=text, source=source, title=title)


# Linear: a bracket or parenthesis cannot contain another of its kind, so no match attempt
# scans past the next opening one (`[^\]]*` made hostile lines of `[` quadratic).
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")


def _strip_markdown(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", "", line)
        line = _MD_LINK.sub(r"\1", line)
        lines.append(_MD_MARKS.sub("", line))
    return "\n".join(lines)


# -- HTML ---------------------------------------------------------------------------------------------
# Python's html.parser rescans the rest of the page at each `<` that does not end a tag ("<a" *
# 200,000 takes minutes), and a tree-building parser either recurses or caps the depth (libxml2
# drops what is nested deeper than 256 or 2,048 elements). What newskg needs of a page is its
# visible text, its title and its <meta>: one forward scan, linear in the page, keeps only a
# counter of the elements whose content is dropped.
SKIP = {"noscript", "template", "nav", "footer", "form", "svg", "button", "select", "iframe", "object",
        "canvas", "math", "head"}  # content dropped (the <title> inside <head> is read)
RAW = {"script", "style"}  # content is not HTML: skipped to the closing tag
BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
         "ol", "blockquote", "figcaption", "figure", "br", "tr", "table", "dd", "dt", "pre", "hr", "aside"}
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
_SPACE = re.compile(r"\s+")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]*))?""")


@dataclass
class _Page:
    parts: list
    title: list
    h1: list
    meta: dict


def _scan_html(text: str) -> _Page:
    page = _Page([], [], [], {})
    n, pos, skip, capture = len(text), 0, 0, ""
    gt = -2  # the next '>' at or after pos, found once and reused: finding it anew each time is quadratic
    raw_end = {tag: re.compile(f"</{tag}[\\s/>]|</{tag}$", re.IGNORECASE) for tag in RAW}

    def data(chunk: str) -> None:
        if not chunk:
            return
        chunk = html.unescape(chunk)
        if capture == "title":
            page.title.append(chunk)
        elif not skip:
            if capture == "h1":
                page.h1.append(chunk)
            page.parts.append(chunk)

    def next_gt(at: int) -> int:
        nonlocal gt
        if gt != -1 and gt < at:
            gt = text.find(">", at)
        return n if gt == -1 else gt

    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            data(text[pos:])
            break
        data(text[pos:lt])
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        if text.startswith(("<!", "<?"), lt):
            pos = next_gt(lt) + 1
            continue
        m = _TAG.match(text, lt)
        if m is None:
            data("<")
            pos = lt + 1
            continue
        closing, tag = m.group(1), m.group(2).lower()
        attrs, pos = {}, m.end()
        while pos < n and text[pos] != ">":  # attributes, quoted values may hold '>'
            space = _SPACE.match(text, pos)
            if space:
                pos = space.end()
                continue
            a = _ATTR.match(text, pos)
            if a is None:
                pos += 1
                continue
            if a.group(2) is not None:
                attrs.setdefault(a.group(1).lower(), html.unescape(a.group(2).strip("\"'")))
            pos = a.end()
        pos += 1
        if closing:
            if tag in SKIP:
                skip = max(0, skip - 1)
            elif tag in BLOCK:
                page.parts.append("\n\n")
            if tag == capture:
                capture = ""
            continue
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key and attrs.get("content"):
                page.meta.setdefault(key, attrs["content"])
        elif tag == "body" and skip:
            skip = 0  # </head> may be left out
        elif tag in RAW:
            end = raw_end[tag].search(text, pos)
            pos = n if end is None else end.start()
        elif tag in SKIP and text[pos - 2:pos] != "/>":
            skip += 1
        elif tag in BLOCK:
            page.parts.append("\n\n")
        if tag in ("title", "h1"):
            capture = tag
    return page


def _paragraphs(body: str) -> list[str]:
    """The paragraphs of a text: runs of lines between blank lines, stripped. (A regular
    expression split on `\\s*\\n\\s*\\n\\s*` is quadratic on long runs of white space.)"""
    paragraphs, current = [], []
    for line in body.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current).strip())
            current = []
    if current:
        paragraphs.append("\n".join(current).strip())
    return paragraphs


def _scanned(text: str, article_id: str, source: str) -> Article:
    """The page's visible text, read by the linear scanner."""
    parser = _scan_html(text)
    body = re.sub(r"[ \t\f\v\u00a0]+", " ", "".join(parser.parts))
    paragraphs = _paragraphs(body)
    title = (" ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
             or parser.meta.get("og:title") or None)
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    published = parser.meta.get("article:published_time") or parser.meta.get("date") or None
    return Article(id=article_id, text="\n\n".join(paragraphs), source=source, title=title,
                   url=parser.meta.get("og:url"), published=published, author=parser.meta.get("author"))


# trafilatura's parser (lxml) stops at a nesting depth, and its time grows faster than the
# page's number of elements (a 68,000-element page takes 3 s, 300,000 take 15 s): a page with
# more start tags than this is read by the scanner, in linear time.
MAX_MAIN_TEXT_TAGS = 60_000
_START_TAG = re.compile(r"<[A-Za-z]")
# A paragraph that only points to another article ("Read more: ...", "ALSO READ: ..."): the
# main text keeps such promotions when they sit among the article's paragraphs.
_PROMOTION = re.compile(r"^(also read|read more|read also|more on this( story)?|related( stories| articles?)?|"
                        r"see also|recommended|more from [^:]{1,40}|watch|listen|must read|don't miss|"
                        r"you may also like|sign up|subscribe)\s*[:|>»–—-]", re.IGNORECASE)


def _html(text: str, article_id: str, source: str, url: str | None = None,
          published: str | None = None) -> tuple[Article, str | None]:
    """The article of a saved web page and a note when its main text could not be told from
    the rest of the page. `url` (the address it was fetched from) wins over the page's own;
    `published` is used when the page gives no date."""
    found, why = _main_text(text)
    if found is None:
        article = _scanned(text, article_id, source)
        return (replace(article, url=url or article.url, published=article.published or published),
                f"{why}: read all of the page's visible text instead (menus, related articles or comments "
                "may be in it)")
    title = found.title or None
    paragraphs = [p for p in _paragraphs("\n\n".join(found.text.split("\n"))) if not _PROMOTION.match(p)]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return Article(id=article_id, text="\n\n".join(paragraphs), source=source, title=title,
                   url=url or found.url or None, published=found.date or published,
                   author=found.author or None), None


def _main_text(page: str):
    """trafilatura's main text and metadata of the page, or (None, why not)."""
    tags = sum(1 for _ in _START_TAG.finditer(page))
    if tags > MAX_MAIN_TEXT_TAGS:
        return None, f"the page has {tags:,} elements, more than the {MAX_MAIN_TEXT_TAGS:,} its main text is looked " \
                     "for in"
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True,
            # never the article's text, and trafilatura keeps them on small pages
            prune_xpath=["//nav", "//noscript", "//template", "//footer"],
            # the date the page says it was published, never one guessed from its text
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # a third-party parser on hostile input: any failure means "use the scanner"
        return None, f"the main text could not be extracted ({type(e).__name__})"
    if found is None or not (found.text or "").strip():
        return None, "no main text found (nested too deeply, or no article in the page)"
    return found, None


def _quiet_trafilatura() -> None:
    """trafilatura and its helpers log each page they cannot read; the build reports it once,
    as a note."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


_quiet_trafilatura()


# -- web archives -----------------------------------------------------------------------------------
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def _warc(f: BinaryIO, source: str, archive_id: str) -> Iterator[Article | Skipped | Note]:
    """One article per HTML response record (status 2xx) of a WARC file, plain or gzipped; the
    other records (requests, metadata, images, redirects…) are not articles and are passed
    over. Its id is the archive's id and the record's URL (`crawl.warc.gz#https://…`), its
    source the archive and the record's number (`crawl.warc.gz:7`). A damaged archive is read
    up to the damage, and the damage reported."""
    from warcio.archiveiterator import ArchiveIterator

    # Decompressed here rather than by warcio, which takes a gzip member cut short for the
    # archive's end.
    stream = _Gunzipped(f) if f.read(2) == b"\x1f\x8b" else f
    f.seek(0)
    records = pages = 0
    record = None
    try:
        for record in ArchiveIterator(stream):
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if not record.http_headers.get_statuscode().startswith("2") or "html" not in content_type.lower():
                continue
            pages += 1
            where = f"{source}:{records}"
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            raw = record.content_stream().read(MAX_FILE_BYTES + 1)
            if len(raw) > MAX_FILE_BYTES:
                yield Skipped(where, f"the page of {url} is over the {MAX_FILE_BYTES / 1e6:.0f} MB limit for one "
                                     "article", "too_large")
                continue
            if record.raw_stream.limit:  # fewer bytes than the record says it holds: the file ends here
                raise EOFError("the last record is cut short")
            yield from _archived_page(raw, content_type, url, record.rec_headers.get_header("WARC-Date"), where,
                                      f"{archive_id}#{url}")
        if record is not None and record.raw_stream.limit:
            raise EOFError("the last record is cut short")
    except Exception as e:  # noqa: BLE001 -- warcio and gzip on a damaged file raise many kinds of error
        message = " ".join(str(e).split())[:300] or type(e).__name__
        yield Skipped(source, f"damaged web archive after {records} record(s) ({message}); the pages before the "
                              "damage were read", "invalid_archive")
        return
    if not pages:
        yield Skipped(source, f"no HTML responses among its {records} record(s)" if records else
                      "no WARC records in file", "empty")


class _DamagedArchive(Exception):
    pass


class _Gunzipped:
    """A gzip file (of one or many members) as a stream of its decompressed bytes; every byte
    before a damage is given out, then reading raises _DamagedArchive."""

    def __init__(self, f: BinaryIO):
        self.f = f
        self.inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.buffer = b""

    def read(self, size: int = -1) -> bytes:
        while not self.buffer:
            chunk = self.f.read(1 << 16)
            if not chunk:
                if not self.inflate.eof:
                    raise _DamagedArchive("the compressed file ends inside a record")
                return b""
            try:
                data = self.inflate.decompress(chunk)
                while self.inflate.eof and self.inflate.unused_data:  # the next member
                    rest = self.inflate.unused_data
                    self.inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    data += self.inflate.decompress(rest)
            except zlib.error as e:
                raise _DamagedArchive(f"not valid gzip data: {e}") from None
            self.buffer = data
        size = len(self.buffer) if size is None or size < 0 else size
        out, self.buffer = self.buffer[:size], self.buffer[size:]
        return out

    def close(self) -> None:
        pass


def _archived_page(raw: bytes, content_type: str, url: str, fetched: str | None, where: str,
                   article_id: str) -> Iterator[Article | Skipped | Note]:
    if not raw.strip():
        yield Skipped(where, f"the page of {url} is empty", "empty")
        return
    charset = _CHARSET.search(content_type)
    text, problem = None, None
    if charset:
        try:
            text = raw.decode(charset.group(1), errors="replace")
        except LookupError:  # a charset Python does not know: guess as for a file
            pass
        else:
            lost = text.count("\ufffd") - raw.count("\ufffd".encode())
            problem = f"{lost} bytes not in {charset.group(1)} replaced by U+FFFD" if lost > 0 else None
    if text is None:
        text, problem = decode(raw)
        if text is None:
            yield Skipped(where, f"the page of {url}: {problem}", "binary")
            return
    if len(article_id) > MAX_ID_CHARS:
        article_id = article_id[:MAX_ID_CHARS - 17] + "#" + hashlib.sha256(article_id.encode()).hexdigest()[:16]
    article, note = _html(text, article_id, where, url=url or None, published=fetched)
    yield from _checked(article, "; ".join(p for p in (problem, note) if p) or None, True)


# -- JSON Lines -------------------------------------------------------------------------------------
def _lines(f: BinaryIO) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes, length) of each line, read a bounded piece at a time; a line over
    MAX_FILE_BYTES comes as None (and is not held in memory)."""
    n = 0
    while True:
        line = f.readline(MAX_FILE_BYTES + 1)
        if not line:
            return
        n += 1
        if len(line) > MAX_FILE_BYTES and not line.endswith(b"\n"):
            size = len(line)
            while True:
                rest = f.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None, size
        else:
            yield n, line, len(line)


def _jsonl(f: BinaryIO, source: str) -> Iterator[Article | Skipped | Note]:
    head = f.peek(8192)[:8192]  # not read: a decompressing stream cannot go back
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) \
            or b"\x00" in head:
        # JSON Lines are UTF-8; another encoding is read whole (and bounded) or not at all
        raw = f.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            yield Skipped(source, f"a JSON Lines file not in UTF-8 is read whole, and this one is over "
                                  f"{MAX_FILE_BYTES / 1e6:.0f} MB; convert it to UTF-8", "too_large")
            return
        text, problem = decode(raw)
        if text is None:
            yield Skipped(source, problem, "binary")
            return
        if problem:
            yield Note(source, problem)
        lines = ((n, line.encode("utf-8"), len(line)) for n, line in enumerate(text.split("\n"), 1))
    else:
        lines = _lines(f)
    records = 0
    for n, raw, size in lines:
        where = f"{source}:{n}"
        if raw is None:
            yield Skipped(where, f"line is {size / 1e6:,.0f} MB, over the {MAX_FILE_BYTES / 1e6:.0f} MB limit for one "
                                 "article", "too_large")
            records += 1
            continue
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        records += 1
        try:
            line = raw.decode("utf-8")
            note = None
        except UnicodeDecodeError as e:
            line = raw.decode("utf-8", errors="replace")
            note = f"not valid UTF-8 (first bad byte at column {e.start + 1}); undecodable bytes replaced by U+FFFD"
        yield from _record(line, where, note)
    if records == 0:
        yield Skipped(source, "empty file: no JSON lines" if not head.strip() else "no records in file", "empty")


# Every field a JSON Lines record may have (the README documents each); others are ignored.
JSONL_FIELDS = ("id", "text", "title", "url", "published", "date", "author")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(value: str, fixed: list[str]) -> str:
    """A string from JSON, with escaped lone surrogates (not text; nothing can encode them)
    replaced."""
    if _SURROGATE.search(value):
        fixed.append(value)
        return _SURROGATE.sub("\ufffd", value)
    return value


def _record(line: str, where: str, note: str | None) -> Iterator[Article | Skipped | Note]:
    line = line.rstrip("\r\n")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        incomplete = e.pos >= len(line.rstrip()) or e.msg.startswith("Unterminated")
        yield Skipped(where, f"invalid JSON: {e.msg.removesuffix(' at')} (column {e.colno})"
                             + ("; the line is incomplete (cut off?)" if incomplete else ""), "invalid_json")
        return
    except RecursionError:
        yield Skipped(where, "invalid JSON: nested too deeply", "invalid_json")
        return
    if not isinstance(record, dict):
        yield Skipped(where, f"a line must be a JSON object with `id` and `text`, not {_json_type(record)}",
                      "invalid_record")
        return
    raw_id, raw_text = record.get("id"), record.get("text")
    problems = []
    if not ((isinstance(raw_id, str) and raw_id.strip()) or (isinstance(raw_id, int) and not isinstance(raw_id, bool))):
        problems.append("`id` (a non-empty string or an integer)" if "id" in record else "`id`")
    if not isinstance(raw_text, str):
        problems.append("`text` (a string)" if "text" in record else "`text`")
    if problems:
        yield Skipped(where, f"missing or unusable field(s): {', '.join(problems)}", "invalid_record")
        return
    fixed: list[str] = []
    article_id = _clean(str(raw_id), fixed)
    if len(article_id) > MAX_ID_CHARS:
        yield Skipped(where, f"`id` is {len(article_id):,} characters long, over the {MAX_ID_CHARS} limit",
                      "invalid_record")
        return
    body = _normalise(_clean(raw_text, fixed))
    title = _clean(record["title"], fixed) if isinstance(record.get("title"), str) else None
    title = title if title and title.strip() else None
    # The headline is part of what the article says; keep it at the top like a .txt file.
    if title and not body.lstrip().startswith(title.strip()):
        body = title.strip() + "\n\n" + body
    if not body.strip():
        yield Skipped(where, "empty text", "empty")
        return
    if len(body) > MAX_TEXT_CHARS:
        yield Skipped(where, _too_long(body), "too_large")
        return
    url = _clean(record["url"], fixed) if isinstance(record.get("url"), str) else None
    published = record.get("published") or record.get("date")
    published = _clean(published, fixed) if isinstance(published, str) else None
    author = record.get("author")
    if isinstance(author, list):  # several authors
        author = "; ".join(a for a in author if isinstance(a, str) and a.strip())
    author = _clean(author, fixed).strip() or None if isinstance(author, str) else None
    if fixed:
        note = (note + "; " if note else "") + "escaped lone surrogates (\\ud800-\\udfff) replaced by U+FFFD"
    if note:
        yield Note(where, note)
    yield Article(id=article_id, text=body, source=where, title=title, url=url, published=published, author=author)


def _json_type(value) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")
