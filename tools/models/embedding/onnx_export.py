"""Export a BertModel to ONNX (transformers.js feature-extraction layout) and quantize it to int8."""
from __future__ import annotations

import pathlib

import numpy as np
import torch


class _LastHidden(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.model(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids, return_dict=False)[0]


def export(model, path: pathlib.Path, opset: int = 14) -> None:
    """Inputs input_ids / attention_mask / token_type_ids (int64 [batch, seq]); output last_hidden_state."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ids = torch.tensor([[0, 100, 200, 300, 2], [0, 400, 2, 1, 1]], dtype=torch.long)
    mask = (ids != 1).long()
    axes = {0: "batch_size", 1: "sequence_length"}
    with torch.no_grad():
        torch.onnx.export(_LastHidden(model), (ids, mask, torch.zeros_like(ids)), str(path),
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                        "token_type_ids": axes, "last_hidden_state": axes},
                          opset_version=opset, do_constant_folding=True)


def quantize(src: pathlib.Path, dst: pathlib.Path) -> None:
    """Dynamic int8 quantisation (weights int8; activations quantised at run time), as transformers.js `q8`."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    dst.parent.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True,
                     reduce_range=False, op_types_to_quantize=["MatMul", "Gather"])


class OrtEmbedder:
    """Mean-pooled, L2-normalised sentence vectors from an exported model (the JS pipeline's maths)."""

    def __init__(self, onnx_path: pathlib.Path, tokenizer):
        import onnxruntime as ort
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
        self.tok = tokenizer
        self.tok.enable_padding(pad_id=1, pad_token="<pad>")
        self.tok.enable_truncation(512)

    def __call__(self, texts: list[str], batch: int = 32) -> np.ndarray:
        out = []
        for i in range(0, len(texts), batch):
            enc = self.tok.encode_batch(texts[i:i + batch])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            h = self.sess.run(None, {"input_ids": ids, "attention_mask": mask,
                                     "token_type_ids": np.zeros_like(ids)})[0]
            m = mask[..., None].astype(np.float32)
            v = (h * m).sum(1) / m.sum(1)
            out.append(v / np.linalg.norm(v, axis=1, keepdims=True))
        return np.concatenate(out)
