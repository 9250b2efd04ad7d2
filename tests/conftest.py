"""Shared fixtures: the spaCy pipeline once per session, paths to ../shared."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from crosstally import ExtractOptions, extract
from crosstally.nlp import load_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline, loaded once for the whole run."""
    return load_pipeline(ExtractOptions().model)


@pytest.fixture(scope="session")
def claims_of(nlp):
    """Extract claims from one text (the pipeline is already loaded)."""

    def run(text: str, published: str | None = None):
        return extract(text, doc_id="t", published=published)

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data beside the repo; tests that need it skip cleanly without it."""
    if not (SHARED / "gold" / "seeds.jsonl").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def cli() -> list[str]:
    """The installed `crosstally` entry point."""
    exe = Path(sys.executable).with_name("crosstally")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("crosstally")
    if not found:
        pytest.fail("the crosstally entry point is not installed")
    return [found]


@pytest.fixture
def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CROSSTALLY_TOKEN", None)
    return env


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skipped test (a quality gate without its data, a browser or Spark
    test without its parts) is a failure, not a pass."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI", "").lower() == "true" and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which must run every test: {report.longrepr}"
