/**
 * Drill 06's kernel half: each call trains or evaluates the given model (a state dict built outside) with the
 * candidate's trainEpoch / evaluate, and returns what happened as plain data — losses, metrics, the weights after.
 * No oracle and no answer here: the grader judges the data in its own process. The stretch parts' calls (loader,
 * BCE) live in calls-stretch.ts.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { Calls } from "../../outcome";
import { setSeed } from "./given";
import { evaluateWith, loaderOf, modelFrom, session, train, weightsOf } from "./harness";
import { stretchCalls } from "./calls-stretch";
import type { MlpLoops, StateDict } from "./types";

export interface TrainInput {
  sd: StateDict;
  x: number[][];
  y: number[];
  batchSize: number;
  lr: number;
  epochs: number;
  optimizer: "sgd" | "adam";
  /** Dropout of the given model (0 for the PyTorch-parity cases, whose fixtures train with dropout off). */
  pDrop: number;
  /** setSeed before building the model: fixes the dropout masks. */
  seed: number;
}

export interface EvaluateInput {
  sd: StateDict;
  x: number[][];
  y: number[];
  batchSize: number;
  pDrop: number;
}

const optimizerOf = (name: TrainInput["optimizer"], lr: number) =>
  name === "adam" ? tf.train.adam(lr) : tf.train.sgd(lr);

const loopCalls: Calls<MlpLoops> = {
  /** `epochs` calls of trainEpoch: each epoch's returned loss and the weights after the last. */
  train: (impl, { sd, x, y, batchSize, lr, epochs, optimizer, pDrop, seed }: TrainInput) =>
    session((own) => {
      setSeed(seed);
      const model = modelFrom(sd, pDrop);
      const loader = loaderOf(x, y, batchSize);
      const opt = own(optimizerOf(optimizer, lr));
      const losses: number[] = [];
      for (let e = 0; e < epochs; e++) losses.push(train(impl, model, loader, opt));
      return { losses, after: weightsOf(model) };
    }),
  /** evaluate twice on the same model (dropout would make the two differ), and the weights after. */
  evaluate: (impl, { sd, x, y, batchSize, pDrop }: EvaluateInput) =>
    session(() => {
      const model = modelFrom(sd, pDrop);
      const loader = loaderOf(x, y, batchSize);
      const first = evaluateWith(impl, model, loader);
      const second = evaluateWith(impl, model, loader);
      return { first, second, after: weightsOf(model) };
    }),
  /** tf.memory().numTensors after each epoch of trainEpoch then evaluate (measured inside the kernel). */
  tensors: (impl, { sd, x, y, batchSize, lr, epochs, pDrop, seed }: TrainInput) =>
    session((own) => {
      setSeed(seed);
      const model = modelFrom(sd, pDrop);
      const loader = loaderOf(x, y, batchSize);
      const opt = own(tf.train.adam(lr));
      const after: number[] = [];
      for (let e = 0; e < epochs; e++) {
        train(impl, model, loader, opt);
        evaluateWith(impl, model, loader);
        after.push(tf.memory().numTensors);
      }
      return { after };
    }),
};

export const calls: Calls = { ...loopCalls, ...stretchCalls };
