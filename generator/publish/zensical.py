"""The Zensical engine (`briefs build --engine zensical`; pip install '.[zensical]'), the only module that
runs Zensical. It reads the project's mkdocs.yml with four changes, written to a configuration file of
its own in a work folder beside the site (never into the project):

- docs_dir and site_dir point into the work folder: Zensical requires both inside the folder of its
  configuration file, so the generated Markdown is hard-linked (or copied) there; custom_dir becomes
  an absolute path to the project's overrides/;
- theme.variant: classic (Material's look; with the default "modern" variant the tabs are invisible);
- its own search is off (Pagefind indexes every site; the header then opens the Pagefind search page);
- its link validation is off (it costs about a minute at 2,000 pages; generator/publish/links.py checks
  briefs' links before any engine runs).

Zensical runs as `python -m zensical build --clean` in a subprocess (its Rust runtime stays out of the
build process, and a timeout can stop it). Every build is a full one; its cache lives and dies in the
work folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

import generator
from generator.config import TUNING
from generator.errors import GeneratorError

ZENSICAL = (sys.executable, "-m", "zensical")
ZENSICAL_TIMEOUT_SECONDS = TUNING.pagefind_timeout_seconds
CONFIG_NAME = "zensical-mkdocs.yml"
_KEPT = "the previous site is unchanged"


def zensical_config(config_file: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as Zensical gets it (see the module docstring), without the paths."""
    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GeneratorError(f"cannot read the configuration: {error}", config_file) from error
    if not isinstance(config, dict):
        raise GeneratorError("the configuration is not a mapping", config_file)
    theme = config.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else dict(theme or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((config_file.parent / str(theme["custom_dir"])).resolve())
    theme["variant"] = "classic"
    config["theme"] = theme
    plugins: list[Any] = []
    for item in config.get("plugins") or []:
        name = item if isinstance(item, str) else next(iter(item), "") if isinstance(item, dict) else ""
        if str(name).removeprefix("material/") != "search":
            plugins.append(item)
    plugins.append({"search": {"enabled": False}})
    config["plugins"] = plugins
    config["validation"] = False
    config["strict"] = False
    return config


def build(docs_dir: Path, site_dir: Path, staging: Path, config_file: Path, incremental: bool) -> bool:
    """Build `docs_dir` into the empty folder `staging` with Zensical (always a full build)."""
    del incremental  # Zensical's own cache needs a stable project folder; a full build takes seconds
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-{os.getpid()}-zensical-", dir=site_dir.parent))
    try:
        config = zensical_config(config_file)
        config["docs_dir"], config["site_dir"] = "docs", "site"
        try:
            shutil.copytree(docs_dir, work / "docs", copy_function=_link_or_copy)
        except OSError as error:
            raise GeneratorError(f"could not prepare the Zensical build: {error}", work,
                                 hint=_KEPT) from error
        written = work / CONFIG_NAME
        written.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
        _run(written, work, config_file)
        for entry in sorted((work / "site").iterdir()):
            entry.rename(staging / entry.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return False


def _link_or_copy(source: str, destination: str) -> None:
    """Hard-link a generated file into the work folder (Zensical only reads it); copy across disks."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def _run(config: Path, work: Path, shown: Path) -> None:
    """`python -m zensical build` in `work`; GeneratorError with its first error line if it fails."""
    package_root = str(Path(generator.__file__).resolve().parent.parent)  # markdown_raw for Zensical
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": package_root + (os.pathsep + path if path else "")}
    command = [*ZENSICAL, "build", "--clean", "--config-file", str(config)]
    try:
        done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True,
                              timeout=ZENSICAL_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GeneratorError(f"Zensical build failed: {first}", shown, hint=_KEPT) from error
    if done.returncode != 0 or not (work / "site" / "index.html").is_file():
        lines = [line.strip() for line in (done.stderr + "\n" + done.stdout).splitlines() if line.strip()]
        errors = [line for line in lines if "rror" in line] or lines
        first = errors[-1] if errors else f"exit status {done.returncode}, no site written"
        hint = "is it installed? pip install '.[zensical]'; " + _KEPT if "No module named" in first else _KEPT
        raise GeneratorError(f"Zensical build failed: {first}", shown, hint=hint)
