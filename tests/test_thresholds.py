"""The thresholds files: the writable file first, then the shipped defaults; null levels."""

from __future__ import annotations

import json

import pytest

from helpers.errors import ThresholdsError
from helpers.settings import load_settings
from helpers.thresholds import SHIPPED_FILE, TUTORIAL_MODEL, load_thresholds, read_file, save_thresholds


def test_writable_file_wins_then_shipped_defaults(tmp_path):
    writable = tmp_path / "t.json"
    shipped = tmp_path / "shipped.json"
    save_thresholds(shipped, "m", 0.5, 0.9, {"source": "shipped"}, related=0.7)
    save_thresholds(shipped, "other", 0.4, 0.8)
    assert load_thresholds(writable, "m", shipped).ticket == 0.5  # no writable file yet
    save_thresholds(writable, "m", 0.3, 0.6, related=None)
    got = load_thresholds(writable, "m", shipped)
    assert (got.ticket, got.related, got.article, got.path) == (0.3, None, 0.6, str(writable))
    assert load_thresholds(writable, "other", shipped).ticket == 0.4  # per model
    with pytest.raises(ThresholdsError, match="No calibrated thresholds for nope"):
        load_thresholds(writable, "nope", shipped)
    assert json.loads(shipped.read_text())["m"]["ticket"] == 0.5  # saving never touched it


def test_settings_save_into_the_data_dir_unless_thresholds_file_is_set(tmp_path):
    s = load_settings({"HELPERS_DATA_DIR": str(tmp_path)})
    assert s.thresholds_path == tmp_path / "thresholds.json" and s.thresholds_path != SHIPPED_FILE
    t = load_settings({"HELPERS_DATA_DIR": str(tmp_path), "THRESHOLDS_FILE": str(tmp_path / "x.json")})
    assert t.thresholds_path == tmp_path / "x.json"
    # with nothing saved yet, the shipped defaults answer
    assert load_thresholds(s.thresholds_path, TUTORIAL_MODEL).ticket == 0.35


def test_null_ticket_means_no_warning_and_bad_values_are_one_line(tmp_path):
    path = tmp_path / "t.json"
    save_thresholds(path, "m", None, 0.9, related=1.2)
    got = load_thresholds(path, "m", None)
    assert got.ticket is None and got.related == 1.2
    path.write_text(json.dumps({"m": {"ticket": "high", "article": 0.9}}))
    with pytest.raises(ThresholdsError, match="numeric 'ticket'"):
        load_thresholds(path, "m", None)
    path.write_text(json.dumps({"m": {"ticket": 0.5, "article": None}}))
    with pytest.raises(ThresholdsError, match="'article'"):
        load_thresholds(path, "m", None)


def test_shipped_file_keeps_its_keys():
    entry = read_file(SHIPPED_FILE)["all-MiniLM-L6-v2"]
    assert {"ticket", "article", "related", "target_precision"} <= set(entry)
    assert read_file(SHIPPED_FILE)[TUTORIAL_MODEL]["ticket"] == 0.35
