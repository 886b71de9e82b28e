"""Benchmark counterpart of drill 07: one pre-norm transformer block's eval forward pass in PyTorch.

Run by scripts/src/bench/transformer.ts with Debian's python3-torch:
    /usr/bin/python3 scripts/src/bench/transformer.py BATCH SEQ DMODEL NHEAD DIMFF REPEATS
Prints one JSON line: {"torch": version, "threads": 2, "ms": [per-run milliseconds]}.
Two threads, because the tfjs backends it is compared with run on one (cpu, wasm without threads) and the target
ratio is stated against a modest PyTorch, not a whole machine.
"""
import json
import sys
import time

import torch
from torch import nn

torch.set_num_threads(2)
torch.manual_seed(0)
batch, seq, d, heads, ff, repeats = (int(a) for a in sys.argv[1:7])


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn = nn.MultiheadAttention(d, heads, dropout=0.1, batch_first=True)
        self.ffn = nn.Sequential(nn.Linear(d, ff), nn.GELU(), nn.Dropout(0.1), nn.Linear(ff, d))
        self.norm1 = nn.LayerNorm(d, eps=1e-5)
        self.norm2 = nn.LayerNorm(d, eps=1e-5)
        self.drop = nn.Dropout(0.1)

    def forward(self, x):
        h = self.norm1(x)
        x = x + self.drop(self.attn(h, h, h, need_weights=False)[0])
        return x + self.drop(self.ffn(self.norm2(x)))


block = Block().eval()
x = torch.randn(batch, seq, d)
times = []
with torch.inference_mode():
    block(x)  # warm-up: first-call allocations
    for _ in range(repeats):
        t0 = time.perf_counter()
        block(x)
        times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "ms": times}))
