/**
 * Drill 06 — a minimal MLP for binary classification, PyTorch-style, in tfjs. The notebook gives the model
 * (Linear → ReLU → Dropout → Linear with PyTorch's state_dict layout), setSeed, an in-order loader and the
 * criterion; the core is the candidate's trainEpoch and evaluate (cases-loops). Two stretch parts: a seeded
 * DataLoader counterpart, makeLoader (★★★, cases-loader), and BCE-with-logits from its formula (★★, cases-bce).
 *
 * Every case is split: `call` names the kernel half (calls.ts, calls-stretch.ts); `judge` compares its data with
 * PyTorch's fixtures or the float64 oracle here. Every judge runs behind replies.ts, so a reply of another shape
 * fails by itself rather than crash it. Points measured inside the kernel: core 1 of 7 (no-leaks), loader 1 of 4
 * (loader-frees), BCE 0 of 5.
 */
import type { Check } from "../../drill";
import { calls } from "./calls";
import { bceCases } from "./cases-bce";
import { loaderCases } from "./cases-loader";
import { loopCases } from "./cases-loops";
import { hidden as properties } from "./hidden";
import { guard, guardHidden } from "./replies";
import type { Criterion, MakeLoader, MlpCheckInput } from "./types";

export const mlpCheck: Check<MlpCheckInput> = {
  id: "06-mlp",
  part: "mlp",
  title: "Minimal MLP · trainEpoch and evaluate",
  calls,
  cases: loopCases.map(guard),
};
export const loaderCheck: Check<MakeLoader> = {
  id: "06-mlp",
  part: "loader",
  title: "Minimal MLP · makeLoader (stretch ★★★)",
  calls,
  cases: loaderCases.map(guard),
};
export const bceCheck: Check<Criterion> = {
  id: "06-mlp",
  part: "bce",
  title: "Minimal MLP · bceWithLogits (stretch ★★)",
  calls,
  cases: bceCases.map(guard),
};

/** @deprecated the core check under its old name. */

export const checks = { mlp: mlpCheck, loader: loaderCheck, bce: bceCheck };
export const hidden = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, guardHidden(p)]));
