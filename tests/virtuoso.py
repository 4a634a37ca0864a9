"""A private Virtuoso Open Source server on loopback, for the remote-store tests and benchmarks.

Debian's package (`apt-get install virtuoso-opensource`) provides `virtuoso-t`; this starts
one in a folder of its own (its own database, free ports, nothing shared with a system
instance), lets the anonymous SPARQL user update (loopback only) and stops it afterwards.
The settings newskg needs are in the ini: no cap on result rows (Virtuoso's default cuts
every answer at 10,000 rows) and no query time or cost limits.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import requests

VIRTUOSO = os.environ.get("KG_VIRTUOSO", "virtuoso-t")
ISQL = os.environ.get("KG_VIRTUOSO_ISQL", "isql-vt")

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., {dir}
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxMemPoolSize = 200000000
MaxQueryMem = 2G
VectorSize = 1000
MaxVectorSize = 1000000
AdjustVectorSize = 0
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 10
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/vsp
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
EnabledGzipContent = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 0
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
DeferInferenceRulesInit = 0
"""


def available() -> str | None:
    """Why a Virtuoso server cannot be started here, or None when it can."""
    missing = [name for name in (VIRTUOSO, ISQL) if shutil.which(name) is None]
    if missing:
        return (f"Virtuoso is not installed ({', '.join(missing)} not found): "
                "`apt-get install virtuoso-opensource` (Debian) to run these tests")
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """`with Virtuoso(folder) as v:` — v.location is the newskg store location."""

    def __init__(self, folder: Path, memory_mb: int = 512):
        self.dir = Path(folder)
        self.sql_port = _free_port()
        self.http_port = _free_port()
        self.buffers = max(10_000, memory_mb * 1024 * 1024 // 8192 * 2 // 3)
        self.proc: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def location(self) -> str:
        return f"sparql+{self.endpoint}?gsp=sparql-graph-crud"

    def start(self, timeout: float = 120) -> Virtuoso:
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "vsp").mkdir(exist_ok=True)
        ini = self.dir / "virtuoso.ini"
        ini.write_text(INI.format(dir=self.dir, sql_port=self.sql_port, http_port=self.http_port,
                                  buffers=self.buffers, dirty=self.buffers * 3 // 4))
        self.proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=self.dir,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({self.proc.returncode}): {self.log()[-2000:]}")
            try:
                if requests.get(self.endpoint, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        else:
            self.stop()
            raise RuntimeError(f"Virtuoso did not answer within {timeout:.0f} s: {self.log()[-2000:]}")
        # The anonymous SPARQL user (the HTTP endpoint's) may update: this server listens on
        # loopback only and lives as long as the tests.
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";',
                  "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")
        return self

    def isql(self, *statements: str) -> str:
        result = subprocess.run([ISQL, str(self.sql_port), "dba", "dba", "VERBOSE=OFF", "BANNER=OFF",
                                 *(f"EXEC={s}" for s in statements)],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {result.stdout}\n{result.stderr}")
        return result.stdout

    def log(self) -> str:
        try:
            return (self.dir / "virtuoso.log").read_text(errors="replace")
        except FileNotFoundError:
            return "(no log)"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    def __enter__(self) -> Virtuoso:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
