"""The package's layout is its design: stages as folders, imports pointing one way, a
public API, one registry of outputs, and the XSD shipped in the wheel."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import lvcheck
from lvcheck.errors import LvcheckError

from .conftest import ROOT, TEMPLATES

PACKAGE = ROOT / "src" / "lvcheck"
# beneath every stage
SHARED = {
    "errors",
    "codes",
    "labels",
    "labels_events",
    "data",
    "files",
    "output",
    "safe_text",
    "version",
}
# What each stage may import besides itself and the shared modules.
# The stages in order: document -> catalog -> comparison -> timeline -> validation ->
# rendering -> revisions -> importing -> top.
# validation uses the diff's word engine (template conformance) and the timeline (the status
# on a date); rendering shows every result, and takes only validation's result type.
ALLOWED = {
    "shared": set(),
    "document": set(),
    "catalog": {"document"},
    "comparison": {"document"},
    "timeline": {"document", "catalog", "comparison"},
    "validation": {"document", "catalog", "comparison", "timeline"},
    "rendering": {"document", "catalog", "comparison", "timeline", "validation.engine"},
    "revisions": {"document", "catalog", "comparison", "timeline", "rendering"},
    # importing reads sources into the model, aligns by comparison's alignment, and checks
    # what it made with validation's schema gate
    "importing": {"document", "comparison", "timeline", "validation"},
    "top": {
        *("document", "catalog", "validation", "comparison", "rendering", "timeline"),
        "revisions",
        "importing",
        *("api", "cli"),
    },
}
TOP = {"api", "cli", "__init__", "__main__"}
LONGEST_MODULE = 420  # lines; the style guide asks for about 400


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def _stage(module: str) -> str:
    head = module.split(".")[0]
    if head in SHARED:
        return "shared"
    if head in TOP:
        return "top"
    return head


def _imports(path: Path) -> set[str]:
    """Every lvcheck module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lvcheck"):
            base = node.module.removeprefix("lvcheck").lstrip(".")
            # "from lvcheck import codes" names a module; "from lvcheck.x import y" module x
            found.update([base] if base else [alias.name for alias in node.names])
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("lvcheck.") for a in node.names if a.name.startswith("lvcheck.")
            )
    return {name for name in found if name}


def _allowed(stage: str, target: str) -> bool:
    target_stage = _stage(target)
    if target_stage in ("shared", stage):
        return True
    return any(
        target == a or target.startswith(a + ".") or target_stage == a
        for a in ALLOWED[stage]
        if "." not in a
    ) or any(target == a or target.startswith(a + ".") for a in ALLOWED[stage] if "." in a)


def test_imports_point_one_way_document_validation_comparison_rendering_cli() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        stage = _stage(module)
        for target in sorted(_imports(path)):
            if not _allowed(stage, target):
                wrong.append(f"{module} ({stage}) imports {target}")
    assert wrong == []


def test_no_module_imports_a_name_of_the_package_face() -> None:
    """`from lvcheck import X` inside the package names a module, never a name that
    lvcheck/__init__.py makes (its lazy API, __version__): that import would run from a
    stage back up to the top, where api.py imports every stage."""
    modules = {_module(path).split(".")[0] for path in PACKAGE.rglob("*.py")}
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "lvcheck":
                wrong += [f"{_module(path)}: {a.name}" for a in node.names if a.name not in modules]
            if isinstance(node, ast.Import) and any(a.name == "lvcheck" for a in node.names):
                wrong.append(f"{_module(path)}: import lvcheck")
    assert wrong == []


def _resolved(name: str, modules: set[str]) -> str | None:
    """The module a name of an import stands for ("validation.rules" is its __init__)."""
    for candidate in (name, f"{name}.__init__"):
        if candidate in modules:
            return candidate
    head = name.rsplit(".", 1)[0]  # "from lvcheck.x import y": y may be a name in x
    return head if head != name and head in modules else None


def test_no_two_modules_import_each_other_even_through_others() -> None:
    """Within a stage too: a loop of imports means neither module can be read first."""
    files = {_module(path): path for path in PACKAGE.rglob("*.py")}
    graph = {
        # a package's __init__ that imports its own submodules names itself: not a loop
        module: {
            t for t in (_resolved(n, set(files)) for n in _imports(path)) if t not in (None, module)
        }
        for module, path in files.items()
    }
    loops = []
    for start in graph:  # a path from a module's import back to itself
        seen, stack = set(), [(t, [start, t]) for t in graph[start]]
        while stack:
            node, way = stack.pop()
            if node == start:
                loops.append(" -> ".join(way))
                break
            if node in seen:
                continue
            seen.add(node)
            stack += [(t, [*way, t]) for t in graph.get(node, ())]
    assert loops == []


