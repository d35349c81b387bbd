"""`briefs check`: validates the curated content and the templates, collecting every problem."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError, GeneratorErrors
from generator.ingest.reader import SUFFIXES

CONTENT_HINT = "run from the project root or pass --content DIR"


def _collect(load: Callable[[], Any], errors: list[GeneratorError], path: Path) -> None:
    """Run one loader; add whatever it raises (one error or several) to errors. An unexpected exception
    is a bug in briefs, not in the file, but is still reported against the file it was reading, so it
    never hides the problems of the other files."""
    try:
        load()
    except GeneratorErrors as many:
        errors.extend(many.errors)
    except GeneratorError as one:
        errors.append(one)
    except Exception as exc:  # noqa: BLE001 -- see the docstring
        errors.append(GeneratorError(f"internal error while reading it: {type(exc).__name__}: {exc}", path,
                                     hint="please report this; run with --debug for a traceback"))


def check_yaml(content_dir: Path) -> list[GeneratorError]:
    """Load every curated YAML file of content_dir with its real loader; return all problems."""
    from generator.nlp.actor_catalog import load_actor_config
    from generator.nlp.countries import load_country_names
    from generator.nlp.lexicon import load_sectors, load_stance

    # Both loaders cache by path: forget earlier reads so that an edited file is read again.
    load_actor_config.cache_clear()
    load_country_names.cache_clear()
    errors: list[GeneratorError] = []
    _collect(lambda: load_actor_config(content_dir / "actors.yaml"), errors, content_dir / "actors.yaml")
    _collect(lambda: load_country_names(content_dir), errors, content_dir / "countries.yaml")
    _collect(lambda: load_sectors(content_dir / "sectors.yaml"), errors, content_dir / "sectors.yaml")
    _collect(lambda: load_stance(content_dir / "stance.yaml"), errors, content_dir / "stance.yaml")
    return errors


def check_sources(sources: Path) -> list[GeneratorError]:
    """Return an error if the sources folder is missing or holds no article file."""
    if not sources.is_dir():
        return [GeneratorError("corpus folder not found", sources,
                               hint="create it and put .txt, .md or .html articles in it")]
    if not any(p.is_file() and p.suffix.lower() in SUFFIXES for p in sources.rglob("*")):
        return [GeneratorError("no articles found", sources, hint="add .txt, .md or .html files")]
    return []


def check_templates(templates_dir: Path) -> list[GeneratorError]:
    """Compile every *.j2 template and check each page kind has one; then, if all compile, render every
    page kind with a tiny fixture corpus (generator/fixture.py), which finds undefined variables and
    unsafe operations (the sandbox's SecurityError) with their file and line. Return all problems."""
    import jinja2

    from generator.pages import PAGE_KINDS
    from generator.render.renderer import make_environment

    if not templates_dir.is_dir():
        return [GeneratorError("templates folder not found", templates_dir, hint="pass --templates DIR")]
    env = make_environment(templates_dir)
    errors: list[GeneratorError] = []
    for path in sorted(templates_dir.rglob("*.j2")):
        name = path.relative_to(templates_dir).as_posix()
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            where = templates_dir / name
            errors.append(GeneratorError(f"template syntax error: {error.message}", where, error.lineno,
                                         hint="fix the template tag"))
        except jinja2.TemplateNotFound:
            continue  # a folder or a dangling name ending in .j2: nothing a page could load
        except GeneratorError as error:  # the loader refused it (a link leading outside, not a file)
            errors.append(error)
    for kind in PAGE_KINDS.values():
        if not (templates_dir / kind.template).is_file():
            errors.append(GeneratorError(f"template '{kind.template}' not found", templates_dir,
                                         hint="restore it from the project's templates/"))
    return errors or check_rendering(templates_dir)


def check_rendering(templates_dir: Path) -> list[GeneratorError]:
    """Render every page kind's template with the fixture corpus; return the first problem of each."""
    from generator.pages import PAGE_KINDS, load_corpus
    from generator.render.fixture import fixture_corpus
    from generator.render.renderer import make_environment, render_page

    env = make_environment(templates_dir)
    corpus = load_corpus(*fixture_corpus())
    errors: list[GeneratorError] = []
    for kind in PAGE_KINDS.values():
        for _relative, context in kind.pages(corpus):
            try:
                render_page(env, kind.template, context, templates_dir)
            except GeneratorError as error:
                if str(error) not in {str(e) for e in errors}:  # a shared macro fails in every kind
                    errors.append(error)
                break
    return errors


def check_content(content_dir: Path, templates_dir: Path) -> list[GeneratorError]:
    """Validate content/ (YAML and the sources folder) and the templates; return every problem found."""
    content_dir, templates_dir = Path(content_dir), Path(templates_dir)
    if not content_dir.is_dir():
        errors = [GeneratorError("content folder not found", content_dir, hint=CONTENT_HINT)]
    else:
        errors = check_yaml(content_dir) + check_sources(content_dir / "sources")
    return errors + check_templates(templates_dir)
