import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.sources import json_slices
from sitrep.sources.json_slices import Cut, Oversize, Slice, array_items

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab"\\{}[] \nй', max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)
_messages = st.lists(st.dictionaries(st.text(alphabet='id"\\{', max_size=4), _values, max_size=4), max_size=5)


@settings(max_examples=80, deadline=None)
@given(
    messages=_messages,
    indent=st.sampled_from([None, 1]),
    chunk=st.sampled_from([1, 3, 17, 1 << 20]),
    parse=st.booleans(),
)
def test_slices_are_the_exact_elements(
    messages: list[dict[str, object]], indent: int | None, chunk: int, parse: bool
) -> None:
    raw = json.dumps({"name": "x", "messages": messages}, ensure_ascii=False, indent=indent).encode()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(json_slices, "CHUNK", chunk)
        parts = list(array_items(io.BytesIO(raw), b"messages", 1 << 20, parse=parse))
    assert all(isinstance(p, Slice) for p in parts)
    assert [json.loads(p.data) for p in parts if isinstance(p, Slice)] == messages
    assert all(raw[p.offset : p.offset + len(p.data)] == p.data for p in parts if isinstance(p, Slice))
    if parse:  # parsed on the way, the same objects
        assert [p.value for p in parts if isinstance(p, Slice)] == messages


def _plain(parts: list[Slice | Oversize | Cut]) -> list[object]:
    return [Slice(p.offset, p.data) if isinstance(p, Slice) else p for p in parts]


@settings(max_examples=300, deadline=None)
@given(
    messages=st.lists(st.dictionaries(st.sampled_from(["id", "text", "й"]), _values, max_size=3), max_size=5),
    damage=st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from([b"", b"\xff", b"\xd0", b'"', b"{", b"]", b"5"])), max_size=2
    ),
    cut=st.integers(0, 10_000) | st.none(),
    chunk=st.sampled_from([1, 2, 7, 64, 1 << 20]),
    limit=st.sampled_from([12, 40, 1 << 20]),
)
def test_parsed_run_reports_damage_like_the_byte_scanner(
    messages: list[dict[str, object]], damage: list[tuple[int, bytes]], cut: int | None, chunk: int, limit: int
) -> None:
    """Invalid UTF-8, broken or big elements, cut files: the parsing path hands over to the byte
    scanner, so the slices, sizes, offsets and cuts are those of the scanner alone."""
    raw = json.dumps({"name": "x", "messages": messages}, ensure_ascii=False, indent=1).encode()
    for at, junk in damage:
        at %= len(raw) + 1
        raw = raw[:at] + junk + raw[at:]
    if cut is not None:
        raw = raw[: cut % (len(raw) + 1)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(json_slices, "CHUNK", chunk)
        plain = list(array_items(io.BytesIO(raw), b"messages", limit))
        parsed = list(array_items(io.BytesIO(raw), b"messages", limit, parse=True))
    assert _plain(parsed) == plain
    for part in parsed:
        if isinstance(part, Slice) and part.value is not None:
            assert part.value == json.loads(part.data)


@pytest.mark.parametrize("chunk", [5, 1 << 20])
def test_oversize_element_is_skipped_and_named(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_slices, "CHUNK", chunk)
    element = b'{"id": 7, "text": "' + b'x\\"' * 2000 + b'"}'
    raw = b'{"messages": [' + element + b', {"id": 8}]}'
    big, small = array_items(io.BytesIO(raw), b"messages", 1000)
    assert isinstance(big, Oversize) and big.size == len(element) and big.head.startswith(b'{"id": 7')
    assert isinstance(small, Slice) and small.data == b'{"id": 8}'


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"messages": [{"id": 1}, {"id": 2', "ends inside"),
        (b'{"messages": [{"id": 1},', "ends before"),
        (b'{"messages": [{"id": 1} 5]}', "unexpected"),
        (b'{"other": []}', "no top-level"),
    ],
)
def test_damaged_files(raw: bytes, reason: str) -> None:
    parts = list(array_items(io.BytesIO(raw), b"messages", 1000))
    assert isinstance(parts[-1], Cut) and reason in parts[-1].reason
