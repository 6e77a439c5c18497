#!/usr/bin/env python3
"""Drives `attune play` through a pseudo-terminal, as a trainee at a real terminal would.

Usage: terminal_session.py ATTUNE_BINARY SCENARIO WORKDIR CASE

Each CASE exercises one behaviour of the prompt; the script exits 0 when it holds and prints
what went wrong otherwise. Every wait has a timeout, so a hang fails instead of hanging.
"""
import json
import os
import signal
import subprocess
import sys
import time

import pexpect

BINARY, SCENARIO, WORKDIR, CASE = sys.argv[1:5]
TIMEOUT = 15
ENV = dict(os.environ, TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=WORKDIR,
           XDG_STATE_HOME=os.path.join(WORKDIR, "state"), NO_COLOR="1", COLUMNS="80")
TRANSCRIPT = os.path.join(WORKDIR, "session.jsonl")
# The options are shuffled from the seed: the caller gives the displayed numbers of the
# file-order answers 1, 2, 1 (open-explore, explore-own, restored-plan) for seed 7.
ANSWERS = os.environ.get("ATTUNE_TEST_ANSWERS", "1,2,1").split(",")


def fail(message, child=None):
    print("FAIL:", message)
    if child is not None:
        print("--- screen so far ---")
        print((child.before or "") + (child.after if isinstance(child.after, str) else ""))
    sys.exit(1)


def spawn(extra="", colour=False, transcript=TRANSCRIPT):
    """Starts a shell in a pty that records `stty -g`, runs attune, and records it again.

    The shell traps the signals it would otherwise die of: at a real terminal, job control
    gives attune a process group of its own, so a Ctrl-C or a signal to attune never reaches
    the shell; here they share one.
    """
    script = (
        "trap : INT TERM HUP; "
        f"stty -g > {WORKDIR}/stty-before; "
        f"'{BINARY}' play '{SCENARIO}' --seed 7 --transcript {transcript} {extra}; "
        f"echo \"exit=$?\"; stty -g > {WORKDIR}/stty-after"
    )
    env = dict(ENV)
    if colour:
        del env["NO_COLOR"]
    child = pexpect.spawn("/bin/sh", ["-c", script], env=env, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, 100))
    return child


def attune_pid(child):
    """The pid of the attune that `child`'s shell runs: only a child of that shell, so that
    no other attune on the machine (another test's, or another user's) is signalled."""
    return int(subprocess.check_output(["pgrep", "-n", "-P", str(child.pid), "-f", "attune play"])
               .strip())


def expect(child, pattern):
    try:
        child.expect(pattern)
    except (pexpect.TIMEOUT, pexpect.EOF) as error:
        fail(f"waited for {pattern!r}: {type(error).__name__}", child)


def prompt(child, number):
    expect(child, f"turn {number} · practice › ")


def events():
    with open(TRANSCRIPT, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.endswith("\n")]


def finish(child, status=0):
    expect(child, pexpect.EOF)
    child.close()
    if f"exit={status}" not in (child.before or ""):
        fail(f"expected exit status {status}", child)
    with open(f"{WORKDIR}/stty-before") as a, open(f"{WORKDIR}/stty-after") as b:
        before, after = a.read(), b.read()
    if before != after:
        fail(f"terminal not restored: stty -g before {before!r} after {after!r}")


def play_to_end(child):
    for number, answer in [(1, ANSWERS[0]), (2, ANSWERS[1]), (3, ANSWERS[2])]:
        prompt(child, number)
        child.send(answer + "\r")
    expect(child, "Transcript saved:")


def case_tab_completion():
    child = spawn()
    prompt(child, 1)
    child.send(":he\t")
    expect(child, "lp ")  # libedit completes ":he" to ":help " in place
    child.send("\r")
    expect(child, "Commands:")
    prompt(child, 1)
    child.send(":pro\t\r")
    expect(child, "Presenting concern")
    play_to_end(child)
    finish(child)


def case_history_recall():
    child = spawn()
    prompt(child, 1)
    child.send(":profile\r")
    expect(child, "Presenting concern")
    prompt(child, 1)
    child.send("\x1b[A")  # Up arrow: the last line again
    expect(child, ":profile")
    child.send("\r")
    expect(child, "Presenting concern")
    play_to_end(child)
    finish(child)
    history = os.path.join(WORKDIR, "state", "attune", "history")
    if not os.path.exists(history):
        fail("no history file kept between sessions")
    if oct(os.stat(history).st_mode & 0o777) != "0o600":
        fail("history file is not private")


def case_utf8_editing():
    child = spawn()
    prompt(child, 1)
    child.send(":note héllo")
    expect(child, "héllo")
    child.send("\x7f\x7f\x7fi\r")  # three backspaces over l, l, o, then "i"
    expect(child, "Noted.")
    play_to_end(child)
    finish(child)
    notes = [e["text"] for e in events() if e["event"] == "note"]
    if notes != ["héi"]:
        fail(f"expected the note 'héi', found {notes!r}")


def case_ctrl_c_cancels_the_line():
    child = spawn()
    prompt(child, 1)
    child.send("3")
    expect(child, "3")
    child.send("\x03")
    expect(child, "line cancelled")
    prompt(child, 1)
    child.send(ANSWERS[0] + "\r")
    prompt(child, 2)
    child.send(ANSWERS[1] + "\r")
    prompt(child, 3)
    child.send(ANSWERS[2] + "\r")
    expect(child, "Transcript saved:")
    finish(child)
    chosen = [e["option"] for e in events() if e["event"] == "choice"]
    if chosen[0] != "open-explore":
        fail(f"the cancelled line was used: {chosen!r}")


