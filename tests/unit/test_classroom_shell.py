"""The interactive shell's classroom words: the banner, help, completion in context and the
export message (the REPL's own text; not Docker's)."""

from __future__ import annotations

import pytest

from dockernet_sim.__main__ import SHELL_HELP, banner, completions, export_message
from dockernet_sim.completion import FIRST_WORDS
from dockernet_sim.host import DockerHost
from dockernet_sim.terminal import Session


def session() -> Session:
    s = Session(engine="28", factory=DockerHost)
    for line in ("docker network create back-end", "docker network create front",
                 "docker run -itd --name web-1 --network front busybox", "docker run -itd --name db busybox"):
        assert s.run_line(line).exit_code == 0
    return s


def test_the_banner_names_the_engine_and_how_to_pick_the_tutorials() -> None:
    from dockernet_sim.engines import PROFILES
    for name, p in PROFILES.items():
        text = banner(p)
        assert f"Docker Engine {p.engine_version}" in text
        assert all(f"--engine {n}" in text for n in PROFILES if n != name)
    assert "the tutorial's generation is --engine 20.10" in banner(PROFILES["28"])


def test_help_names_trace_and_whois() -> None:
    assert "trace SRC DST" in SHELL_HELP and "whois IP" in SHELL_HELP


def test_completion_knows_the_context() -> None:
    s = session()
    assert completions(s, "docker network inspect ", "") == ["back-end", "bridge", "front", "host", "none"]
    assert completions(s, "docker network inspect ba", "ba") == ["back-end"]
    assert completions(s, "docker exec ", "") == ["db", "web-1"]
    assert completions(s, "docker exec we", "we") == ["web-1"]
    assert completions(s, "docker network connect front ", "") == ["db", "web-1"]
    assert completions(s, "docker run --network ", "") == ["back-end", "bridge", "front", "host", "none", "container:"]
    assert completions(s, "docker run --network container:w", "container:w") == ["container:web-1"]
    assert "trace" in completions(s, "tr", "tr") and "whois" in completions(s, "wh", "wh")


@pytest.mark.parametrize("engine", ["20.10", "26", "28"])
def test_completion_follows_the_engines_command_tree(engine: str) -> None:
    """Each word offers what that place takes, read from the engine's own help: subcommands,
    flags, and per Usage: slot containers, networks or images; nothing where a new name goes.
    Before, every other place offered one flat list (`docker network i` gave ip and iptables,
    `docker rm -f w` gave whois, `trace aa ` gave docker)."""
    s = Session(engine=engine, factory=DockerHost)
    for line in ("docker network create back-end", "docker run -itd --name web-1 --network back-end busybox"):
        assert s.run_line(line).exit_code == 0
    def offers(line: str) -> list[str]:
        return completions(s, line, line.split(" ")[-1])
    assert offers("docker network i") == ["inspect"]
    assert offers("docker ne") == ["network"]
    assert offers("docker container e") == ["exec", "export"]
    assert "--network" in offers("docker run --ne") and "--subnet" in offers("docker network create --sub")
    assert offers("docker rm -f w") == ["web-1"]
    assert offers("docker exec -u root w") == ["web-1"]          # a flag's value is not the container
    assert offers("docker exec web-1 ") == []                     # the command: the container's, not ours
    assert offers("docker network disconnect back-end w") == ["web-1"]
    assert offers("docker network connect b") == ["back-end", "bridge"]
    assert offers("docker network create ") == []                 # a new name
    assert offers("docker inspect b") == ["back-end", "bridge"] and offers("docker inspect w") == ["web-1"]
    assert offers("docker run -itd --name xx --network back-end b") == ["busybox"]
    assert offers("docker run --net=b") == ["--net=back-end", "--net=bridge"]
    assert offers("trace w") == ["web-1"] and offers("trace web-1 o") == ["outside"] and offers("trace aa b ") == []
    assert "172.18.0.2" in offers("whois 172.18") and offers("sudo docker exec w") == ["web-1"]
    assert offers("") == list(FIRST_WORDS) and offers("ip r") == ["route"]


