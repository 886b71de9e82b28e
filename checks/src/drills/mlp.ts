/**
 * Drill 06 — a minimal MLP for binary classification, PyTorch-style, in tfjs: Linear → ReLU → Dropout → Linear
 * with PyTorch's state_dict layout, a seeded DataLoader counterpart, and hand-written train/eval loops. The cases
 * are split by what they look at: the model (mlp-model-cases), the loss and loops against PyTorch
 * (mlp-loop-cases), and the candidate's whole pipeline (mlp-training-cases).
 */
import type { Drill } from "../drill";
import { loopCases } from "./mlp-loop-cases";
import { modelCases } from "./mlp-model-cases";
import { trainingCases } from "./mlp-training-cases";
import type { Mlp } from "./mlp-types";

export type { Mlp, MlpModel, MlpConstructor, StateDict, Batch, Criterion, Evaluation, LoaderOptions } from "./mlp-types";

export const mlpDrill: Drill<Mlp> = {
  id: "06-mlp",
  title: "Minimal MLP",
  cases: [...modelCases, ...loopCases, ...trainingCases],
};
