"""The Jinja environment: renders every page's Markdown and turns template errors into GeneratorErrors."""

from __future__ import annotations

import traceback
from dataclasses import fields
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator import render_cache
from generator.errors import GeneratorError
from generator.pages import PAGE_KINDS, load_corpus
from generator.pages.data import facts_csv, facts_json, facts_schema
from generator.pages.escape import html_text, md_text
from generator.writer import KEPT, Kept, reusable_dir, write_site


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Return the Jinja environment: strict undefined, and every printed value escaped by md_text.

    `finalize` runs on every `{{ … }}` result, so a value reaches the page as inert text unless the
    view model marked it as trusted Markup (computed addresses, pre-escaped HTML, SVG).
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
        finalize=md_text,
    )
    # The built-in join would return HTML-escaped Markup that finalize trusts; escape items for Markdown.
    env.filters["join"] = _join
    # Inside raw HTML blocks Markdown is not processed: |h escapes for HTML only (see _macros.md.j2).
    env.filters["h"] = html_text
    return env


def _join(items: Any, separator: str = "") -> Markup:
    # The separator is template text (trusted); only the items are data.
    return Markup(escape(separator)).join(  # noqa: S704 -- escape() returns Markup already
        md_text(item) for item in items
    )


def _template_frame(error: BaseException, templates_dir: Path) -> tuple[str | None, int | None]:
    """Return the innermost traceback frame that lies in a template file (Jinja rewrites frames)."""
    root = str(templates_dir.resolve())
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.startswith(root) or frame.filename.endswith(".j2"):
            found = (frame.filename, frame.lineno)
    return found


def render_page(env: jinja2.Environment, template: str, context: Any, templates_dir: Path) -> str:
    """Render one page; raise GeneratorError naming the template file and line on any failure."""
    values = {f.name: getattr(context, f.name) for f in fields(context)}
    try:
        return env.get_template(template).render(**values)
    except jinja2.TemplateSyntaxError as error:
        where = error.filename or str(templates_dir / template)
        raise GeneratorError(f"template syntax error: {error.message}", where, error.lineno) from error
    except jinja2.TemplateNotFound as error:
        raise GeneratorError(f"template {error.name!r} not found", templates_dir) from error
    except Exception as error:  # noqa: BLE001 -- any runtime failure inside a template is reported alike
        frame_path, line = _template_frame(error, templates_dir)
        raise GeneratorError(
            f"template error: {type(error).__name__}: {error}", frame_path or templates_dir / template, line
        ) from error


def render_pages(corpus: Any, templates_dir: Path) -> dict[str, str]:
    """Return relative path -> Markdown for every page of every kind; two pages on one path is an error."""
    pages, _ = _render(corpus, templates_dir, None)
    return {relative: text for relative, text in pages.items() if isinstance(text, str)}


def _render(corpus: Any, templates_dir: Path,
            out_dir: Path | None) -> tuple[dict[str, str | Kept], dict[str, list[Any]]]:
    """Render every page, or with `out_dir`, every page whose key differs from the one it was written
    with there (the rest are Kept); return the pages and the new manifest {path: [key, size]}."""
    env = make_environment(templates_dir)
    previous = render_cache.load_manifest(out_dir) if out_dir is not None and reusable_dir(out_dir) else {}
    owned = {kind.template for kind in PAGE_KINDS.values()}
    keys = render_cache.RenderKeys(corpus, templates_dir, owned)
    pages: dict[str, str | Kept] = {}
    manifest: dict[str, list[Any]] = {}

    def claim(relative: str, name: str) -> None:
        if relative in pages:
            raise GeneratorError(f"two pages claim {relative} (second from page kind {name!r})")

    for name, kind in PAGE_KINDS.items():
        if kind.entities is None or kind.context_of is None:
            for relative, context in kind.pages(corpus):
                claim(relative, name)
                pages[relative] = render_page(env, kind.template, context, templates_dir)
            continue
        key_of = keys.of(kind.template)
        for entity in kind.entities(corpus):
            claim(entity.path, name)
            key = key_of(entity)
            old = previous.get(entity.path)
            if out_dir is not None and render_cache.reusable(out_dir, old, key, entity.path):
                pages[entity.path] = KEPT
                manifest[entity.path] = [key, old[1]] if old else [key, 0]
            else:
                text = render_page(env, kind.template, kind.context_of(corpus, entity.ident), templates_dir)
                pages[entity.path] = text
                manifest[entity.path] = [key, len(text.encode("utf-8"))]
    return pages, manifest


def render_site(
    facts: dict, sources: dict[str, str], sectors: dict[str, dict], templates_dir: Path, out_dir: Path
) -> list[Path]:
    """Render the pages and the data files into `out_dir`, rewriting only what changed; return all paths.

    Entity pages whose inputs are unchanged since they were written there are not rendered again."""
    corpus = load_corpus(facts, sources, sectors)
    files, manifest = _render(corpus, templates_dir, out_dir)
    files["data/facts.json"] = facts_json(facts)
    files["data/facts.csv"] = facts_csv(corpus)
    files["data/facts.schema.json"] = facts_schema()
    if out_dir.is_dir():
        render_cache.drop_manifest(out_dir)
    written = write_site(out_dir, files)
    render_cache.save_manifest(out_dir, manifest)
    return written
