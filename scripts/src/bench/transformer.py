"""Benchmark counterpart of drill 07: one pre-norm transformer block's eval forward pass in PyTorch.

Run by scripts/src/bench/transformer.ts with Debian's python3-torch:
    /usr/bin/python3 scripts/src/bench/transformer.py BATCH SEQ DMODEL NHEAD DIMFF REPEATS
Prints one JSON line: {"torch": version, "threads": 2, "ms": [per-run milliseconds]}.
Two threads, because the tfjs backends it is compared with run on one (cpu, wasm without threads) and the target
ratio is stated against a modest PyTorch, not a whole machine.
"""
import json
import pathlib
import sys
import time

import torch

# The drill's PyTorch block, defined once beside the parity fixtures.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "checks" / "fixtures" / "generate"))
from torch_models import Block  # noqa: E402

torch.set_num_threads(2)
torch.manual_seed(0)
batch, seq, d, heads, ff, repeats = (int(a) for a in sys.argv[1:7])


block = Block(d, heads, ff).eval()
x = torch.randn(batch, seq, d)
times = []
with torch.inference_mode():
    block(x, need_weights=False)  # warm-up: first-call allocations
    for _ in range(repeats):
        t0 = time.perf_counter()
        block(x, need_weights=False)
        times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "ms": times}))
