"""Hostile or unlucky input (issue 18, defects 5, 6 and 12): a one-line error naming the file, the
documented exit code, the rest of the folder ingested, nothing half-written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import ARTICLE_DRONES, ARTICLE_STRIKE
from tests.test_cli_errors import INPUT, NOT_FOUND, USAGE, assert_one_line_error, stored_documents


def front_matter(block: str) -> str:
    return f"---\n{block}\n---\n{ARTICLE_STRIKE}"


@pytest.mark.parametrize("name, block, message", [
    ("day.md", "published: 2022-02-30", "'published: 2022-02-30' is not a date"),
    ("month.md", "published: 2022-13-01", "'published: 2022-13-01' is not a date"),
    ("nested.md", "title: " + "[" * 500, "front matter nested too deeply"),
])
def test_bad_front_matter_is_one_line_and_the_folder_goes_on(cli, articles, name, block, message):
    articles("a_good.txt", ARTICLE_DRONES)
    bad = articles(name, front_matter(block))
    result = cli("ingest", bad.parent)
    assert_one_line_error(result, INPUT, f"{bad}: ", message)
    assert "1 failed" in result.stderr
    assert stored_documents(cli) == ["a_good.txt"]


def test_front_matter_values_are_kept_as_written(cli, articles):
    articles("yes.md", front_matter("title: yes"))
    articles("digits.md", front_matter("title: " + "9" * 4301).replace("15 missiles", "16 missiles"))
    result = cli("ingest", articles("c.txt", ARTICLE_DRONES).parent)
    assert result.exit_code == 0, result.stderr
    titles = {record["document"]: record["title"]
              for record in json.loads(cli("documents", "--format", "json").stdout)}
    assert titles["yes.md"] == "yes"
    assert titles["digits.md"] == "9" * 4301


def test_file_name_that_is_not_utf8_is_refused_and_the_folder_goes_on(cli, articles, tmp_path):
    good = articles("good.txt", ARTICLE_DRONES)
    bad = os.path.join(os.fsencode(good.parent), b"bad\xff.txt")
    with open(bad, "wb") as file:
        file.write(ARTICLE_STRIKE.encode())
    with open(os.path.join(os.fsencode(good.parent), b"notes\xfe.pdf"), "wb") as file:
        file.write(b"%PDF")
    result = cli("ingest", good.parent)
    assert_one_line_error(result, INPUT, "bad\\xff.txt: file name is not valid UTF-8", "rename")
    assert "notes\\xfe.pdf" in result.stderr
    assert stored_documents(cli) == ["good.txt"]


def test_dangling_and_looping_links_are_reported(cli, articles):
    good = articles("good.txt", ARTICLE_DRONES)
    (good.parent / "dangling.txt").symlink_to(good.parent / "nowhere.txt")
    (good.parent / "loop.txt").symlink_to(good.parent / "loop.txt")
    (good.parent / "sub").mkdir()
    (good.parent / "sub" / "up").symlink_to(good.parent)        # a folder loop: walked once
    result = cli("ingest", good.parent)
    assert_one_line_error(result, INPUT, "dangling.txt: link to a file that does not exist",
                          "loop.txt: link to a file")
    assert stored_documents(cli) == ["good.txt"]


def as_other_user() -> list[str]:
    """A prefix that runs a command as an unprivileged user, so that permissions apply."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def open_folder():
    """A folder anyone may write to (pytest's own tmp folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-perm-"))
    folder.chmod(0o777)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o777)
    shutil.rmtree(folder)


def run_cli(prefix: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = prefix + [sys.executable, "-m", "factcheck", *args]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_unreadable_file_given_directly_exits_3_with_one_line(open_folder):
    prefix = as_other_user()
    path = open_folder / "secret.txt"
    path.write_text(ARTICLE_STRIKE)
    path.chmod(0)
    for command in (["ingest", str(path)], ["explain", str(path)]):
        result = run_cli(prefix, "--db", str(open_folder / "claims.db"), *command, cwd=open_folder)
        assert result.returncode == INPUT, result.stderr
        assert f"factcheck: error: {path}: cannot be read" in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 2 and "Traceback" not in result.stderr


def test_unreadable_subfolder_is_reported_and_the_rest_ingested(open_folder):
    prefix = as_other_user()
    (open_folder / "a.txt").write_text(ARTICLE_DRONES)
    locked = open_folder / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE_STRIKE)
    locked.chmod(0)
    result = run_cli(prefix, "--db", str(open_folder / "claims.db"), "ingest", str(open_folder),
                     cwd=open_folder)
    assert result.returncode == INPUT, result.stderr
    assert f"factcheck: error: {locked}: folder cannot be read" in result.stderr
    assert "1 document: 1 new" in result.stderr


def test_huge_limit_lists_everything(cli, ingested):
    result = cli("list", "--limit", "9" * 23, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == len(json.loads(cli("list", "--format", "json").stdout))


def test_alias_of_an_unknown_actor_is_refused(cli, ingested):
    assert_one_line_error(cli("actors", "alias", "Nobodyland", "x"), NOT_FOUND, "no actor 'Nobodyland'")
    actors = json.loads(cli("actors", "--format", "json").stdout)
    assert not any("x" in (record["aliases"] or []) for record in actors)
    assert cli("actors", "alias", "moscow", "the bear").exit_code == 0     # an alias of Russia


@pytest.mark.parametrize("args", [
    ("list", "--limit", "x"),
    ("list", "--format", "xml"),
    ("nonsense",),
    ("show",),
])
def test_usage_errors_are_one_line(args, db_path):
    result = run_cli([], "--db", str(db_path), *args, cwd=db_path.parent)
    assert result.returncode == USAGE
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), result.stderr
    assert "--help" in lines[0]


@pytest.mark.parametrize("url", ["mysql://team@db.example/claims", "sqlite:///claims.db", "postgresql:/db.example/claims"])
def test_a_database_url_of_another_kind_is_refused_not_taken_for_a_file(runner, tmp_path, monkeypatch, url):
    """Only postgresql:// URLs name a database (tests/test_postgres.py); others are refused."""
    from factcheck.cli import app

    for folder in ("postgresql:", "mysql:", "sqlite:"):
        (tmp_path / folder).mkdir()
    monkeypatch.chdir(tmp_path)
    for args, env in (((("--db", url, "list")), {}), (("list",), {"FACTCHECK_DB": url})):
        result = runner.invoke(app, list(args), env=env)
        assert_one_line_error(result, USAGE, f"a database URL ({url.split(':')[0]}://...) is not")
    assert not any(path.is_file() for path in tmp_path.rglob("*"))
