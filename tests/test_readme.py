"""The README and the documentation pages it points to: short, true, and their examples run as written.

Issue 28 moved the long tour, the benchmarks, the architecture, the conventions, the limits and the
status from the README into ``docs/``; these tests follow the text to where it went.
"""

import doctest
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
TOUR = DOCS / "tour.md"
#: The pages the README's content moved to, each with headings or phrases it must still hold.
MOVED = {
    "tour.md": ["## Python", ">>> from symrep import certify, check", "symrep classify"],
    "benchmarks.md": ["## Performance against peers", "## Verdicts", "## Attention", "## FWHT", "## Families",
                      "## Start-up", "## Budgets", "## Character tables against GAP",
                      "## Generic character tables against GAP", "## Character tables"],
    "architecture.md": ["# Architecture", "Where the three most likely changes go"],
    "dependencies.md": ["# Dependencies and why", "python-flint", "numba"],
    "conventions.md": ["**Bit order.**", "**Group labels**", "**Exactness of tables.**"],
    "limits.md": ["| operation | limit | why |", "## Domains"],
    "status.md": ["| issue | capability | state |"],
    "gallery.md": ["symrep-gallery"],
    "changelog.md": ["CHANGELOG.md"],
}


def _doctest(path):
    return doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)


def test_readme_tour_runs():
    result = _doctest(README)
    assert result.attempted >= 5
    assert result.failed == 0


def test_full_tour_runs():
    """The long tour, moved to docs/tour.md, runs as written."""
    result = _doctest(TOUR)
    assert result.attempted >= 10
    assert result.failed == 0


def test_readme_is_short_and_has_the_two_commands():
    text = README.read_text()
    assert len(text.splitlines()) <= 250
    for command in ("pip install . && python -m symrep gallery -o gallery --force",
                    "pip install '.[test]' && python -m pytest"):
        assert f"```\n{command}\n```" in text, command
    assert "How to cite" in text and "@software{symrep" in text
    assert "python -m sphinx -W -b html docs docs/_build/html" in text


def test_readme_gallery_count_is_the_gallery_s():
    """The README once said 19 documents when the gallery had 20: the number is checked."""
    from symrep.render.gallery import document_stems

    count = len(document_stems())
    text = README.read_text()
    assert f"{count} documents" in text and f"{count} of {count} documents checked" in text


@pytest.mark.parametrize("page", sorted(MOVED))
def test_moved_pages_hold_what_the_readme_held(page):
    text = (DOCS / page).read_text()
    for phrase in MOVED[page]:
        assert phrase in text, f"docs/{page} lacks {phrase!r}"
    assert page.removesuffix(".md") in README.read_text(), f"the README does not point to docs/{page}"


def _tour_commands(path):
    """Every ``symrep ...`` line of a page's plain code blocks, comments removed."""
    import shlex

    commands, fence = [], None  # None outside a code block, else the block's language ("" for plain)
    for line in path.read_text().splitlines():
        if line.startswith("```"):
            fence = line[3:].strip() if fence is None else None
            continue
        if fence == "" and line.startswith("symrep "):
            commands.append(shlex.split(line, comments=True)[1:])
    return commands


@pytest.mark.parametrize("path, least", [(README, 4), (TOUR, 25)], ids=["README", "tour"])
def test_command_tour_runs(path, least, tmp_path, monkeypatch, capsys):
    """Issue 16: the commands the README and the tour show work as written (PDF lines need TeX:
    tests/test_tex.py; the gallery has its own tests)."""
    from symrep.cli.app import main

    commands = [c for c in _tour_commands(path) if c[0] != "gallery" and "pdf" not in c]
    assert len(commands) >= least
    monkeypatch.chdir(tmp_path)
    for argv in commands:  # certify's exit status is its verdict (0 holds, 1 fails or unknown), 2 an error
        assert main(argv) in ((0, 1) if argv[0] == "certify" else (0,)), argv
    capsys.readouterr()


def test_benchmark_tables_are_complete():
    """Every benchmark table moved whole: each row has as many cells as its table's header."""
    tables, current = [], []
    for line in (DOCS / "benchmarks.md").read_text().splitlines() + [""]:
        if line.startswith("|"):
            current.append(len(re.findall(r"(?<!\\)\|", line)))
        elif current:
            tables.append(current)
            current = []
    assert len(tables) >= 12
    for widths in tables:
        assert len(set(widths)) == 1, widths
