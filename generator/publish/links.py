"""briefs' own check of the links between its generated pages, the same for every publishing engine.

briefs wrote every internal link and every `#s-N` sentence anchor itself, so before any engine runs
the generated Markdown is read once: each relative link to another page must resolve to a generated
page (or file, for the data downloads), and each `#anchor` must exist on its target. Two link forms
occur: Markdown links `[text](../../sources/x/index.md#s-9)`, relative to the Markdown file, and raw
HTML `href="../../sources/x/#s-9"` (or a Markdown link to a URL), relative to the page's URL
(directory URLs: `a/b.md` is served as `a/b/`). Anchors are the `id="..."` attributes of raw HTML,
the `{ #id }` attribute lists of headings and the ids Python-Markdown's toc extension gives the
other headings. Every broken link is reported, as
`generated/briefs/cn-it/index.md:LINE: broken link to sources/x/#s-9 (no anchor #s-9 on that page)`.
Links with a scheme (`https:`, `mailto:`), absolute paths and links inside code are not checked.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from generator.errors import GeneratorError, raise_all

_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_HREF = re.compile(r"""\shref=(?:"([^"]*)"|'([^']*)')""")
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^{}]*?#([\w:.-]+)[^{}]*\}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class _Link:
    line: int
    target: str  # resolved against the site root, as messages show it
    page: str  # the generated file it points to, relative to docs_dir ("" = none found)
    anchor: str


def _heading_id(text: str, taken: set[str]) -> str:
    """The id Python-Markdown's toc extension gives a heading (its default slugify, made unique)."""
    from markdown.extensions.toc import slugify, unique

    plain = re.sub(r"<[^>]*>", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))
    return unique(slugify(plain, "-"), taken)


def _page_url_dir(relative: str) -> str:
    """The folder of a page's directory URL, relative to the site root: `a/index.md` -> `a`,
    `a/b.md` -> `a/b`, `index.md` -> ``."""
    stem = relative[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")].rstrip("/")
    return stem


def _resolve(base: str, path: str, files: set[str], markdown_link: bool) -> str:
    """The generated file `path` (relative to folder `base`) points to, or "" if none."""
    joined = os.path.normpath(os.path.join(base, path)) if path else base or "."
    if joined.startswith("..") or os.path.isabs(joined):
        return ""
    joined = "" if joined == "." else joined
    if markdown_link or not (path == "" or path.endswith("/")):
        if joined in files:
            return joined
        if markdown_link:
            return ""
    prefix = f"{joined}/" if joined else ""
    for candidate in (f"{prefix}index.md", f"{joined}.md" if joined else ""):
        if candidate in files:
            return candidate
    return ""


def _shown(base: str, target: str) -> str:
    """`target` written relative to the site root (`../../sources/x/#s-9` -> `sources/x/#s-9`)."""
    path, hash_, anchor = target.partition("#")
    joined = os.path.normpath(os.path.join(base, path)).replace(os.sep, "/")
    joined = "" if joined == "." else joined
    if path.endswith("/") and joined:
        joined += "/"
    return f"{joined}{hash_}{anchor}"


def _scan(text: str, relative: str, files: set[str]) -> tuple[set[str], list[_Link]]:
    """The anchors a page defines and the internal links it makes."""
    anchors: set[str] = set()
    links: list[_Link] = []
    file_dir = os.path.dirname(relative)
    url_dir = _page_url_dir(relative)
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        heading = _HEADING.match(line)
        if heading:
            explicit = _ATTR_ID.search(heading.group(2))
            if explicit:
                anchors.add(explicit.group(1))
            else:
                anchors.add(_heading_id(heading.group(2), anchors))
        anchors.update(a or b for a, b in _ID.findall(line))
        found = [(m, True) for m in _MD_LINK.findall(line)]
        found += [(a or b, False) for a, b in _HREF.findall(line)]
        for target, markdown_link in found:
            if not target or _SCHEME.match(target) or target.startswith(("/", "//")):
                continue
            path, _, anchor = target.partition("#")
            path = unquote(path.split("?", 1)[0])
            if not path:  # "#anchor": this page
                links.append(_Link(number, f"{url_dir}/{target}".lstrip("/"), relative, unquote(anchor)))
                continue
            base = file_dir if markdown_link else url_dir
            page = _resolve(base, path, files, markdown_link)
            if markdown_link and not page and not path.endswith(".md"):  # a URL in Markdown link syntax
                base = url_dir
                page = _resolve(base, path, files, False)
            links.append(_Link(number, _shown(base, target), page, unquote(anchor)))
    return anchors, links


def check_links(docs_dir: Path, shown: Path | None = None) -> int:
    """Check every internal link and anchor of the Markdown under `docs_dir`; raise every broken one at
    once (GeneratorError / GeneratorErrors). Return how many links were checked. `shown` is the folder
    as messages name it."""
    shown = docs_dir if shown is None else shown
    paths = sorted(p for p in docs_dir.rglob("*") if p.is_file() and not p.is_symlink())
    files = {p.relative_to(docs_dir).as_posix() for p in paths}
    anchors: dict[str, set[str]] = {}
    links: dict[str, list[_Link]] = {}
    for path in paths:
        relative = path.relative_to(docs_dir).as_posix()
        if path.suffix != ".md":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        anchors[relative], links[relative] = _scan(text, relative, files)
    errors: list[GeneratorError] = []
    count = 0
    for relative, page_links in links.items():
        for link in page_links:
            count += 1
            if not link.page:
                problem = "no generated page or file there"
            elif link.anchor and link.page in anchors and link.anchor not in anchors[link.page]:
                problem = f"no anchor #{link.anchor} on that page"
            else:
                continue
            errors.append(GeneratorError(f"broken link to {link.target}", shown / relative, link.line,
                                         hint=problem))
    raise_all(errors)
    return count
