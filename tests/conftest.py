"""Shared fixtures: a clean environment, a temp database, sample articles and a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Two short articles in the style of the seeds: attributed claims, a denial, dates, numbers.
ARTICLE_DRONES = """\
Russia and Iran Deepen Military Ties

In mid-August 2022, Russian President Vladimir Putin declared that Moscow was ready to supply advanced weapons to its partners. US National Security Advisor Jake Sullivan alleged on July 11, 2022 that Russia was planning to buy hundreds of Iranian drones for use in Ukraine.

Iran's foreign ministry denied that it had sold any drones to Russia. According to Israeli security sources, the first batch of drones was delivered in August 2022.
"""

ARTICLE_STRIKE = """\
Iran fired at least 15 missiles at two bases in Iraq on January 8, 2020, the Pentagon said.

Officials said 11 US service members were injured. Iran's missiles were likely guided by satellite, analysts said.
"""


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No FACTCHECK_* setting leaks in from the shell; plain, wide output for stable assertions."""
    for name in list(os.environ):
        if name.startswith("FACTCHECK_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def articles(tmp_path):
    """Factory: write(name, text or bytes, folder="articles") -> Path of the written file."""

    def write(name: str, content: str | bytes = ARTICLE_DRONES, folder: str = "articles") -> Path:
        path = tmp_path / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def corpus(articles) -> Path:
    """A folder of two good articles."""
    articles("drones.txt", ARTICLE_DRONES)
    return articles("strike.txt", ARTICLE_STRIKE).parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner, db_path):
    """invoke(*args) runs `factcheck --db <tmp db> *args` and returns the click Result."""
    from factcheck.cli import app

    def invoke(*args, db: Path | None = None, **kwargs):
        return runner.invoke(app, ["--db", str(db or db_path), *map(str, args)], **kwargs)

    return invoke


@pytest.fixture
def ingested(cli, corpus):
    """The two sample articles ingested into the temp database."""
    result = cli("ingest", corpus)
    assert result.exit_code == 0, result.stderr
    return corpus


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server for the session (see tests/postgres_server.py); the test
    is skipped, with the reason, where one cannot be started (failed instead in CI)."""
    from tests.postgres_server import start_server

    server, reason = start_server()
    if server is None and os.environ.get("TESTS_REQUIRE_POSTGRES"):     # set by .ci/run
        pytest.fail(f"no PostgreSQL server for the tests, and TESTS_REQUIRE_POSTGRES is set: {reason}")
    if server is None:
        pytest.skip(f"no PostgreSQL server for the tests: {reason}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server, request) -> str:
    """The URL of a new, empty database on the test server, one per test."""
    import re

    from tests.postgres_server import create_database

    count = getattr(postgres_server, "databases", 0) + 1
    postgres_server.databases = count
    name = f"t{count}_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40]
    return create_database(postgres_server, name)
