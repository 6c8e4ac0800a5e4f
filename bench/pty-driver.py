#!/usr/bin/env python3
"""A pseudo-terminal for dnet's benchmarks, driven by bench/pty.mjs.

    python3 bench/pty-driver.py COLS ROWS -- CMD [ARGS...]

Opens a pty of COLS x ROWS, then waits for one line on stdin ("go"): it forks and execs CMD on the
pty only then, so that Python's own start-up is never part of a measurement. Everything after that
line on stdin is written to the pty as typed keys. On stdout it writes framed messages:

    type (1 byte) | timestamp (8 bytes, CLOCK_MONOTONIC ns, big-endian) | length (4 bytes) | payload

    R  ready: waiting for "go"             (payload: empty)
    S  the moment just before fork         (payload: empty)
    P  the child's pid                     (payload: ascii pid)
    D  bytes the child wrote to the pty    (payload: the bytes, as read)
    K  bytes written to the pty as keys    (payload: the bytes)
    X  the child has exited                (payload: ascii wait status)

Timestamps use CLOCK_MONOTONIC, the clock of Node's process.hrtime.bigint(), so the two sides can
be compared directly.
"""
import errno
import fcntl
import os
import select
import struct
import sys
import termios
import time

out = sys.stdout.buffer


def send(kind, payload=b"", ts=None):
    if ts is None:
        ts = time.monotonic_ns()
    out.write(kind + struct.pack(">QI", ts, len(payload)) + payload)
    out.flush()


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    assert sys.argv[3] == "--"
    argv = sys.argv[4:]
    stdin = sys.stdin.buffer.raw
    send(b"R")
    # Wait for "go\n" (read byte by byte so that nothing after it is swallowed).
    line = b""
    while not line.endswith(b"\n"):
        b = os.read(stdin.fileno(), 1)
        if not b:
            return
        line += b
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    t_fork = time.monotonic_ns()
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    os.close(slave)
    send(b"S", ts=t_fork)
    send(b"P", str(pid).encode())
    fds = [master, stdin.fileno()]
    status = None
    while True:
        try:
            ready, _, _ = select.select(fds, [], [], 0.05)
        except InterruptedError:
            continue
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError as e:
                if e.errno != errno.EIO:
                    raise
                data = b""
            if data:
                send(b"D", data)
            else:
                break  # every slave fd is closed: the child is gone
        if stdin.fileno() in ready:
            data = os.read(stdin.fileno(), 4096)
            if data:
                os.write(master, data)
                send(b"K", data)
            else:
                fds = [master]  # our stdin closed: keep relaying output
        if status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
                t_exit = time.monotonic_ns()
                # Drain what is left, then report.
                fcntl.fcntl(master, fcntl.F_SETFL, fcntl.fcntl(master, fcntl.F_GETFL) | os.O_NONBLOCK)
                while True:
                    try:
                        data = os.read(master, 65536)
                    except OSError:
                        break
                    if not data:
                        break
                    send(b"D", data)
                send(b"X", str(status).encode(), ts=t_exit)
                return
    _, status = os.waitpid(pid, 0)
    send(b"X", str(status).encode())


if __name__ == "__main__":
    main()
