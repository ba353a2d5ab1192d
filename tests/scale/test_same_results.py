"""Where the map runs does not change a byte: serial, --workers 2 and a Dask LocalCluster
write the same bib/ and annotations/, print the same links and report the same findings."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ESSAYS, WORKS, fresh, outputs


def test_the_serial_run_has_something_to_compare(serial: dict[str, bytes]) -> None:
    links = json.loads(serial["<links>"])["links"]
    findings = json.loads(serial["<findings>"])["findings"]
    assert len([k for k in serial if k.startswith("annotations/")]) >= WORKS
    assert {x["relation"] for x in links} >= {"cited", "supports"}
    assert findings, f"check found nothing in {ESSAYS} essays: the comparison would be empty"


def test_two_local_workers_write_what_serial_writes(tmp_path: Path, corpus: Path,
                                                    serial: dict[str, bytes]) -> None:
    got = outputs(fresh(tmp_path, corpus, "workers"), "--workers", "2")
    assert sorted(got) == sorted(serial)
    assert [k for k in serial if got[k] != serial[k]] == []


def test_a_dask_local_cluster_writes_what_serial_writes(tmp_path: Path, corpus: Path,
                                                        serial: dict[str, bytes],
                                                        cluster: str) -> None:
    got = outputs(fresh(tmp_path, corpus, "dask"), "--scheduler", cluster)
    assert sorted(got) == sorted(serial)
    assert [k for k in serial if got[k] != serial[k]] == []
