"""Team review in the window: the window fixtures of tests/ui, the team archive of the
archive's team tests (tests/archive/team/conftest.py: the sample plan as version 1 on the
suite's PostgreSQL server, a lead and two reviewers with passwords), and a keyring that
lives in memory so no test touches the machine's real password store."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from tests.archive.conftest import postgres_server  # noqa: F401 - a fixture, found by name
from tests.archive.team.conftest import (
    Team,
    make_team,
    team_server,  # noqa: F401 - a fixture, found by name
)
from tests.ui.conftest import (  # noqa: F401 - fixtures, found by name
    clean_clipboard,
    data_dir,
    make_window,
    message_boxes,
)


class MemoryKeyring(KeyringBackend):
    """The platform keyring's interface over a dict, for tests."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def team(request) -> Team:
    """A team archive of this test's own (its conflicts and marks meet no other test's)."""
    return make_team(request.getfixturevalue("team_server"), "ui")
