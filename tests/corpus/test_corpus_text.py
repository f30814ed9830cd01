"""Every text read from the corpus is the raw cell's text under the documented rule only
(CONTRACT.md: names as written; see text_sweep.py for the structural parts allowed)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def test_every_imported_text_is_the_raw_cell_as_written():
    if not CORPUS.is_dir():
        pytest.skip(f"语料库不在 {CORPUS}（仅在 shared/ 存在时运行）")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("text_sweep.py")), str(CORPUS)],
        capture_output=True,
        text=True,
        timeout=1200,
        env=env,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    started = [line["start"] for line in lines if "start" in line]
    results = [line for line in lines if "file" in line]
    assert proc.returncode == 0, f"died on {started[-1] if started else '?'}: {proc.stderr[-800:]}"
    assert len(results) == len(started)
    texts = sum(r.get("texts", 0) for r in results)
    assert texts > 1000, f"only {texts} texts compared: the corpus read no tables"
    errors = [r for r in results if r.get("status") == "error"]
    assert not errors, errors[:3]
    altered = [(r["file"], b) for r in results for b in r.get("bad", [])]
    assert not altered, altered[:10]
