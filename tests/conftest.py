import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app follows the language setting and LANG; tests see Chinese whatever the machine says.
# English tests set WORKBENCH_LANG=en themselves (monkeypatch), or pass a language explicitly.
os.environ["WORKBENCH_LANG"] = "zh_CN"

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seeds" / "000_f01f2c485a3de1ed.txt"


@pytest.fixture(scope="session")
def sample_doc_factory():
    from workbench.seeds.build_sample import build

    return build


@pytest.fixture
def sample_doc(sample_doc_factory):
    return sample_doc_factory()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_TEXT.exists():
        pytest.skip(f"种子报告不在 {SEED_TEXT}（仅在 shared/ 存在时运行）")
    return SEED_TEXT.read_text(encoding="utf-8").replace("\n", "")
