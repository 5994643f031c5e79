"""The import rules of DESIGN.md, read from every module's source with `ast`.

Every import counts: at the top of a module, inside a function (lazy) and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

from factcheck.pipeline import STAGES
from tests.conftest import ROOT

PACKAGE = ROOT / "factcheck"
DATABASE_LIBRARIES = ("sqlmodel", "sqlalchemy")
PURE_PACKAGES = ("factcheck.pipeline", "factcheck.analysis")
OUTER_LAYERS = ("factcheck.store", "factcheck.render", "factcheck.cli", "factcheck.api")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[:len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


@lru_cache(maxsize=None)
def imports_of(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(module imported, names taken from it) for every import statement anywhere in module `name`."""
    path = modules()[name]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, name, path.name == "__init__.py")
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.append((submodule, ()) if submodule in modules() else (source, (alias.name,)))
    return tuple(found)


def internal_edges() -> dict[str, set[str]]:
    """Module -> the factcheck modules it imports (a package counts as its __init__)."""
    return {name: {target for target, _ in imports_of(name) if target in modules()} for name in modules()}


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "pipeline" else None


def test_every_module_is_parsed():
    assert "factcheck.pipeline.claims.build" in modules() and len(modules()) > 50


def test_only_store_imports_the_database_libraries():
    offenders = [(name, target) for name in modules() for target, _ in imports_of(name)
                 if target.split(".")[0] in DATABASE_LIBRARIES and not within(name, "factcheck.store")]
    assert offenders == []


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_pure_packages_import_no_outer_layer(package):
    offenders = [(name, target) for name in modules() if within(name, package)
                 for target, _ in imports_of(name) if any(within(target, outer) for outer in OUTER_LAYERS)]
    assert offenders == []


def test_no_import_cycle():
    edges = internal_edges()
    cycles = [component for component in _strong_components(edges)
              if len(component) > 1 or component[0] in edges[component[0]]]
    assert cycles == []


def test_stages_are_the_pipeline_folders_and_modules():
    present = {stage_of(name) for name in modules()} - {None}
    assert present == set(STAGES)


def test_no_stage_imports_a_later_one():
    offenders = []
    for name in modules():
        stage = stage_of(name)
        if stage is None:
            continue
        for target, _ in imports_of(name):
            other = stage_of(target)
            if other is not None and STAGES.index(other) > STAGES.index(stage):
                offenders.append(f"{name} ({stage}) imports {target} ({other})")
    assert offenders == []


def test_no_private_name_imported_across_modules():
    offenders = [(name, target, taken) for name in modules() for target, names in imports_of(name)
                 if target in modules() and target != name
                 for taken in names if taken.startswith("_") and not taken.startswith("__")]
    assert offenders == []


def test_nothing_imports_the_api_package_back():
    """factcheck.api only re-exports; its modules import each other, never the package itself."""
    offenders = [name for name in modules() if within(name, "factcheck.api") and name != "factcheck.api"
                 and any(target == "factcheck.api" for target, _ in imports_of(name))]
    assert offenders == []


def test_the_checks_see_what_they_look_for():
    """The rules above find a lazy import, a cycle and a later stage when there is one."""
    lazy = {target for target, _ in imports_of("factcheck.cli.ingest")}
    assert any(within(target, "factcheck.pipeline") for target in lazy)   # imported inside a function
    assert _strong_components({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"], ["c"]]
    assert stage_of("factcheck.pipeline.claims.build") == "claims" and stage_of("factcheck.pipeline.when") == "when"


def _strong_components(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, each sorted, in order of their first member."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)
