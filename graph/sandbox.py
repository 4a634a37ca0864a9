"""The second wall around query evaluation: a process that cannot open network connections.

The query processes (graph/querypool.py) refuse SERVICE on the parsed query; should a query
still make the engine reach for the network, it must find none. `deny_network()` installs a
seccomp filter (Linux) that makes every `socket()` call other than a local (AF_UNIX) one fail
with EPERM, and refuses io_uring, which could open sockets without that call. The filter is
inherited by every thread and child and cannot be lifted. The process keeps the connections
it already has (its pipe to the web worker).

seccomp needs Linux on x86-64 or AArch64; elsewhere `deny_network()` says why it could not,
and `kg doctor` and the threat model say so.
"""
from __future__ import annotations

import ctypes
import errno
import os
import platform
import socket
import subprocess
import sys

# <linux/audit.h>, <asm/unistd.h>: the architecture tag seccomp reports and the syscall numbers
ARCHITECTURES = {
    "x86_64": (0xC000003E, {"socket": 41, "io_uring_setup": 425}),
    "aarch64": (0xC00000B7, {"socket": 198, "io_uring_setup": 425}),
}
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SECCOMP_RET_ALLOW = 0x7FFF0000
SECCOMP_RET_ERRNO = 0x00050000
# BPF instructions
LD_W_ABS = 0x20   # BPF_LD | BPF_W | BPF_ABS
JEQ_K = 0x15      # BPF_JMP | BPF_JEQ | BPF_K
RET_K = 0x06      # BPF_RET | BPF_K
# offsets into struct seccomp_data: nr, arch, instruction_pointer, args[6] (little-endian low words)
NR, ARCH, ARG0 = 0, 4, 16


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _program(arch: int, numbers: dict[str, int]) -> list[tuple[int, int, int, int]]:
    deny = SECCOMP_RET_ERRNO | errno.EPERM
    return [
        (LD_W_ABS, 0, 0, ARCH),
        (JEQ_K, 1, 0, arch),                       # 1: another ABI (x32, i386 compat): deny
        (RET_K, 0, 0, deny),                       # 2
        (LD_W_ABS, 0, 0, NR),                      # 3
        (JEQ_K, 0, 2, numbers["socket"]),          # 4: socket(): look at its family, else go to 7
        (LD_W_ABS, 0, 0, ARG0),                    # 5
        (JEQ_K, 2, 1, socket.AF_UNIX),             # 6: AF_UNIX: allow (9); any other family: deny (8)
        (JEQ_K, 0, 1, numbers["io_uring_setup"]),  # 7: io_uring: deny (8); anything else: allow (9)
        (RET_K, 0, 0, deny),                       # 8
        (RET_K, 0, 0, SECCOMP_RET_ALLOW),          # 9
    ]


def deny_network() -> str | None:
    """Forbid this process (and its threads and children) to open network sockets. None when
    done, else why it could not be done here."""
    if not sys.platform.startswith("linux"):
        return f"seccomp needs Linux (this is {sys.platform})"
    machine = platform.machine()
    if machine not in ARCHITECTURES:
        return f"newskg's seccomp filter knows x86-64 and AArch64 (this is {machine})"
    arch, numbers = ARCHITECTURES[machine]
    program = _program(arch, numbers)
    filters = (_SockFilter * len(program))(*[_SockFilter(*ins) for ins in program])
    fprog = _SockFprog(len(program), filters)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError as e:
        return f"the C library could not be loaded: {e}"
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return f"prctl(PR_SET_NO_NEW_PRIVS) failed: {os.strerror(ctypes.get_errno())}"
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        return f"the kernel refused the seccomp filter: {os.strerror(ctypes.get_errno())}"
    return None


def probe() -> str | None:
    """Whether `deny_network` works on this machine, tried in a child process: None when a
    process that installed the filter could not open a TCP socket, else why not."""
    code = ("import socket, sys\n"
            "from graph.sandbox import deny_network\n"
            "why = deny_network()\n"
            "if why: print(why); sys.exit(2)\n"
            "try:\n"
            "    socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
            "except PermissionError:\n"
            "    sys.exit(0)\n"
            "print('the filter was installed but a TCP socket could still be opened'); sys.exit(3)\n")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                              cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    except (OSError, subprocess.SubprocessError) as e:
        return f"the check could not run: {e}"
    return None if done.returncode == 0 else (done.stdout.strip() or done.stderr.strip()[-300:])


__all__ = ["deny_network", "probe"]
