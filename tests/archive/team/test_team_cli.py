"""The team commands as a script runs them, each as its own role (the password from the
keyring or pgpass, never the command line): a refusal of the server's is exit 1 with one
line naming what was refused."""

from __future__ import annotations

import io
import json

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.archive.team.conftest import INDICATORS, PASSWORD, SECTOR
from workbench.app import team as app_team
from workbench.cli import main
from workbench.io.opener import open_document, sample_plan_path


class MemoryKeyring(KeyringBackend):
    """A keyring kept in memory (the test machine has no platform keyring)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def as_role(team, memory_keyring):
    """The URL of a role (no password in it), its password remembered in the keyring."""

    def url(role: str) -> str:
        plain = team.url(role, password=None)
        assert app_team.remember_password(plain, PASSWORD)
        return plain

    return url


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["archive", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_password_is_filed_under_user_host_port_db(team, memory_keyring):
    url = team.url(team.ann, password=None)
    assert app_team.remember_password(url, "x")
    key = f"{team.ann}@127.0.0.1:{team.server.port}/{team.database}"
    assert memory_keyring.kept == {("workbench-archive", key): "x"}
    app_team.forget_password(url)
    assert memory_keyring.kept == {}


def test_a_reviewer_marks_her_rows_by_name_and_is_refused_elsewhere(team, as_role, capsys):
    ann = as_role(team.ann)
    code, out, err = _run(
        capsys, "mark", str(team.version_id), "--table", "附件一 2021年指标执行", "--row",
        "进出口总额增长", "--status", "存疑", "--comment", "与海关数据不符", "--db", ann, "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert (data["table"], data["row"], data["status"]) == (INDICATORS, "r6", "存疑")
    assert [o["outcome"] for o in data["outcomes"]] == ["applied", "applied"]
    code, out, err = _run(
        capsys, "mark", str(team.version_id), "--table", "2021年重大项目", "--row",
        "铜梁区技术研究院项目", "--status", "已审", "--db", ann,
    )  # fmt: skip
    assert code == 1 and out == ""
    line = err.strip()
    assert "\n" not in line and "未分配给" in line and "铜梁区技术研究院项目" in line


def test_reviewer_b_marks_inside_her_sector_only(team, as_role, capsys):
    bob = as_role(team.bob)
    common = ["--table", "projects_2021", "--status", "已审", "--db", bob]
    assert (
        _run(capsys, "mark", str(team.version_id), "--row", "铜梁区技术研究院项目", *common)[0] == 0
    )
    doc = open_document(sample_plan_path())
    projects = doc.tables["projects_2021"]
    outside = next(k for k in projects.keys if projects.rows[k]["sector"] != SECTOR)
    code, _out, err = _run(capsys, "mark", str(team.version_id), "--row", outside, *common)
    assert code == 1 and "未分配给" in err and team.bob in err


def test_names_that_are_missing_or_shared_are_named(team, as_role, capsys):
    ann = as_role(team.ann)
    code, _out, err = _run(
        capsys, "mark", str(team.version_id), "--table", "没有的表", "--row", "x", "--status",
        "已审", "--db", ann,
    )  # fmt: skip
    assert code == 1 and "没有表“没有的表”" in err and "附件一 2021年指标执行" in err
    code, _out, err = _run(
        capsys, "mark", str(team.version_id), "--table", INDICATORS, "--row", "没有的指标",
        "--status", "已审", "--db", ann,
    )  # fmt: skip
    assert code == 1 and "没有名为“没有的指标”的行" in err


def test_only_the_lead_assigns_and_approves(team_server, memory_keyring, capsys, monkeypatch):
    from tests.archive.team.conftest import make_team

    t = make_team(team_server, "cliapprove")
    for role in (t.lead, t.ann):
        app_team.remember_password(t.url(role, password=None), PASSWORD)
    lead, ann = t.url(t.lead, password=None), t.url(t.ann, password=None)
    v = str(t.version_id)
    code, _out, err = _run(capsys, "assign", v, "--table", INDICATORS, "--to", t.ann, "--db", ann)
    assert code == 1 and "只有组长" in err and "分配" in err
    code, out, err = _run(
        capsys, "assign", v, "--table", "2021年重大项目", "--sector", SECTOR, "--to", t.ann,
        "--db", lead, "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["sector"] == SECTOR and json.loads(out)["assigned_by"] == t.lead
    code, _out, err = _run(capsys, "approve", v, "--db", ann)
    assert code == 1 and "只有组长" in err and t.ann in err
    code, out, err = _run(capsys, "approve", v, "--db", lead, "--json")
    assert code == 0, err
    assert json.loads(out)["approved"] is True
    code, _out, err = _run(
        capsys, "mark", v, "--table", INDICATORS, "--row", "r1", "--status", "已审", "--db", lead
    )
    assert code == 1 and "已审定" in err


def test_role_add_reads_the_password_from_stdin(team, memory_keyring, capsys, monkeypatch):
    name = f"carol_{team.ann.rsplit('_', 1)[-1]}"
    monkeypatch.setattr("sys.stdin", io.StringIO("新密码-1\n"))
    code, out, err = _run(
        capsys, "role", "add", name, "--password-stdin", "--db", team.admin_url, "--json"
    )
    assert code == 0, err
    assert json.loads(out) == {"role": name, "lead": False, "created": True}
    with team.plain(name, "新密码-1") as carol:
        assert carol.execute("SELECT pg_has_role('workbench_reviewer', 'MEMBER')").fetchone() == (
            True,
        )
    # a reviewer has no CREATEROLE: refused by the server, in one line
    ann = team.url(team.ann)
    code, _out, err = _run(capsys, "role", "add", "mallory", "--db", ann)
    assert code == 1 and "CREATEROLE" in err


def test_pgpass_gives_the_password_when_the_keyring_has_none(
    team, memory_keyring, capsys, tmp_path, monkeypatch
):
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{team.server.port}:{team.database}:{team.bob}:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    code, _out, err = _run(capsys, "list", "--db", team.url(team.bob, password=None))
    assert code == 0, err
    code, _out, err = _run(
        capsys, "mark", str(team.version_id), "--table", "projects_2021", "--row", "r1",
        "--status", "存疑", "--db", team.url(team.bob, password=None),
    )  # fmt: skip
    assert code == 0, err


def test_team_commands_need_a_server(tmp_path, capsys):
    db = str(tmp_path / "archive.sqlite")
    for argv in (["role", "add", "x"], ["assign", "1", "--table", "t", "--to", "x"]):
        code, _out, err = _run(capsys, *argv, "--db", db)
        assert code == 1 and "团队审核需要 PostgreSQL 计划库服务器" in err
    assert not (tmp_path / "archive.sqlite").exists()


def test_the_window_hears_a_mark_and_reads_progress_with_the_keyring_password(
    team, as_role, capsys
):
    lead = as_role(team.lead)  # the window's own connection: password from the keyring
    with app_team.Listener(lead, team.version_id) as listener:
        assert listener.poll(0.05) == []
        code, _out, err = _run(
            capsys, "mark", str(team.version_id), "--table", INDICATORS, "--row", "r9",
            "--status", "退回", "--db", as_role(team.ann),
        )  # fmt: skip
        assert code == 0, err
        heard = []
        for _ in range(50):
            heard += listener.poll(0.2)
            if heard:
                break
    assert heard and heard[0].version_id == team.version_id
    assert app_team.progress_of(lead, team.version_id)[INDICATORS][team.ann]["退回"] == 1
