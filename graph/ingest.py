"""Paths → Articles: plain text and Markdown, HTML, and JSON Lines.

Every problem with one input (unreadable, not text, empty, a bad JSONL line, a duplicate
id) becomes a `Skipped` record with a message; the other inputs are still read.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .records import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_BYTES = 20_000_000  # an "article" larger than this is a dump or a mistake, not news


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


def read(paths: Iterable[str | os.PathLike]) -> Iterator[Article | Skipped]:
    """Articles from files and folders (recursively, in name order), ids unique across all."""
    seen: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            root = path
        elif path.exists():
            files, root = [path], path.parent
        else:
            yield Skipped(str(path), "no such file or folder")
            continue
        for file in files:
            for item in read_file(file, root):
                if isinstance(item, Article):
                    if item.id in seen:
                        yield Skipped(item.source, f"duplicate id {item.id!r} (first read from {seen[item.id]})")
                        continue
                    seen[item.id] = item.source
                yield item


def read_file(file: Path, root: Path) -> Iterator[Article | Skipped]:
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        yield Skipped(str(file), f"unsupported file type {suffix or '(none)'}; "
                                 f"expected one of {', '.join(sorted(SUFFIXES))}")
        return
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            yield Skipped(str(file), f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit")
            return
        raw = file.read_bytes()
    except OSError as e:
        yield Skipped(str(file), f"cannot read: {e.strerror or e}")
        return
    text, problem = decode(raw)
    if text is None:
        yield Skipped(str(file), problem)
        return
    article_id = file.relative_to(root).as_posix()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl(text, str(file), problem)
        return
    article = _html(text, article_id, str(file)) if suffix in HTML_SUFFIXES else _plain(text, article_id, str(file))
    if not article.text.strip():
        yield Skipped(str(file), "no text in file")
    else:
        yield article


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Text of a file, and a note when it could only be read in part; None if it is binary."""
    if b"\x00" in raw[:8192]:
        return None, "binary file (contains NUL bytes), not text"
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as e:
        bad = sum(1 for _ in re.finditer(rb"[\x80-\xff]", raw))
        # Latin-1/Windows-1252 files are common in news archives; they decode fully.
        try:
            return raw.decode("cp1252"), f"not valid UTF-8 (at byte {e.start}); read as Windows-1252"
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace"), \
                f"not valid UTF-8 (at byte {e.start}); {bad} undecodable bytes replaced"


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _plain(text: str, article_id: str, source: str) -> Article:
    text = _normalise(text)
    if source.lower().endswith((".md", ".markdown")):
        text = _strip_markdown(text)
    title = next((line.strip() for line in text.split("\n") if line.strip()), None)
    return Article(id=article_id, text=text, source=source, title=title)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`)")


def _strip_markdown(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", "", line)
        line = _MD_LINK.sub(r"\1", line)
        lines.append(_MD_MARKS.sub("", line))
    return "\n".join(lines)


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, one paragraph per block element; scripts, styles,
    navigation and forms are dropped. Iterative, so deep nesting cannot overflow a stack."""
    SKIP = {"script", "style", "noscript", "template", "nav", "footer", "form", "svg", "button", "select", "iframe",
            "head"}
    BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
             "ol", "blockquote", "figcaption", "figure", "br", "tr", "table", "dd", "dt", "pre", "hr", "aside"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self._in = ""

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")
        if tag in ("title", "h1"):
            self._in = tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.SKIP:
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")
        if tag == self._in:
            self._in = ""

    def handle_data(self, data):
        if self._in == "title":
            self.title.append(data)
            return
        if self.skip_depth:
            return
        if self._in == "h1":
            self.h1.append(data)
        self.parts.append(data)


def _html(text: str, article_id: str, source: str) -> Article:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    body = re.sub(r"[ \t\f\v\u00a0]+", " ", "".join(parser.parts))
    paragraphs = [p.strip() for p in re.split(r"\s*\n\s*\n\s*", body) if p.strip()]
    title = (" ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
             or parser.meta.get("og:title") or None)
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    published = parser.meta.get("article:published_time") or parser.meta.get("date") or None
    return Article(id=article_id, text="\n\n".join(paragraphs), source=source, title=title,
                   url=parser.meta.get("og:url"), published=published)


def _jsonl(text: str, source: str, problem: str | None) -> Iterator[Article | Skipped]:
    if problem:
        yield Skipped(source, problem + " (the lines that decoded are read)")
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Skipped(where, f"invalid JSON: {e.msg} at column {e.colno}")
            continue
        if not isinstance(record, dict):
            yield Skipped(where, "a line must be a JSON object with `id` and `text`")
            continue
        missing = [k for k in ("id", "text") if not isinstance(record.get(k), (str, int)) or record.get(k) == ""]
        if missing:
            yield Skipped(where, f"missing or empty field(s): {', '.join(missing)}")
            continue
        body = _normalise(str(record["text"]))
        title = record.get("title") if isinstance(record.get("title"), str) else None
        # The headline is part of what the article says; keep it at the top like a .txt file.
        if title and not body.lstrip().startswith(title.strip()):
            body = title.strip() + "\n\n" + body
        if not body.strip():
            yield Skipped(where, "empty text")
            continue
        published = record.get("published") or record.get("date")
        yield Article(id=str(record["id"]), text=body, source=where, title=title,
                      url=record.get("url") if isinstance(record.get("url"), str) else None,
                      published=published if isinstance(published, str) else None)
