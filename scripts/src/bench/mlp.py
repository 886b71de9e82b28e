"""Benchmark counterpart of drill 06: MLP training in PyTorch, the same work the tfjs section times.

Run by scripts/src/bench/mlp.ts with Debian's python3-torch:
    /usr/bin/python3 scripts/src/bench/mlp.py IN_DIM HIDDEN BATCH SMALL_N SMALL_EPOCHS LARGE_N REPEATS
Prints one JSON line: {"torch": version, "threads": 2, "smallMs": [ms per run], "largeMs": [ms per run]}.
The loop is the drill's: DataLoader(shuffle=True), Adam 1e-3, BCEWithLogitsLoss, and loss.item() every batch (the
tfjs loop reads each batch's loss back too, so both pay the same synchronisation). Two threads, as in every
PyTorch comparison of the pack.
"""
import json
import pathlib
import sys
import time

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# The drill's PyTorch model, defined once beside the parity fixtures.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "checks" / "fixtures" / "generate"))
from torch_models import MLP  # noqa: E402

torch.set_num_threads(2)
in_dim, hidden, batch, small_n, small_epochs, large_n, repeats = (int(a) for a in sys.argv[1:8])


def data(n, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, in_dim, generator=g)
    return x, (x[:, 0] * x[:, 1] + x[:, 2] > 0).float()


def train(n, epochs, seed=0):
    torch.manual_seed(seed)
    x, y = data(n, seed)
    model = MLP(in_dim, hidden)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.BCEWithLogitsLoss()
    loader = DataLoader(TensorDataset(x, y), batch_size=batch, shuffle=True, generator=torch.Generator().manual_seed(seed))
    t0 = time.perf_counter()
    model.train()
    for _ in range(epochs):
        total = 0.0
        for xb, yb in loader:
            opt.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * xb.size(0)
    return (time.perf_counter() - t0) * 1000


train(small_n, 1)  # warm-up: first-call allocations and lazy initialisation
small = [train(small_n, small_epochs, seed) for seed in range(repeats)]
large = [train(large_n, 1)]
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "smallMs": small, "largeMs": large}))
