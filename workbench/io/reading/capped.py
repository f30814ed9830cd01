"""Read an untrusted workbook in a child process that cannot take the application down.

The child is started from this installed package in isolated mode (`python -I`: neither the
current folder nor PYTHONPATH is on its path, so a planted `workbench/` folder is never
imported), under an address-space cap and a time limit (on Windows a job object caps the
memory the reader may commit).
The child reads the bytes the parent checked, from its standard input: never the path, which
may name another file by now. Its rows come back as JSON; nothing the child prints is
executed or unpickled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workbench import progress
from workbench.io.errors import FileProblem

CHILD_TIMEOUT_S = 30
CHILD_MEMORY_BYTES = 448 * 1024 * 1024
CHILD_CPU_S = 60

_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from workbench.io.reading import xls_worker; "
    "sys.exit(xls_worker.run_isolated(sys.argv[2], sys.argv[3:]))"
)


def _limit_child() -> None:  # pragma: no cover - runs in the child, between fork and exec
    import resource

    for limit, value in (
        (resource.RLIMIT_AS, CHILD_MEMORY_BYTES),
        (resource.RLIMIT_CPU, CHILD_CPU_S),
        (resource.RLIMIT_CORE, 0),
    ):
        try:
            resource.setrlimit(limit, (value, value))
        except (ValueError, OSError):
            pass


def _windows_memory_cap(proc: subprocess.Popen):  # pragma: no cover - Windows only
    """Put the reader in a job object whose processes may not commit more than
    CHILD_MEMORY_BYTES (Windows has no RLIMIT_AS). Best effort: without it the time limit
    still applies. Returns (job handle, kernel32) to close afterwards, or None."""
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE

        class Basic(ctypes.Structure):
            _fields_ = [
                ("PerProcessUserTimeLimit", ctypes.c_int64),
                ("PerJobUserTimeLimit", ctypes.c_int64),
                ("LimitFlags", wintypes.DWORD),
                ("MinimumWorkingSetSize", ctypes.c_size_t),
                ("MaximumWorkingSetSize", ctypes.c_size_t),
                ("ActiveProcessLimit", wintypes.DWORD),
                ("Affinity", ctypes.c_size_t),
                ("PriorityClass", wintypes.DWORD),
                ("SchedulingClass", wintypes.DWORD),
            ]

        class Counters(ctypes.Structure):
            _fields_ = [(name, ctypes.c_ulonglong) for name in ("r", "w", "o", "rb", "wb", "ob")]

        class Extended(ctypes.Structure):
            _fields_ = [
                ("BasicLimitInformation", Basic),
                ("IoInfo", Counters),
                ("ProcessMemoryLimit", ctypes.c_size_t),
                ("JobMemoryLimit", ctypes.c_size_t),
                ("PeakProcessMemoryUsed", ctypes.c_size_t),
                ("PeakJobMemoryUsed", ctypes.c_size_t),
            ]

        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return None
        info = Extended()
        limit_process_memory, kill_on_job_close = 0x100, 0x2000
        info.BasicLimitInformation.LimitFlags = limit_process_memory | kill_on_job_close
        info.ProcessMemoryLimit = CHILD_MEMORY_BYTES
        extended_limit_information = 9
        if not kernel32.SetInformationJobObject(
            job, extended_limit_information, ctypes.byref(info), ctypes.sizeof(info)
        ) or not kernel32.AssignProcessToJobObject(job, wintypes.HANDLE(int(proc._handle))):
            kernel32.CloseHandle(job)
            return None
        return job, kernel32
    except (OSError, AttributeError, ValueError, TypeError):
        return None


def worker_command(path: Path, kind: str, reader: str) -> list[str]:
    """The child's command line: this interpreter, isolated, importing this very package.
    A frozen app has no interpreter to isolate: it runs itself, and its entry point
    (resources/build/frozen_entry.py) hands `-m workbench.io.reading.xls_worker` to the reader."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "-m", "workbench.io.reading.xls_worker", str(path), kind, reader]
    import workbench

    package = Path(workbench.__file__).resolve().parent
    return [
        sys.executable,
        "-I",
        "-c",
        _BOOT,
        str(package.parent),
        str(package),
        str(path),
        kind,
        reader,
    ]


def read_in_child(
    data: bytes, path: Path, kind: str, reader: str = "calamine"
) -> tuple[list, str, list[str]]:
    """(sheets as dicts, reader used, notes) of `data`, the file as read and checked once;
    FileProblem with a one-line reason otherwise. `path` only names the file in messages
    (and its stem names a text table's sheet)."""
    from workbench.io.reading.xls_worker import decode_value

    options: dict = {}
    if os.name == "posix":
        options["preexec_fn"] = _limit_child
    else:  # pragma: no cover - Windows
        options["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    env = {**os.environ, "RUST_BACKTRACE": "0"}  # -I already ignores PYTHONPATH and friends
    try:
        proc = subprocess.Popen(
            worker_command(path, kind, reader),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.PIPE,
            env=env,
            **options,
        )
    except OSError as exc:
        raise FileProblem(f"无法启动读取进程（{exc.strerror or exc}）", path) from None
    job = _windows_memory_cap(proc) if os.name == "nt" else None
    try:
        with progress.stops(proc.kill):  # 取消 in the window ends the child at once
            stdout, _stderr = proc.communicate(data, timeout=CHILD_TIMEOUT_S)
        progress.check()
    except BrokenPipeError:  # the child died before taking the whole file
        proc.kill()
        stdout, _stderr = proc.communicate()
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise FileProblem(
            f"读取超过 {CHILD_TIMEOUT_S} 秒仍未完成，文件可能已损坏，已停止", path
        ) from None
    except progress.Cancelled:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
        raise
    finally:
        if job is not None:  # pragma: no cover - Windows
            job[1].CloseHandle(job[0])
    result = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, b"")
    try:
        payload = json.loads(result.stdout.decode("utf-8"), object_hook=decode_value)
    except (UnicodeDecodeError, ValueError, TypeError):
        payload = None
    if result.returncode != 0 or not isinstance(payload, dict) or "sheets" not in payload:
        if isinstance(payload, dict) and isinstance(payload.get("error"), str):
            raise FileProblem(payload["error"], path)
        if result.returncode < 0 or result.returncode in (134, 137, 139):
            raise FileProblem(
                "文件已损坏或含有异常大的数据区域，读取时超出内存上限或异常终止，已拒绝", path
            )
        raise FileProblem("文件无法读取（读取进程没有给出完整结果）", path)
    from workbench.io.reading.xls_worker import restore_rows

    try:
        strings = payload.get("strings", [])
        for sheet in payload["sheets"]:
            sheet["rows"] = restore_rows(sheet["rows"], strings)
    except (KeyError, TypeError, IndexError, AttributeError):
        raise FileProblem("文件无法读取（读取进程的结果不完整）", path) from None
    return payload["sheets"], str(payload.get("reader", reader)), list(payload.get("notes", []))
