"""Reference sentences (written for this project) and the reference-vector file for the JS test."""
from __future__ import annotations

import json
import pathlib

import numpy as np

SENTENCES = [
    "猫坐在垫子上",
    "A cat is sitting on the mat",
    "The stock market fell today",
    "今天股市下跌了。",
    "机器学习是人工智能的一个分支。",
    "Machine learning lets computers learn patterns from data.",
    "我每天早上骑自行车去学校。",
    "She drinks a cup of green tea every afternoon.",
    "长江是中国最长的河流。",
    "Water boils at a lower temperature on high mountains.",
    "请把窗户关上，外面太冷了。",
    "The library opens at nine o'clock on weekdays.",
    "这个模型把每个句子变成一个向量。",
    "Tokenizers split text into small pieces called tokens.",
    "北京的秋天天气晴朗，很适合爬山。",
    "My grandmother grows tomatoes and peppers in her garden.",
    "他用 Python 写了一个小程序来整理照片。",
    "Is it going to rain tomorrow in Shanghai?",
    "学生们在实验室里观察植物细胞。",
    "Learning a new language takes patience and daily practice.",
]


def write(path: pathlib.Path, model_id: str, prefix: str, vectors: np.ndarray,
          pooling: str, normalize: bool, input_ids: list[list[int]],
          source: str = "dequantized float32 weights in PyTorch (transformers BertModel), full vocabulary") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "model": model_id,
        "source": source,
        "prefix": prefix,
        "note": "each vector embeds prefix + sentence with the source model; input_ids are the bundled (pruned) tokenizer's ids for it",
        "pooling": pooling,
        "normalize": normalize,
        "dim": int(vectors.shape[1]),
        "sentences": SENTENCES,
        "input_ids": input_ids,
        "vectors": [[round(float(x), 6) for x in v] for v in vectors],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