def case_ctrl_d_ends_cleanly():
    child = spawn()
    prompt(child, 1)
    child.send("\x04")
    expect(child, "End the session now?")
    child.send("y\r")
    expect(child, "marked incomplete")
    finish(child)
    kinds = [e["event"] for e in events()]
    if kinds[-1] != "quit":
        fail(f"no quit event: {kinds!r}")


def signal_restores_the_terminal(number):
    child = spawn()
    prompt(child, 1)
    child.send("1\r")
    prompt(child, 2)
    pid = attune_pid(child)
    os.kill(pid, number)
    expect(child, pexpect.EOF)
    child.close()
    with open(f"{WORKDIR}/stty-before") as a, open(f"{WORKDIR}/stty-after") as b:
        if a.read() != b.read():
            fail(f"terminal not restored after signal {number}")
    if [e["event"] for e in events()][-1] != "turn":
        fail("transcript does not end at the turn on screen")


def case_sigterm_restores_the_terminal():
    signal_restores_the_terminal(signal.SIGTERM)


def case_sighup_restores_the_terminal():
    signal_restores_the_terminal(signal.SIGHUP)


def case_sigkill_leaves_an_incomplete_transcript():
    child = spawn()
    prompt(child, 1)
    child.send("1\r")
    prompt(child, 2)
    pid = attune_pid(child)
    os.kill(pid, signal.SIGKILL)
    expect(child, pexpect.EOF)
    child.close()
    result = subprocess.run([BINARY, "replay", TRANSCRIPT, "--scenario", SCENARIO],
                            capture_output=True, text=True, timeout=TIMEOUT)
    if result.returncode != 0 or "verified, incomplete" not in result.stdout:
        fail(f"replay after SIGKILL: {result.returncode} {result.stdout} {result.stderr}")


def case_colour_only_without_no_color():
    child = spawn(colour=True)
    prompt(child, 1)
    if "\x1b[1m" not in child.before:
        fail("no colour at a terminal", child)
    child.send("\x04")
    expect(child, "End the session now?")
    child.send("y\r")
    finish(child)
    plain = spawn(transcript=TRANSCRIPT + ".plain")
    prompt(plain, 1)
    if "\x1b[1m" in plain.before or "\x1b[3" in plain.before:
        fail("colour although NO_COLOR is set", plain)
    plain.send("\x04")
    expect(plain, "End the session now?")
    plain.send("y\r")
    finish(plain)


def case_replay_step():
    """`attune replay --step`: a grader walks a finished session and rates its episode."""
    played = subprocess.run(
        [BINARY, "play", SCENARIO, "--seed", "7", "--trainee", "t1", "--transcript", TRANSCRIPT],
        input="\n".join(ANSWERS) + "\n", capture_output=True, text=True, timeout=TIMEOUT, env=ENV)
    if played.returncode != 0:
        fail(f"play: {played.returncode} {played.stdout} {played.stderr}")
    with open(TRANSCRIPT, "rb") as handle:
        before = handle.read()
    script = (
        "trap : INT TERM HUP; "
        f"stty -g > {WORKDIR}/stty-before; "
        f"'{BINARY}' replay {TRANSCRIPT} --scenario '{SCENARIO}' --step --grader alice; "
        f"echo \"exit=$?\"; stty -g > {WORKDIR}/stty-after"
    )
    child = pexpect.spawn("/bin/sh", ["-c", script], env=ENV, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, 100))

    def at(number):
        expect(child, f"turn {number}/3 · grade › ")

    def goes(command, number):
        child.send(command + "\r")
        expect(child, f"── turn {number} ")
        at(number)

    expect(child, "Grading as alice: 1 rupture episode")
    at(1)
    child.send("epi\t")
    expect(child, "sode")  # "episode" is the common prefix of "episode" and "episodes"
    child.send("s\r")
    expect(child, "Episode 1: turns 1-3")
    at(1)
    goes("next", 2)
    goes("next", 3)
    goes("prev", 2)
    goes("turn 1", 1)
    goes("turn 3", 3)
    child.send("episode 1\r")
    expect(child, "── turn 1 ")
    expect(child, "engine rating 5")
    at(1)
    child.send("rate 1 4 explored well\r")
    expect(child, "Saved: episode 1 rated 4")
    at(1)
    child.send("\x04")
    expect(child, "All episodes rated; saved in ")
    finish(child)
    with open(TRANSCRIPT, "rb") as handle:
        if handle.read() != before:
            fail("the transcript changed")
    grading = os.path.join(WORKDIR, "session.grading.jsonl")
    with open(grading, encoding="utf-8") as handle:
        entries = [json.loads(line) for line in handle]
    if [e["event"] for e in entries] != ["header", "rating"]:
        fail(f"unexpected grading file: {entries!r}")
    rating = entries[1]
    if (rating["grader"], rating["episode"], rating["rating"], rating.get("comment")) != (
            "alice", 1, 4, "explored well"):
        fail(f"unexpected rating: {rating!r}")


CASES = {name[len("case_"):]: function for name, function in globals().items()
         if name.startswith("case_")}

if __name__ == "__main__":
    if CASE not in CASES:
        fail(f"unknown case {CASE}; known: {sorted(CASES)}")
    CASES[CASE]()
    print("ok")