def test_the_export_message_says_what_the_script_does() -> None:
    assert "--cleanup" in export_message("topo.sh", False)
    assert "--cleanup" not in export_message("undo.sh", True) and "remove" in export_message("undo.sh", True)


def scripted(lines: list[str]) -> tuple[object, list[str], list[str]]:
    feed = iter(lines)
    prompts: list[str] = []
    out: list[str] = []

    def read(prompt: str = "") -> str:
        prompts.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None
    return read, prompts, out


def test_exec_it_sh_opens_a_nested_prompt_and_exit_comes_back() -> None:
    from dockernet_sim.__main__ import nested_shell
    s = session()
    read, prompts, out = scripted(["hostname -i", "ip route | grep default", "exit"])
    assert nested_shell(s, "docker exec -it db sh", read, lambda r: out.append(r.stdout + r.stderr))
    assert prompts == ["/ # "] * 3
    assert out[0].strip() == "172.17.0.2" and out[1].startswith("default via 172.17.0.1")
    assert not nested_shell(s, "docker exec db ip a", read, lambda r: None)      # not interactive
    assert not nested_shell(s, "docker exec -it db ip a", read, lambda r: None)  # not a shell


def test_run_it_rm_busybox_opens_a_shell_and_goes_away() -> None:
    from dockernet_sim.__main__ import interactive_shell, nested_shell
    s = session()
    before = len(s.host.containers)
    read, prompts, out = scripted(["hostname -i", "exit"])
    assert nested_shell(s, "docker run -it --rm --network front busybox", read, lambda r: out.append(r.stdout + r.stderr))
    assert out[0].strip().startswith("172.") and len(s.host.containers) == before
    read, prompts, out = scripted(["exit"])
    assert nested_shell(s, "docker run -it --name keep busybox sh", read, lambda r: None)
    assert "Exited (0)" in s.run_line("docker ps -a --filter name=keep --format '{{.Status}}'").stdout
    assert interactive_shell("docker run -it busybox ping -c 1 xx") is None
    assert interactive_shell("docker run -itd busybox") is None


def test_the_nested_shell_is_one_process_and_its_exit_status_comes_back() -> None:
    """Typed line by line, as busybox ash would: $? of the line before, variables and cd last
    (the prompt shows the directory), and `exit N` is the host's $? after `docker exec -it`."""
    from dockernet_sim.__main__ import nested_shell
    s = session()
    read, prompts, out = scripted(["false", "echo $?", "X=5", "echo $X", "cd /etc", "pwd", "exit 7"])
    assert nested_shell(s, "docker exec -it db sh", read, lambda r: out.append(r.stdout + r.stderr))
    assert out == ["", "1\n", "", "5\n", "", "/etc\n", ""]
    assert prompts == ["/ # "] * 5 + ["/etc # "] * 2
    assert s.run_line("echo $?").stdout == "7\n"
    read, prompts, out = scripted(["true && echo yes", "ls /nope || echo fallback"])
    assert nested_shell(s, "docker exec -it db sh", read, lambda r: out.append(r.stdout + r.stderr))
    assert out[0] == "yes\n" and out[1].startswith("fallback\n") and out[-1] == "\n"   # end of input
    assert s.run_line("echo $?").stdout == "0\n"


def test_run_it_shell_exits_with_its_status_and_a_command_is_not_a_prompt() -> None:
    from dockernet_sim.__main__ import interactive_shell, nested_shell
    s = session()
    read, prompts, out = scripted(["exit 3"])
    assert nested_shell(s, "docker run -it --name three busybox", read, lambda r: out.append(r.stdout + r.stderr))
    assert s.run_line("echo $?").stdout == "3\n"
    assert "Exited (3)" in s.run_line("docker ps -a --filter name=three --format '{{.Status}}'").stdout
    assert interactive_shell('docker run -it busybox sh -c "exit 5"') is None
    assert interactive_shell("sudo docker exec -it db sh") == ("exec", ["db"], "sh")
    assert interactive_shell("docker exec -it db sh -c 'exit 5'") is None


