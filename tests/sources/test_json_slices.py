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
@given(messages=_messages, indent=st.sampled_from([None, 1]), chunk=st.sampled_from([1, 3, 17, 1 << 20]))
def test_slices_are_the_exact_elements(
    messages: list[dict[str, object]], indent: int | None, chunk: int
) -> None:
    raw = json.dumps({"name": "x", "messages": messages}, ensure_ascii=False, indent=indent).encode()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(json_slices, "CHUNK", chunk)
        parts = list(array_items(io.BytesIO(raw), b"messages", 1 << 20))
    assert all(isinstance(p, Slice) for p in parts)
    assert [json.loads(p.data) for p in parts if isinstance(p, Slice)] == messages
    assert all(raw[p.offset : p.offset + len(p.data)] == p.data for p in parts if isinstance(p, Slice))


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
