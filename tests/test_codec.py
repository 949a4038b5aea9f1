"""The model is the one definition of a guide: a field added to it survives the cache with no other edit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import tui.guide.schema
from tui.guide import ContentError, Guide, load_guide, parse_guide
from tui.guide.codec import decode, encode

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"

NEW_FIELD = '''    duration: int | None = None
    """Seconds this topic stays up in presentation mode; ``None`` means the default."""
    audience: Line = "everyone"
    """Who the topic is written for (a field added by tests/test_codec.py)."""
'''

ROUND_TRIP = """
import dataclasses, sys
from pathlib import Path
import tui
from tui.guide import Topic, load_guide, read_guide_bytes
from tui.guide.cache import GuideCache
assert Path(tui.__file__).is_relative_to(Path.cwd()), tui.__file__  # the copy, not the repository
assert "audience" in [field.name for field in dataclasses.fields(Topic)]
fixture, cache = Path(sys.argv[1]), GuideCache(Path(sys.argv[2]))
data = read_guide_bytes(fixture)

def with_audience(audience):
    guide = load_guide(fixture)
    topics = tuple(dataclasses.replace(topic, audience=audience + topic.id) for topic in guide.topics)
    return dataclasses.replace(guide, topics=topics)

told = with_audience("readers of ")
cache.put(data, told)
back = cache.get(data)
assert back == told, back
print(back.topics[0].audience)
cache.put(data, with_audience("\\x1b]2;pwned\\x07"))  # the rules find the new text field too
print(cache.get(data))
"""


def test_a_field_added_to_the_model_survives_a_cache_hit(tmp_path: Path) -> None:
    """A copy of the package with one field more in ``Topic`` (model.py edited, nothing else): the field's
    value comes back from the cache, and a control character in it makes the entry a miss."""
    copy = tmp_path / "tui"
    shutil.copytree(ROOT / "tui", copy, ignore=shutil.ignore_patterns("__pycache__"))
    model = copy / "guide" / "model.py"
    source = model.read_text(encoding="utf-8")
    old = NEW_FIELD.split("    audience")[0]
    assert source.count(old) == 1
    model.write_text(source.replace(old, NEW_FIELD), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP, str(FIXTURE), str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    first_id = load_guide(FIXTURE).topics[0].id
    assert done.stdout.splitlines() == [f"readers of {first_id}", "None"]
    for unchanged in ("cache.py", "codec.py", "rules.py"):
        assert (copy / "guide" / unchanged).read_bytes() == (ROOT / "tui" / "guide" / unchanged).read_bytes()


def test_the_encoding_round_trips_the_guide() -> None:
    guide = load_guide(FIXTURE)
    assert decode(encode(guide), Guide) == guide


@dataclass(frozen=True)
class Measured:
    """A model class with a field the codec has no rule for."""

    weight: float


def test_a_field_of_a_type_the_codec_cannot_store_fails_loudly() -> None:
    with pytest.raises(TypeError, match="float"):
        encode(Measured(1.5))
    with pytest.raises(TypeError, match="float"):
        decode([1.5], Measured)


def test_the_schema_checks_the_guide_it_built_with_the_cache_s_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules are stated once: a rule broken after the schema's own checks still stops the file."""
    seen: list[Guide] = []

    def broken(guide: Guide) -> list[str]:
        seen.append(guide)
        return ["a rule the schema's checks missed"]

    monkeypatch.setattr(tui.guide.schema, "validate", broken)
    with pytest.raises(ContentError) as raised:
        parse_guide(FIXTURE.read_bytes(), "guide.yaml")
    assert [str(issue) for issue in raised.value.issues] == [
        "guide.yaml:1:1: a rule the schema's checks missed"
    ]
    assert [guide.title for guide in seen] == ["Fixture guide"]
