"""`briefs check`: validates the curated content and the templates, collecting every problem."""

from __future__ import annotations

from pathlib import Path

from generator.content import CONTENT_HINT, Content, load_content
from generator.errors import GeneratorError, GeneratorErrors
from generator.ingest.reader import SUFFIXES


def load_and_check_yaml(content_dir: Path) -> tuple[Content | None, list[GeneratorError]]:
    """Load the curated content once (generator.content.load_content); return it, or None and every
    problem of every file."""
    try:
        return load_content(content_dir), []
    except GeneratorErrors as many:
        return None, list(many.errors)
    except GeneratorError as one:
        return None, [one]


def check_yaml(content_dir: Path) -> list[GeneratorError]:
    """Load every curated YAML file of content_dir with its real loader; return all problems."""
    return load_and_check_yaml(content_dir)[1]


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
    from generator.facts.model import FactsData
    from generator.pages import PAGE_KINDS, aggregate
    from generator.render.fixture import fixture_corpus
    from generator.render.renderer import make_environment, render_page

    env = make_environment(templates_dir)
    facts, sources, sectors = fixture_corpus()
    corpus = aggregate(FactsData.from_json(facts), sources, sectors)
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


def load_and_check(content_dir: Path, templates_dir: Path) -> tuple[Content | None, list[GeneratorError]]:
    """Validate content/ (YAML and the sources folder) and the templates; return the content loaded (None
    if its YAML has a problem) and every problem found. A build uses the content it returns, so each
    curated file is read once per build."""
    content_dir, templates_dir = Path(content_dir), Path(templates_dir)
    content: Content | None = None
    if not content_dir.is_dir():
        errors = [GeneratorError("content folder not found", content_dir, hint=CONTENT_HINT)]
    else:
        content, errors = load_and_check_yaml(content_dir)
        errors += check_sources(content_dir / "sources")
    return content, errors + check_templates(templates_dir)


def check_content(content_dir: Path, templates_dir: Path) -> list[GeneratorError]:
    """Validate content/ (YAML and the sources folder) and the templates; return every problem found."""
    return load_and_check(content_dir, templates_dir)[1]
