"""A throwaway PostgreSQL server for the tests: `initdb` into a temp folder, `pg_ctl start` on a
free port with its unix socket in that folder (no TCP), stopped and removed at the end.

The server binaries are looked for on PATH, then in Debian's /usr/lib/postgresql/N/bin.
PostgreSQL refuses to run as root: as root, the server runs as an unprivileged user (`postgres`
when there is one, else `nobody`) through `runuser`. Whatever cannot be done is a reason to
skip, given by `start_server`, never an error.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "factcheck"
BINARIES = ("initdb", "pg_ctl", "postgres")
START_SECONDS = 60


@dataclass
class Server:
    folder: Path
    port: int
    run_as: list[str]           # the command prefix that runs a binary as the server's user
    bin: Path

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}&port={self.port}"

    def stop(self) -> None:
        subprocess.run([*self.run_as, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: on PATH, else Debian's newest."""
    found = [shutil.which(name) for name in BINARIES]
    if all(found) and len({Path(p).resolve().parent for p in found}) == 1:
        return Path(found[0]).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if all((Path(folder) / name).is_file() for name in BINARIES):
            return Path(folder)
    return None


def _server_user() -> tuple[list[str], int | None, str | None]:
    """(command prefix, uid to own the folder, reason to skip)."""
    if os.geteuid() != 0:
        return [], None, None
    runuser = shutil.which("runuser")
    if runuser is None:
        return [], None, "running as root and without runuser to start PostgreSQL as another user"
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        return [runuser, "-u", name, "--"], user.pw_uid, None
    return [], None, "running as root, and no unprivileged user (postgres, nobody) to run PostgreSQL as"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server() -> tuple[Server | None, str]:
    """A running server, or None and why not."""
    binaries = find_binaries()
    if binaries is None:
        return None, "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed (pip install '.[postgres]')"
    run_as, uid, reason = _server_user()
    if reason:
        return None, reason
    folder = Path(tempfile.mkdtemp(prefix="fc-pg-", dir="/tmp"))
    if uid is not None:
        os.chown(folder, uid, -1)
    server = Server(folder, _free_port(), run_as, binaries)
    steps = [
        [str(binaries / "initdb"), "-D", str(folder / "data"), "-U", SUPERUSER, "--auth=trust",
         "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
        [str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"), "-w",
         "-t", str(START_SECONDS), "-o",
         f"-c listen_addresses='' -k {folder} -p {server.port} -c fsync=off -c full_page_writes=off",
         "start"],
    ]
    for step in steps:
        done = subprocess.run([*run_as, *step], capture_output=True, text=True, timeout=START_SECONDS + 30)
        if done.returncode != 0:
            log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
            server.stop()
            return None, f"{Path(step[0]).name} failed: {(done.stderr + log).strip()[-300:]}"
    return server, ""


def create_database(server: Server, name: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(host=str(server.folder), port=server.port, user=SUPERUSER, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)
