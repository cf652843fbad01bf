#!/usr/bin/env python3
"""Write resources/models/manifest.json from every model folder's model-card.json.

Each folder resources/models/<id>/ holds a model-card.json with the fields
  id, task, licence, source, version, script  (and optional: languages, notes)
This script adds `files`: every file in the folder (except model-card.json) with its
SHA-256 and size in bytes, and writes the sorted list to resources/models/manifest.json.
Run it after any model build:  python3 tools/models/manifest.py
"""
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2] / "resources" / "models"
REQUIRED = ("id", "task", "licence", "source", "version", "script")


def sha256(path: pathlib.Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main() -> None:
    entries = []
    for card_path in sorted(ROOT.glob("*/model-card.json")):
        folder = card_path.parent
        card = json.loads(card_path.read_text(encoding="utf-8"))
        missing = [k for k in REQUIRED if k not in card]
        if missing:
            raise SystemExit(f"{card_path}: missing {missing}")
        if card["id"] != folder.name:
            raise SystemExit(f"{card_path}: id {card['id']!r} must equal folder name {folder.name!r}")
        files = []
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.name != "model-card.json":
                files.append({"path": p.relative_to(folder).as_posix(), "sha256": sha256(p), "bytes": p.stat().st_size})
        entries.append({**card, "files": files})
    out = ROOT / "manifest.json"
    out.write_text(json.dumps({"version": 1, "models": entries}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} with {len(entries)} models")


if __name__ == "__main__":
    main()