def test_a_nested_shell_the_image_lacks_or_a_missing_container_does_not_open() -> None:
    from dockernet_sim.__main__ import nested_shell
    s = session()
    read, prompts, out = scripted(["echo never"])
    assert nested_shell(s, "docker exec -it db bash", read, lambda r: out.append(r.stdout + r.stderr))
    assert prompts == [] and 'exec: "bash": executable file not found' in out[0]
    assert s.run_line("echo $?").stdout == "127\n"
    assert nested_shell(s, "docker exec -it nope sh", read, lambda r: out.append(r.stdout + r.stderr))
    assert prompts == [] and "No such container: nope" in out[1]


def test_the_tutorials_centos_opens_bash_and_its_sh_is_ip() -> None:
    """The recordings' iproute2 image: bash is GNU bash (its prompt, its `exit` line), and every
    other applet name runs ip, so `sh` prints ip's usage instead of a prompt."""
    from dockernet_sim.__main__ import nested_shell
    s = Session(engine="20.10", factory=DockerHost)
    assert s.directive("image centos:latest CMD /bin/bash TOOLS iproute2") is None
    assert s.run_line("docker run -itd --name nasa centos").exit_code == 0
    read, prompts, out = scripted(["cd /etc", "exit 4"])
    assert nested_shell(s, "docker exec -it nasa bash", read, lambda r: out.append(r.stdout + r.stderr))
    assert prompts == ["bash-5.2# "] * 2 and out[-1] == "exit\n" and s.run_line("echo $?").stdout == "4\n"
    read, prompts, out = scripted(["echo never"])
    assert nested_shell(s, "docker exec -it nasa sh", read, lambda r: out.append(r.stdout + r.stderr))
    assert prompts == [] and out[0].startswith("Usage: ip ") and s.run_line("echo $?").stdout == "255\n"


def test_ctrl_c_at_the_nested_prompt_gives_a_new_prompt() -> None:
    from dockernet_sim.__main__ import nested_shell
    s = session()
    feed = iter([KeyboardInterrupt, "echo still", "exit"])
    out: list[str] = []

    def read(prompt: str) -> str:
        item = next(feed)
        if item is KeyboardInterrupt:
            raise KeyboardInterrupt
        return str(item)
    assert nested_shell(s, "docker exec -it db sh", read, lambda r: out.append(r.stdout + r.stderr))
    assert [o for o in out if o] == ["\n", "still\n"]


def test_help_is_the_engines_own() -> None:
    for engine, first in (("28", "Usage:  docker network create [OPTIONS] NETWORK"),
                          ("26", ""), ("20.10", "")):
        s = Session(engine=engine, factory=DockerHost)
        r = s.run_line("docker network create --help")
        assert r.exit_code == 0 and r.stderr == "" and r.stdout.splitlines()[0] == first
        assert "--subnet" in r.stdout and ("--ipv4" in r.stdout) == (engine == "28")
        h = s.run_line("docker network create -h")
        assert h.stdout.startswith("Flag shorthand -h has been deprecated") and h.stdout.endswith(r.stdout)
        assert s.run_line("docker run --help").stdout.count("--network") >= 1
        assert s.run_line("docker exec --help").exit_code == 0
        assert s.run_line("docker network create foo --help").stdout == r.stdout
        # after the image, --help is the container's command's
        s.run_line("docker run -itd --name cc busybox")
        assert "Usage:  docker exec" not in s.run_line("docker exec cc ls --help").stdout
        assert s.run_line("docker network ls").exit_code == 0


