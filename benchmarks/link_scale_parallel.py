"""The corpus-scale part of benchmarks/link_scale.py (issue 15): link serially, on 2
local worker processes and on a Dask LocalCluster of 2 workers; time, phases, peak memory
of the process tree, the index shipped to each worker, and a 1,000,000-essay extrapolation.

Run through link_scale.py --scale; each (size, mode) runs in a fresh process.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

FIELDS = ("essays", "mode", "seconds", "cpu_s", "main_cpu_s", "main_map_cpu_s", "analyse_s",
          "judge_s", "parent_s", "peak_mb", "index_mb", "index_kb_per_essay", "links",
          "judgements", "digest")


# The sampler runs in a process of its own: a thread here would keep the local pool
# from forking its workers (relbib.scale.local forks only a process with one thread).
_SAMPLER = r"""
import json, select, sys
import psutil
root, me = psutil.Process(int(sys.argv[1])), psutil.Process()
base = psutil.virtual_memory()
base_used = base.total - base.available
peak_rss = peak_used = 0
cpu = {}
while True:
    total = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        break
    for proc in procs:
        if proc.pid == me.pid:
            continue
        try:
            total += proc.memory_info().rss
            if proc.pid != root.pid:
                times = proc.cpu_times()
                cpu[proc.pid] = times.user + times.system
        except psutil.Error:
            pass
    vm = psutil.virtual_memory()
    peak_rss, peak_used = max(peak_rss, total), max(peak_used, vm.total - vm.available - base_used)
    if select.select([sys.stdin], [], [], 0.2)[0]:
        break
print(json.dumps({"rss": peak_rss, "used": peak_used, "cpu": cpu}))
"""


class TreePeak:
    """Peak memory of this process and its descendants, sampled every 0.2 s by another
    process (psutil): the machine's memory in use above what it was at the start (the
    run's own on a quiet machine, pages a forked worker shares with this process counted
    once), and the sum of the processes' resident sizes (shared pages counted in each).
    Also the CPU seconds of the tree (this process's, plus each descendant's last
    sample): on a loaded machine wall-clock ratios follow the load, CPU seconds follow
    the work.  Without psutil, this process's peak plus the largest child's."""

    def __init__(self) -> None:
        self.child_cpu: dict[str, float] = {}
        self.rss_mb = 0.0
        try:
            import psutil  # noqa: F401
        except ImportError:
            self._sampler = None
            return
        self._sampler = subprocess.Popen([sys.executable, "-c", _SAMPLER, str(os.getpid())],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def stop_mb(self) -> float:
        """The peak in MB (see the class); without psutil, getrusage's."""
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if self._sampler is None:
            return own + child
        out, _ = self._sampler.communicate("stop\n")
        found = json.loads(out)
        self.child_cpu = found["cpu"]
        self.rss_mb = found["rss"] / 2**20
        return max(found["used"] / 2**20, own)


