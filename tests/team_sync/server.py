"""The archive tests' throwaway PostgreSQL server, able to die and come back: the sync must
survive the server killed mid-push (SIGKILL to the postmaster, as a power cut or an OOM
kill would) and restarted on the same data folder and port."""

from __future__ import annotations

import os
import signal
import time

from tests.archive import pg_server


class RestartableServer(pg_server.Server):
    def kill(self) -> None:
        """SIGKILL the postmaster; its backends go with it (they lose their parent and the
        shared memory the restart reinitialises)."""
        pid = int((self.data / "postmaster.pid").read_text().splitlines()[0])
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        raise RuntimeError("postmaster did not die")

    def restart(self) -> None:
        """Start again on the same data and port; crash recovery replays the WAL."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        done = self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log2"),
            "-w",
            "-t",
            "120",
            "start",
        )
        if done.returncode:
            log = (self.folder / "log2").read_text(errors="replace")[-800:]
            raise RuntimeError("postgres did not restart: " + done.stderr[-400:] + log)
