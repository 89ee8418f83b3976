"""`briefing config --path`, `--init` and the check, run as the installed command would be."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO_ROOT


def briefing(*args, env_home, extra_env=None):
    env = {"BRIEFING_HOME": str(env_home), "PATH": "/usr/bin:/bin", **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True,
                          cwd=REPO_ROOT, env=env, timeout=60)


def test_path_init_and_check(tmp_path):
    home = tmp_path / "home"
    shown = briefing("config", "--path", env_home=home)
    assert shown.returncode == 0 and shown.stdout.strip() == str(home / "config.toml")
    assert not (home / "config.toml").exists()
    checked = briefing("config", env_home=home)
    assert checked.returncode == 0 and "every setting has its default" in checked.stdout
    written = briefing("config", "--init", env_home=home)
    assert written.returncode == 0 and (home / "config.toml").read_text().startswith("# briefing's config")
    again = briefing("config", "--init", env_home=home)
    assert again.returncode == 1 and "exists already" in again.stderr
    assert briefing("config", env_home=home).returncode == 0


def test_check_reports_each_problem_in_one_line(tmp_path):
    config = tmp_path / "mine.toml"
    config.write_text('theme = "nord"\nfont = "x"\n[keys]\n"notes.nothing" = "x"\n')
    result = briefing("config", env_home=tmp_path / "home", extra_env={"BRIEFING_CONFIG": str(config)})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{config}:2: unknown setting 'font' (known: theme, model, exports, summary_sentences, keys); ignored",
        f"{config}:4: no command 'notes.nothing' to bind (the help screen, ?, lists them); ignored",
    ]
    assert briefing("config", "--path", "--config", str(config), env_home=tmp_path).stdout.strip() == str(config)


def test_analyze_takes_the_config_model_as_its_default(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('model = "no_such_pipeline_here"\n')
    brief = tmp_path / "b.txt"
    brief.write_text("Angela Merkel met Emmanuel Macron in Paris.\n")
    result = briefing("analyze", str(brief), "--config", str(config), env_home=tmp_path / "home")
    assert result.returncode == 2 and "no_such_pipeline_here" in result.stderr