def run_scale_one(size: int, mode: str, sources: int,
                  corpus_of: Callable[[int, int], tuple[list[Any], list[Any]]]) -> None:
    """One (size, mode): prints one tab-separated row of FIELDS."""
    from relbib.claims.link import link
    from relbib.scale import Runner
    from relbib.scale.local import LocalPool

    essays, claims = corpus_of(size, sources)
    phases: dict[str, list[float]] = {}
    cpu_in: dict[str, list[float]] = {}  # this (the main) process's CPU seconds, per map

    def progress(label: str, done: int, total: int) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        phases.setdefault(label, [now, now])[1] = now
        cpu_in.setdefault(label, [cpu, cpu])[1] = cpu

    cluster: Any = None
    runner = None
    if mode.startswith("workers"):
        runner = Runner(LocalPool(int(mode.removeprefix("workers"))), progress)
    elif mode.startswith("dask"):
        from distributed import LocalCluster

        from relbib.scale.dask import DaskScheduler

        cluster = LocalCluster(n_workers=int(mode.removeprefix("dask")), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        runner = Runner(DaskScheduler(cluster.scheduler_address), progress)
    peak = TreePeak()
    began, cpu_began = time.perf_counter(), time.process_time()
    result = link(essays, {}, library_claims=claims, parallel=runner)
    seconds = time.perf_counter() - began
    peak_mb = peak.stop_mb()
    # a Dask LocalCluster's workers started before the run: their CPU before it is small
    main_cpu = time.process_time() - cpu_began
    main_map_cpu = sum(b - a for a, b in cpu_in.values())
    cpu = main_cpu + sum(peak.child_cpu.values())
    index = getattr(getattr(runner, "backend", None), "shipped", 0) / 2**20
    if runner is not None:
        runner.close()
    if cluster is not None:
        cluster.close()
    analyse = (lambda p: p[1] - p[0])(phases.get("analysed", [0.0, 0.0]))
    judge = (lambda p: p[1] - p[0])(phases.get("linked", [0.0, 0.0]))
    parent = seconds - analyse - judge if runner is not None else 0.0
    digest = _digest(result.links, result.judgements)
    print("\t".join(str(x) for x in (
        size, mode, f"{seconds:.1f}", f"{cpu:.1f}", f"{main_cpu:.1f}", f"{main_map_cpu:.1f}",
        f"{analyse:.1f}", f"{judge:.1f}", f"{parent:.1f}", f"{peak_mb:.0f}", f"{index:.0f}",
        f"{index * 1024 / size:.0f}", len(result.links), len(result.judgements), digest)))


def _digest(*records: Sequence[Any]) -> str:
    """A fingerprint of every field of every record, hashed record by record: the
    repr of eleven million links at once took more memory than the run itself."""
    hashed = hashlib.sha256()
    for group in records:
        for record in group:
            hashed.update(repr(record).encode())
        hashed.update(b"|")
    return hashed.hexdigest()[:12]


def scale_table(script: str, sizes: str, modes: str, sources: int) -> int:
    """Every (size, mode) in a fresh process, the table, speed-ups and the extrapolation."""
    print(f"corpus scale: link of N essays against {sources} sources "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print("  ".join(f"{f:>10}" for f in FIELDS), flush=True)
    rows: list[dict[str, str]] = []
    for size in sizes.split(","):
        for mode in modes.split(","):
            done = subprocess.run([sys.executable, script, "--scale-one", size, mode,
                                   "--sources", str(sources)], capture_output=True, text=True)
            if done.returncode != 0:  # out of memory, most likely: say so, go on
                last = (done.stderr.strip().splitlines() or ["killed"])[-1]
                print(f"{size:>10}  {mode:>10}  failed (exit {done.returncode}): {last}",
                      flush=True)
                continue
            row = dict(zip(FIELDS, done.stdout.strip().splitlines()[-1].split("\t"),
                           strict=True))
            rows.append(row)
            print("  ".join(f"{row[f]:>10}" for f in FIELDS), flush=True)
    for size in sizes.split(","):
        by = {r["mode"]: r for r in rows if r["essays"] == size}
        base = by.get("serial")
        for mode, row in by.items():
            if base is not None and mode != "serial":
                same = "same result" if row["digest"] == base["digest"] else "RESULT DIFFERS"
                print(f"{size} essays: {mode} is {float(base['seconds']) / float(row['seconds']):.2f}x "
                      f"serial ({same}); it spent {float(row['cpu_s']) / float(base['cpu_s']):.2f}x "
                      "serial's CPU seconds (the rest of the gap is the machine's other load)")
    extrapolate(rows)
    return 0


def extrapolate(rows: list[dict[str, str]]) -> None:
    """A million essays on N workers, from the largest measured 2-worker run."""
    runs = [r for r in rows if r["mode"] == "workers2"]
    if not runs:
        return
    r = max(runs, key=lambda x: int(x["essays"]))
    n = int(r["essays"])
    parent = float(r["parent_s"]) / n  # per essay, in the parent only
    mapped = 2 * (float(r["analyse_s"]) + float(r["judge_s"])) / n  # worker-seconds per essay
    index = float(r["index_mb"]) / n  # MB of shipped index per essay (0: forked workers)
    memory = float(r["peak_mb"]) / n  # MB of the whole run per essay, at 2 workers
    print(f"extrapolation to 1,000,000 essays from the {n}-essay 2-worker run: "
          f"{parent * 1000:.1f} ms per essay in the parent, {mapped * 1000:.1f} worker-ms per "
          f"essay in the map, {memory * 1000:.0f} kB of memory per essay in all"
          + (f", {index * 1000:.1f} kB of index shipped per essay" if index else
             " (the workers were forked: no index shipped)"))
    for workers in (2, 8, 32, 128):
        hours = (1_000_000 * (parent + mapped / workers)) / 3600
        print(f"  {workers:>4} workers: {hours:6.1f} h"
              + (f";  index pickle per worker {index * 1_000_000 / 1024:.0f} GB" if index else ""))
    print(f"  memory at 1,000,000 essays: ~{memory * 1_000_000 / 1024:.0f} GB on one machine "
          "with 2 workers (the main process's results and index, and the workers' touched "
          "copies of it)")
    print("  assumes: cost per essay stays constant (retrieval reads a bounded budget of "
          "postings per sentence, so it grows linearly); workers as fast as these cores "
          "and fully busy; the parent's part (units, aliases, index assembly, pickling) "
          "stays serial; the index fits in every worker's memory (it is replicated: "
          "beyond a machine's memory the corpus must be linked in partitions, which "
          "relbib does not do yet); no other load on the machine")