def test_the_stages_are_folders_and_no_module_is_long() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert {"document", "validation", "comparison", "rendering"} <= folders
    long = {
        _module(p): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert long == {}


def test_the_public_api_loads_validates_diffs_and_renders() -> None:
    assert set(lvcheck.__all__) >= {"load", "validate", "diff", "render", "build_site"}
    agreement = lvcheck.load(TEMPLATES["nrw"])
    same = lvcheck.load(TEMPLATES["nrw"].read_bytes(), "nrw.xml")
    assert agreement == same
    (checked,) = lvcheck.validate([TEMPLATES["nrw"]])
    assert checked.errors == ()
    result = lvcheck.diff(agreement, same)
    assert result.is_empty
    assert lvcheck.render(result, "text").endswith("Keine Änderungen.\n")
    assert lvcheck.render(agreement, "text").startswith("Leistungsvereinbarung")


@pytest.mark.parametrize("thing", ["agreement", "diff", "findings"])
def test_an_unknown_format_is_an_error_not_a_fallback(thing: str) -> None:
    agreement = lvcheck.load(TEMPLATES["bayern"])
    subject = {
        "agreement": agreement,
        "diff": lvcheck.diff(agreement, agreement),
        "findings": lvcheck.validate([TEMPLATES["bayern"]]),
    }[thing]
    with pytest.raises(LvcheckError) as caught:
        lvcheck.render(subject, "yaml")
    assert caught.value.diagnostic.code == "LV001"
    assert str(caught.value).startswith("LV001 error unknown format 'yaml'")


def test_importing_lvcheck_loads_no_stage() -> None:
    code = "import sys, lvcheck; print(sorted(m for m in sys.modules if m.startswith('lvcheck')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['lvcheck']"


def test_the_wheel_carries_the_one_xsd_of_schema(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("lvcheck-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("lvcheck/schema/lvcheck-agreement-1.0.xsd")
    assert shipped == (ROOT / "schema" / "lvcheck-agreement-1.0.xsd").read_bytes()
    assert not (PACKAGE / "schema").exists()  # one source of truth


def test_every_command_is_listed_and_loads_its_module_only_when_asked_for() -> None:
    """The command group names every command without loading a module of cli/; asked for,
    each name gives the command of that name from the module COMMANDS names."""
    from lvcheck import cli

    code = (
        "import sys; from lvcheck import cli; names = cli.cli.list_commands(None); "
        "print(sorted(m for m in sys.modules if m.startswith('lvcheck.cli')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['lvcheck.cli', 'lvcheck.cli.args']"
    result = CliRunner().invoke(cli.cli, ["--help"])
    assert all(name in result.output for name in cli.COMMANDS)
    for name, module in cli.COMMANDS.items():
        command = cli.cli.get_command(click.Context(cli.cli), name)
        assert command is not None and command.name == name
        assert command.callback is not None
        assert command.callback.__module__ == f"lvcheck.cli.{module}"
        assert CliRunner().invoke(cli.cli, [name, "--help"]).exit_code == 0


def test_the_version_is_the_package_metadata_s() -> None:
    from importlib.metadata import version

    from lvcheck import cli

    assert lvcheck.__version__ == version("lvcheck")
    result = CliRunner().invoke(cli.cli, ["--version"])
    assert result.output == f"lvcheck, version {version('lvcheck')}\n"


def test_validating_defines_no_dataclass() -> None:
    """The records `lvcheck validate` creates are NamedTuples (docs/architecture.md,
    Records): a frozen dataclass costs about half a millisecond at every start."""
    code = (
        "import sys, dataclasses\n"
        "from lvcheck.cli import cli\n"
        f"cli.main(['validate', {str(TEMPLATES['nrw'])!r}], standalone_mode=False)\n"
        "loaded = [m for name, m in sys.modules.items() if name.startswith('lvcheck')]\n"
        "print(sorted(f'{m.__name__}.{k}' for m in loaded for k, v in vars(m).items()\n"
        "             if isinstance(v, type) and dataclasses.is_dataclass(v)))\n"
        "print(len(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    dataclasses_defined, modules = done.stdout.split("\n")[:2]
    assert int(modules) > 30  # the run did load the validation stage
    assert dataclasses_defined == "[]"