def test_engine_26_knows_every_command_of_its_client() -> None:
    """26's data is the whole client (r133_help_all): commands the model does not run still
    answer --help as the client would, aliases print their command's help, the legacy builder
    warns on stderr, and a daemon-hidden command says why."""
    s = Session(engine="26", factory=DockerHost)
    r = s.run_line("docker volume ls --help")
    assert r.exit_code == 0 and r.stdout.startswith("\nUsage:  docker volume ls [OPTIONS]\n")
    assert "Aliases:\n  docker volume ls, docker volume list\n" in r.stdout
    assert s.run_line("docker volume list --help").stdout == r.stdout
    assert s.run_line("docker network remove --help").stdout == s.run_line("docker network rm --help").stdout
    b = s.run_line("docker build --help")
    assert b.stderr.startswith("DEPRECATED: The legacy builder is deprecated") and "--tag" in b.stdout
    assert s.run_line("docker checkpoint --help").stdout.startswith(
        "docker checkpoint is only supported on a Docker daemon with experimental features enabled")
    top = s.run_line("docker --help").stdout
    assert "  swarm       Manage Swarm\n" in top and "  service " not in top     # swarm inactive
    # 20.10 and 28 answer from their own clients' walks (r134, r135), in their own words
    for engine in ("20.10", "28"):
        other = Session(engine=engine, factory=DockerHost).run_line("docker volume ls --help")
        assert other.exit_code == 0 and other.stdout.lstrip("\n").startswith("Usage:  docker volume ls [OPTIONS]\n")
    assert "Aliases:\n  ls, list\n" in Session(engine="20.10", factory=DockerHost).run_line(
        "docker volume ls --help").stdout


def test_a_plain_host_has_no_recording_leftovers() -> None:
    from dockernet_sim.daemon.config import HostSpec
    plain = DockerHost(engine="28").sh("ip -br link").stdout
    assert "ifb0" not in plain and "eth0" in plain
    s = Session(engine="28", factory=DockerHost)
    assert s.directive("host hostname=vm eth0=192.0.2.2/24") is None      # a recording machine
    assert "ifb0" in s.run_line("ip -br link").stdout
    assert HostSpec.from_directive(["links=dummy0"]).extra_links == ("dummy0",)
    assert HostSpec.from_directive(["links="]).extra_links == ()


def test_the_repl_takes_directives_clear_and_keeps_history(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import builtins
    from dockernet_sim import __main__ as main
    monkeypatch.setenv("HOME", str(tmp_path))
    lines = iter(["#! host hostname=lab name=example.com=203.0.113.10", "docker run -itd --name aa busybox",
                  "docker exec aa ping -c1 example.com", "clear", "#! bogus", "exit"])
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(lines))
    assert main.repl("28", 0) == 0
    out, err = capsys.readouterr()
    assert out.startswith("dockernet_sim shell: Docker Engine")
    assert "PING example.com (203.0.113.10)" in out and "1 packets transmitted" in out
    assert "\033[2J" in out and "bogus" in err
    readline = pytest.importorskip("readline")
    readline.add_history("docker network ls")
    path = tmp_path / main.HISTORY_FILE
    main._save_history(readline, str(path))
    assert "docker network ls" in path.read_text()


def test_exit_at_the_prompt_leaves_with_bashs_status(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`exit N` (alone or after &&) leaves the shell with N, a bare `exit` or end of input with
    the last command's status, as an interactive bash does."""
    import builtins
    from dockernet_sim import __main__ as main
    monkeypatch.setenv("HOME", str(tmp_path))
    for lines, code in ((["false", "exit"], 1), (["exit 4", "echo never"], 4), (["true && exit 6", "echo never"], 6),
                        (["false"], 1), (["(exit 6)", "echo $?"], 0)):
        read, _, _ = scripted(lines)
        monkeypatch.setattr(builtins, "input", read)
        assert main.repl("28", 0) == code, lines
        assert "never" not in capsys.readouterr().out


def test_run_h_is_the_hostname_not_help() -> None:
    s = Session(engine="28", factory=DockerHost)
    r = s.run_line("docker run --rm -h box.example.com busybox hostname")
    assert r.stdout == "box.example.com\n"


def test_completion_module_examples() -> None:
    import doctest
    from dockernet_sim import completion
    assert doctest.testmod(completion).failed == 0
