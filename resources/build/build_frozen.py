"""Build the one-folder frozen app with PyInstaller, and optionally smoke-test it.

    pip install -e '.[build]'
    python resources/build/build_frozen.py                  # → dist/workbench/
    python resources/build/build_frozen.py --smoke          # build, then open the sample headless

On Windows the same commands (`.venv\\Scripts\\python resources\\build\\build_frozen.py`) give
dist\\workbench\\workbench.exe (the window) and workbench-cli.exe (the command line); copy the
whole folder to a workstation — it needs no Python and no network.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = HERE / "workbench.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, *, clean: bool = False) -> Path:
    """Run PyInstaller on the spec; return the app folder (dist/workbench)."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit("需要 PyInstaller：pip install -e '.[build]'") from None
    args = [str(SPEC), "--noconfirm", "--log-level=WARN"]
    args += ["--distpath", str(dist), "--workpath", str(work)]
    if clean:
        args.append("--clean")
    pyinstaller.run(args)
    return dist / "workbench"


def smoke_env(home: Path) -> dict[str, str]:
    """A headless start with a fresh user folder: no recovery prompt, no old settings."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        WORKBENCH_SMOKE_TEST="1",
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        MPLCONFIGDIR=str(home / "mpl"),
    )
    return env


def smoke(app_folder: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    """Start the frozen window headless on the sample plan; it prints `smoke-ok …` and quits."""
    program = app_folder / f"workbench{EXE_SUFFIX}"
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as home:
        return subprocess.run(
            [str(program)],
            env=smoke_env(Path(home)),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PyInstaller 单文件夹构建")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="输出文件夹")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="清除 PyInstaller 缓存后重建")
    parser.add_argument("--smoke", action="store_true", help="构建后无界面启动并打开示例计划")
    args = parser.parse_args(argv)
    started = time.monotonic()
    app = build(args.dist, args.work, clean=args.clean)
    seconds = time.monotonic() - started
    print(f"已构建 {app}：{seconds:.0f} 秒，{folder_size(app) / 2**20:.0f} MiB")
    if args.smoke:
        done = smoke(app)
        print(done.stdout.strip())
        if done.returncode != 0:
            print(done.stderr[-4000:], file=sys.stderr)
            print(f"冒烟测试失败：退出码 {done.returncode}", file=sys.stderr)
            return 1
        print("冒烟测试通过")
    return 0


if __name__ == "__main__":
    sys.exit(main())
