"""A region's renames are a named profile the user picks (resources/crosswalks/), not every
document's default; documents that stored them keep them."""

from __future__ import annotations

import json

import pytest

from workbench.core.compare.crosswalk import Crosswalk
from workbench.core.compare.crosswalk_profiles import (
    crosswalk_profile,
    crosswalk_profiles,
    profile_edits,
)
from workbench.core.document import PlanDocument
from workbench.core.history import EditHistory
from workbench.core.properties import DocumentProperties


def test_the_shipped_profiles_name_their_source():
    profiles = crosswalk_profiles()
    assert "chongqing_2021_2022" in [p.name for p in profiles]
    for profile in profiles:
        assert profile.title and len(profile.source) > 40
        assert profile.crosswalk  # a profile that renames nothing is a mistake
    chongqing = crosswalk_profile("chongqing_2021_2022")
    assert (chongqing.region, chongqing.from_year, chongqing.to_year) == ("重庆市", 2021, 2022)
    assert chongqing.crosswalk.map("sector", "产业提升") == "产业转型升级"
    assert chongqing.crosswalk.map("sector", "成渝地区双城经济圈") is None


def test_a_new_document_renames_nothing():
    doc = PlanDocument(region="上海市", exec_year=2021, plan_year=2022)
    assert not Crosswalk.of(doc)
    assert Crosswalk.of(doc).map("sector", "产业提升") == "产业提升"


def test_picking_a_profile_stores_it_undoably():
    doc = PlanDocument(region="重庆市", exec_year=2021, plan_year=2022)
    history = EditHistory(doc)
    chongqing = crosswalk_profile("chongqing_2021_2022")
    for edit in profile_edits(chongqing):
        history.do(edit)
    assert Crosswalk.of(doc).to_dict() == chongqing.crosswalk.to_dict()
    assert doc.change_log[-1].action == "对照表"
    while history.can_undo:
        history.undo()
    assert doc.properties.crosswalk is None


def test_a_document_that_stored_the_renames_keeps_them():
    """Files saved before profiles existed stored Chongqing's renames with their first
    crosswalk edit: they load as they were."""
    stored = {
        "sector": {"产业提升": "产业转型升级", "生态能源": "生态环保", "成渝地区双城经济圈": None},
        "name": {"旧名称": "新名称"},
    }
    doc = PlanDocument(region="重庆市", exec_year=2021, plan_year=2022)
    doc.properties = DocumentProperties.from_data({"crosswalk": stored})
    assert Crosswalk.of(doc).map("sector", "生态能源") == "生态环保"
    assert Crosswalk.of(doc).to_dict() == stored


def test_an_unknown_or_broken_profile_is_named(tmp_path):
    with pytest.raises(ValueError, match="可选：chongqing_2021_2022"):
        crosswalk_profile("上海")
    (tmp_path / "ok.json").write_text(
        json.dumps({"title": "甲", "sector": {"a": "b"}}, ensure_ascii=False), "utf-8"
    )
    assert crosswalk_profile("ok", tmp_path).crosswalk.map("sector", "a") == "b"
    (tmp_path / "bad.json").write_text('{"sector": {"a": 1}}', "utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        crosswalk_profiles(tmp_path)
    (tmp_path / "bad.json").write_text("[1, 2]", "utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        crosswalk_profiles(tmp_path)


def test_profiles_ship_in_the_package_and_the_frozen_build():
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    tool = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    resources = root / tool["setuptools"]["package-dir"]["workbench.resources"]
    shipped = {
        p
        for g in tool["setuptools"]["package-data"]["workbench.resources"]
        for p in resources.glob(g)
    }
    profiles = sorted((resources / "crosswalks").glob("*.json"))
    assert profiles and all(p in shipped for p in profiles)
    spec = (root / "resources" / "build" / "workbench.spec").read_text(encoding="utf-8")
    assert '"resources" / "crosswalks"' in spec
