"""The Jinja environment: renders every page's Markdown and turns template errors into GeneratorErrors.

What editors can and cannot do in templates: templates are rendered in Jinja's immutable sandbox. A
template may print, loop over and branch on the fields of its page's context (the dataclasses in
generator/pages/), call the macros of templates/_macros.md.j2, use Jinja's filters and tests, and
`{% include %}`/`{% import %}` other templates. It cannot reach Python internals (attributes that
start with `_`, function globals, `mro`, `format` tricks: jinja2.sandbox.SecurityError), cannot
change a value it was given (list.append, dict.update), cannot read files other than regular files
inside the templates folder (a symbolic link leading outside it is refused), and cannot build a
string or list of more than MAX_TEMPLATE_ITEMS items with `*`, nor a huge number with `**`.
Every value printed with `{{ … }}` is escaped for Markdown and HTML unless the view model marked it
as trusted Markup. A template that tries any of this fails the build and `briefs check` with its file
and line.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from generator.config import TUNING
from generator.errors import GeneratorError
from generator.facts.model import FactsData
from generator.pages import PAGE_KINDS, Corpus, aggregate
from generator.pages.changes import History, advance
from generator.pages.corpus import facts_data
from generator.pages.data import brief_downloads, facts_csv, facts_json, facts_schema
from generator.pages.escape import html_text, md_text, printable
from generator.pages.feeds import feed_files
from generator.render import cache as render_cache
from generator.render.writer import KEPT, Kept, reusable_dir, write_site

SANDBOX_HINT = "templates may only use the page's variables and Jinja's filters"
MAX_TEMPLATE_ITEMS = TUNING.max_template_items
_MAX_POWER = 10**100  # `a ** b`: largest result a template may compute


class TemplateFolderLoader(jinja2.FileSystemLoader):
    """Loads templates only from regular files inside one folder.

    Jinja's FileSystemLoader follows symbolic links: a link `templates/x.j2 -> /etc/passwd` and
    `{% include "x.j2" %}` would publish the file. This loader resolves the path and refuses a template
    that resolves outside the folder or is not a regular file (a FIFO, a device), with the
    template's path in the message."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = Path(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """Return the template's text, its path as written (for error messages) and an uptodate check."""
        pieces = split_template_path(template)  # refuses ".." (TemplateNotFound)
        shown = Path(os.path.normpath(os.path.join(self.folder, *pieces)))
        if not shown.exists() and not shown.is_symlink():
            raise jinja2.TemplateNotFound(template)
        root = self.folder.resolve()
        real = shown.resolve()
        folder = f"{self.folder.as_posix().rstrip('/')}/"
        if root not in real.parents:
            raise GeneratorError(f"template is a symbolic link leading outside {folder}", shown,
                                 hint=f"replace it with a regular file inside {folder}")
        if not real.exists() or real.is_dir():
            raise jinja2.TemplateNotFound(template)
        if not real.is_file():
            raise GeneratorError("template is not a regular file", shown,
                                 hint=f"replace it with a regular file inside {folder}")
        try:
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as handle:
                mtime = os.fstat(handle.fileno()).st_mtime
                contents = handle.read().decode(self.encoding)
        except UnicodeDecodeError as error:
            raise GeneratorError("template is not valid UTF-8", shown, hint="save it as UTF-8") from error
        except OSError as error:
            raise GeneratorError(f"cannot read template: {error.strerror or error}", shown) from error

        def uptodate() -> bool:
            try:
                return os.path.getmtime(real) == mtime
            except OSError:
                return False

        return contents, str(shown), uptodate


class PageEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, plus bounds on `*` and `**` so a template cannot exhaust memory."""

    intercepted_binops = frozenset(["*", "**"])
    # Jinja's verdict depends only on the object's type and the attribute's name (is_internal_attribute,
    # modifies_known_mutable), so it is computed once per pair: the checks doubled render time.
    _verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's immutable-sandbox verdict on `obj.attr`, cached per (type, name)."""
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """Compute `left * right` or `left ** right`, refusing results beyond the bounds."""
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) \
                        and len(seq) * count > MAX_TEMPLATE_ITEMS:
                    raise SecurityError(f"'*' would build more than {MAX_TEMPLATE_ITEMS} items")
        elif isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 \
                and right * (abs(left).bit_length() - 1) > _MAX_POWER.bit_length():
            raise SecurityError("'**' result is too large")
        return super().call_binop(context, operator, left, right)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Return the Jinja environment: sandboxed, strict undefined, every printed value escaped by md_text.

    `finalize` runs on every `{{ … }}` result, so a value reaches the page as inert text unless the
    view model marked it as trusted Markup (computed addresses, pre-escaped HTML, SVG). The sandbox and
    the loader limit what a template can do (see the module docstring).
    """
    env = PageEnvironment(
        loader=TemplateFolderLoader(Path(templates_dir)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
        finalize=md_text,
    )
    env.globals.pop("lipsum", None)  # prints placeholder text of any length; no page needs it
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
        return printable(env.get_template(template).render(**values))
    except GeneratorError:
        raise  # the loader's own refusals already name the file
    except jinja2.TemplateSyntaxError as error:
        where = error.filename or str(templates_dir / template)
        raise GeneratorError(f"template syntax error: {error.message}", where, error.lineno,
                             hint="fix the template tag") from error
    except jinja2.TemplateNotFound as error:
        raise GeneratorError(f"template {error.name!r} not found", templates_dir) from error
    except SecurityError as error:
        frame_path, line = _template_frame(error, templates_dir)
        message = f"unsafe template operation: {str(error).rstrip('.')}"
        at: str | Path = frame_path or templates_dir / template
        raise GeneratorError(message, at, line, hint=SANDBOX_HINT) from error
    except Exception as error:  # noqa: BLE001 -- any runtime failure inside a template is reported alike
        frame_path, line = _template_frame(error, templates_dir)
        raise GeneratorError(
            f"template error: {type(error).__name__}: {error}", frame_path or templates_dir / template, line
        ) from error


def render_pages(corpus: Corpus, templates_dir: Path, history: History | None = None) -> dict[str, str]:
    """Return relative path -> Markdown for every page of every kind; two pages on one path is an error.
    `history` is the manifest of published facts after this build (None: a first build)."""
    pages, _ = _render(corpus, templates_dir, None, history)
    return {relative: text for relative, text in pages.items() if isinstance(text, str)}


def _render(corpus: Corpus, templates_dir: Path, out_dir: Path | None,
            history: History | None = None) -> tuple[dict[str, str | Kept], dict[str, list[Any]]]:
    """Render every page, or with `out_dir`, every page whose key differs from the one it was written
    with there (the rest are Kept); return the pages and the new manifest {path: [key, size]}. Page
    kinds that read the manifest of published facts get `history` (None: a first build)."""
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
            made = kind.since(corpus, history) if kind.since and history is not None else kind.pages(corpus)
            for relative, context in made:
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


def render_site(facts: FactsData | Mapping[str, Any], sources: dict[str, str], sectors: dict[str, dict],
                templates_dir: Path, out_dir: Path) -> list[Path]:
    """Aggregate and render: `render_corpus(aggregate(facts, sources, sectors), ...)`. `facts` is the
    extract stage's FactsData, or facts in their JSON form (a parsed facts.json)."""
    return render_corpus(aggregate(facts_data(facts), sources, sectors), templates_dir, out_dir)


def render_corpus(corpus: Corpus, templates_dir: Path, out_dir: Path,
                  history: History | None = None) -> list[Path]:
    """Render the pages and the data files into `out_dir`, rewriting only what changed; return all paths.

    Entity pages whose inputs are unchanged since they were written there are not rendered again.
    `history` is the manifest of published facts after this build (generator/pages/changes.py; None: a
    first build, every fact new): the changes page and the Atom feeds read it."""
    if history is None:
        history = advance(corpus, None)
    files, manifest = _render(corpus, templates_dir, out_dir, history)
    files["data/facts.json"] = printable(facts_json(corpus.data))
    files["data/facts.csv"] = facts_csv(corpus)
    files["data/facts.schema.json"] = facts_schema()
    files.update(brief_downloads(corpus))
    files.update(feed_files(corpus, history))
    if out_dir.is_dir():
        render_cache.drop_manifest(out_dir)
    written = write_site(out_dir, files)
    render_cache.save_manifest(out_dir, manifest)
    return written
