"""The folder layout is the architecture: an app imports only from the layers below it.

    6  site, demo                       readers of everything below
    5  api · opendata · letters         every app's router (its api.py), gathered; every app's
                                        datasets (its exports.py) as files; the monthly letter
    4  journal, applications, brandkit, the domain apps, in this order within the floor:
       participation · meetings ·        (a decision answers ideas; an action comes from
       actions · indicators · follows    an idea or a decision; indicators count them all;
                                         people follow any of them)
    3  activity, charter, programme,    the ledger, the charter, the programme, the press page,
       press, discussion                comments and moderation
    2  actors                           organisations, people, roles and their predicates
    1  core · mail, audit · accounts ·  (in this order within the floor)
       notifications

Tests, migrations and the shared test cast are outside the house: they may import anything.
A new app gets a line here; an import that runs upward, or sideways between two apps of one
layer, fails this test.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent
LAYERS: dict[str, float] = {
    "core": 1.0,
    "mail": 1.1,
    "audit": 1.1,
    "accounts": 1.2,
    "notifications": 1.3,
    "actors": 2,
    "activity": 3,
    "charter": 3,
    "programme": 3,
    "press": 3,
    "discussion": 3,
    "journal": 4,
    "applications": 4,
    "brandkit": 4,
    "participation": 4,
    "meetings": 4.1,
    "actions": 4.2,
    "indicators": 4.3,
    "follows": 4.4,
    "api": 5,
    "opendata": 5.1,
    "letters": 5.2,
    "site": 6,
    "demo": 6,
}
OUTSIDE = {"tests", "migrations"}


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Return (line, app) for each MISSA app a module imports."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "missa" and parts[1] in LAYERS:
                found.append((node.lineno, parts[1]))
    return found


def test_every_app_has_a_layer() -> None:
    apps = {
        path.parent.name for path in PACKAGE.glob("*/apps.py") if path.parent.name not in OUTSIDE
    }
    assert apps - set(LAYERS) == set(), "give these apps a layer"


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_no_import_runs_upward(app: str) -> None:
    upward = []
    for path in sorted((PACKAGE / app).rglob("*.py")):
        if OUTSIDE & set(path.relative_to(PACKAGE).parts):
            continue
        for line, target in imports_of(path):
            if target != app and LAYERS[target] >= LAYERS[app]:
                upward.append(f"{path.relative_to(PACKAGE)}:{line} imports missa.{target}")
    assert upward == []
