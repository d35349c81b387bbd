"""The command line: argument parsing and error printing only."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

import click

from generator.errors import GeneratorError

_DEBUG = {"on": False}


class Failed(click.ClickException):
    """Exit status 1 after printing each problem on its own line (no "Error:" prefix, no traceback)."""

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(self.message, err=True)


def _run(action, *args, **kwargs):  # type: ignore[no-untyped-def]
    try:
        return action(*args, **kwargs)
    except GeneratorError as exc:
        if _DEBUG["on"]:
            traceback.print_exc()
        raise Failed(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 -- a bug still ends in one line unless --debug
        if _DEBUG["on"]:
            raise
        message = f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)"
        raise Failed(message) from None


def _jobs(value: int) -> int:
    return value if value > 0 else max(min(os.cpu_count() or 1, 2), 1)


@click.group()
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def main(debug: bool) -> None:
    """briefs: source-linked foreign-policy briefs from a corpus of articles."""
    _DEBUG["on"] = debug


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="facts.json to write.")
@click.option("--content", type=click.Path(path_type=Path), default=Path("content"), show_default=True,
              help="Folder with the curated YAML (actors, sectors, stance, countries).")
@click.option("--strict", is_flag=True, help="Treat a skipped (empty, binary, undecodable) file as an error.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True,
              help="Processes for extraction (0 = auto).")
def extract(corpus: Path, output: Path, content: Path, strict: bool, jobs: int) -> None:
    """Extract facts from every .txt, .md and .html file in CORPUS into a JSON file."""
    from generator.builder import extract_corpus, write_facts

    data, _ = _run(extract_corpus, corpus, content, strict=strict, n_process=_jobs(jobs))
    _run(write_facts, data, output)
    click.echo(f"{len(data['documents'])} documents, {len(data['facts'])} facts, "
               f"{len(data['actors'])} actors -> {output}")


def _paths(content: Path, site: Path, templates: Path, config: Path,  # type: ignore[no-untyped-def]
           work: Path | None):
    from generator.builder import Paths, work_folder

    return Paths(content=content, site=site, templates=templates, config=config,
                 work=work_folder(site) if work is None else work)


_path_options = [
    click.option("--content", type=click.Path(path_type=Path), default=Path("content"), show_default=True,
                 help="Folder with sources/ and the curated YAML."),
    click.option("--site", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
                 help="Where the built site goes."),
    click.option("--templates", type=click.Path(path_type=Path), default=Path("templates"), show_default=True,
                 help="Folder of the Jinja2 page templates."),
    click.option("--config", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True,
                 help="The MkDocs configuration."),
    click.option("--work", type=click.Path(path_type=Path), default=None,
                 help="Folder for the generated Markdown and the caches  [default: .<site name>.work "
                      "beside the site]"),
]


def path_options(f):  # type: ignore[no-untyped-def]
    for option in reversed(_path_options):
        f = option(f)
    return f


@main.command()
@path_options
@click.option("--strict", is_flag=True, help="Treat a skipped file as an error.")
@click.option("-j", "--jobs", type=int, default=0, show_default=True,
              help="Processes for extraction (0 = auto).")
@click.option("--engine", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs", show_default=True,
              help="Publishing engine (zensical: pip install '.[zensical]').")
def build(content: Path, site: Path, templates: Path, config: Path, work: Path | None, strict: bool,
          jobs: int, engine: str) -> None:
    """Extract, render and publish the whole site."""
    from generator.builder import build as run_build

    started = time.perf_counter()
    result = _run(run_build, _paths(content, site, templates, config, work), strict=strict,
                  n_process=_jobs(jobs), engine=engine)
    click.echo(f"built {site}: {result.pages} pages from {len(result.facts.documents)} documents, "
               f"{len(result.facts.facts)} facts in {time.perf_counter() - started:.1f}s")


@main.command()
@click.option("--content", type=click.Path(path_type=Path), default=Path("content"), show_default=True,
              help="Folder with sources/ and the curated YAML.")
@click.option("--templates", type=click.Path(path_type=Path), default=Path("templates"), show_default=True,
              help="Folder of the Jinja2 page templates.")
def check(content: Path, templates: Path) -> None:
    """Validate the curated content and the templates; write nothing; report every problem at once."""
    from generator.check import check_content
    from generator.errors import raise_all

    _run(lambda: raise_all(check_content(content, templates)))
    click.echo(f"{content} and {templates}: no problems found")


@main.command()
@path_options
def serve(content: Path, site: Path, templates: Path, config: Path, work: Path | None) -> None:
    """Serve the site on 127.0.0.1 and regenerate it when content/ or templates/ change."""
    from generator.serve import serve as run_serve

    _run(run_serve, _paths(content, site, templates, config, work))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
