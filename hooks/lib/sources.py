"""Reading what maintainers write (YAML files, Markdown pages) with errors in plain words.

Every problem is a SourceError whose message names the file (relative to the project) and,
where it can, the line: never a Python traceback. YAML is read with libyaml when present
(ten times faster, same safe subset) and a duplicate key is an error: YAML itself would keep
the second value silently (a `ru:` pasted twice shows only the second text).
"""
from __future__ import annotations

from pathlib import Path

import yaml

LANGUAGE_NAMES = {"ru": "Russian (ru)", "el": "Greek (el)", "en": "English (en)"}

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SourceError(Exception):
    """A maintainer's file cannot be read; the message says which and why, in plain words."""


class _UniqueKeyLoader(_BASE):
    pass


def _once(seen: dict, key, key_node) -> None:
    """A mapping's key met a second time stops the reading, naming both lines."""
    if key in seen:
        raise yaml.constructor.ConstructorError(
            None, None, f"the key '{key}' appears twice (first on line {seen[key] + 1}); keep one", key_node.start_mark)
    seen[key] = key_node.start_mark.line


def _mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:
        _once(seen, loader.construct_object(key_node, deep=deep), key_node)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)

# PyYAML's constructor costs several Python calls and a table of constructed nodes per node:
# more than parsing with libyaml. _data() makes the same data from the same parsed nodes in one
# call per node, for what the project's files hold: mappings, lists and plain values (texts,
# true/false, numbers). Anything else (an alias, a merge key, a tag of its own, a list as a
# key) is left to PyYAML from the start. Mappings are checked (duplicate keys) and lists filled
# in PyYAML's order (a mapping at once, a list's items in the next round), so that a file with
# several mistakes reports the same one first.
_TAG = "tag:yaml.org,2002:"
_SCALARS = {_TAG + kind: _UniqueKeyLoader.yaml_constructors[_TAG + kind]
            for kind in ("null", "bool", "int", "float", "binary", "timestamp", "str")}


class _Unusual(Exception):
    """A node _data() leaves to PyYAML."""


def _data(loader, root):
    seen: set[int] = set()
    later: list = []  # (list, node) whose items are made in the next round

    def key_of(node):
        if type(node) is not yaml.ScalarNode or node.tag not in _SCALARS:
            raise _Unusual
        return node.value if node.tag == _TAG + "str" else _SCALARS[node.tag](loader, node)

    def value(node):
        if id(node) in seen:
            raise _Unusual  # an alias: PyYAML shares the data (and refuses a node inside itself)
        seen.add(id(node))
        kind = type(node)
        if kind is yaml.ScalarNode and node.tag in _SCALARS:
            return node.value if node.tag == _TAG + "str" else _SCALARS[node.tag](loader, node)
        if kind is yaml.SequenceNode and node.tag == _TAG + "seq":
            data: list = []
            later.append((data, node))
            return data
        if kind is yaml.MappingNode and node.tag == _TAG + "map":
            keys, lines = [], {}
            for key_node, _ in node.value:  # every key first, as _mapping does
                key = key_of(key_node)
                _once(lines, key, key_node)
                keys.append(key)
            return {key: value(value_node) for key, (_, value_node) in zip(keys, node.value)}
        raise _Unusual

    data = value(root)
    while later:  # a round: the lists met in the last one, in order (their lists wait for the next)
        current = later[:]
        del later[:]
        for items, node in current:
            items.extend(value(child) for child in node.value)
    return data


def _load(text: str):
    """yaml.load(text, Loader=_UniqueKeyLoader), the same data, made by _data() where it can."""
    loader = _UniqueKeyLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _data(loader, node)
        except _Unusual:
            return loader.construct_document(node)
    finally:
        loader.dispose()


def read_text(path: Path, name: str) -> str:
    """The file's text; a byte that is not UTF-8 is named with its line."""
    return decode(Path(path).read_bytes(), name)


def read_pages(docs_dir: Path, locales: list[str]) -> dict[str, dict[str, bytes]]:
    """Every page's Markdown file (bytes, undecoded) in each language folder: {locale: {path
    inside the language folder ("chapters/01-what-it-is.md"): bytes}}, in sorted order."""
    return {
        locale: {path.relative_to(docs_dir / locale).as_posix(): path.read_bytes() for path in sorted((docs_dir / locale).rglob("*.md"))}
        for locale in locales
    }


def decode(data: bytes, name: str) -> str:
    """A file's bytes as text; a byte that is not UTF-8 is named with its line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise SourceError(f"{name}: line {line} has a character that is not UTF-8 (byte 0x{data[error.start]:02x}); "
                          "save the file as UTF-8 in your editor") from None


def parse_yaml(text: str, name: str, first_line: int = 1):
    """YAML text to data; a syntax mistake or a duplicate key names the line."""
    try:
        return _load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + first_line}" if mark else "somewhere"
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(f"{name}: {where}: not valid YAML — {yaml_words(problem)}") from None


def read_yaml(path: Path, name: str):
    return parse_yaml(read_text(path, name), name)


def yaml_words(problem: str) -> str:
    """libyaml's terse problems, said so a maintainer can act on them."""
    hints = {
        "mapping values are not allowed here": "a text contains ': ' — put the whole text in quotes",
        "could not find expected ':'": "a line is not 'key: value' — check the indentation and the quotes",
        "found character that cannot start any token": "a line starts with a character YAML cannot read (a tab? use spaces)",
        "did not find expected key": "the indentation is off, or a quote is not closed",
        "found unexpected end of stream": "a quote is not closed",
    }
    for start, words in hints.items():
        if problem.startswith(start):
            return words
    return problem


def kind_of(value) -> str:
    """A value's kind in a maintainer's words (for 'should be a text, not a list')."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    return "a set of 'key: value' lines"


def folder_signature(folder: Path) -> tuple:
    """What changes when a file of the folder changes (name, time, size): the key of a cache
    that a build keeps across its language builds and mkdocs serve keeps across edits."""
    folder = Path(folder)
    return (str(folder),) + tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*")))
