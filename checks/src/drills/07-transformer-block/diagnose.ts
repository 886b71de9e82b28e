/**
 * Judge side: compares a block's output with the expected values and, when they differ, names the one known mistake
 * the output matches (found by re-running the float64 oracle with that mistake), so the failure's hint follows the
 * detected cause rather than the case's generic nudge.
 */
import { allClose, type Tolerance } from "../../assert";
import type { Failure } from "../../failure";
import { MISTAKES, oracleForward } from "./oracle";
import type { AttentionMask, StateDict } from "./state";

export const flat3 = (t: number[][][]) => t.flat(2);
export const flat4 = (t: number[][][][]) => t.flat(3);

export interface Scene {
  sd: StateDict;
  x: number[][][];
  nHead: number;
  mask?: AttentionMask;
}

const near = (actual: ArrayLike<number>, e: number[], { tol = 1e-6, rtol = 0 }: Tolerance) =>
  actual.length === e.length && e.every((v, i) => Math.abs(actual[i] - v) <= 2 * (tol + rtol * Math.abs(v)));

/** The cause an output points at, if any: a known mistake, an ignored mask, or NaN from a fully masked row. */
export function diagnose(actual: ArrayLike<number>, s: Scene, tol: Tolerance): Pick<Failure, "note" | "hint"> {
  const found = MISTAKES.find(([, variant]) =>
    near(actual, flat3(oracleForward(s.sd, s.x, s.nHead, s.mask ?? {}, variant).out), tol),
  );
  if (found) return { note: found[0], hint: found[2] };
  const masked = s.mask && (s.mask.causal || s.mask.keyPaddingMask);
  if (masked && near(actual, flat3(oracleForward(s.sd, s.x, s.nHead).out), tol)) {
    return {
      note: "matches the unmasked output: the mask was ignored",
      hint: "build the blocked (query, key) pairs from the mask and set those scores to −∞ before the softmax.",
    };
  }
  if (Array.from(actual).some(Number.isNaN)) {
    return masked
      ? {
          note: "NaN appears: a softmax row with every key masked, or 0·∞ (−∞ multiplied instead of added)",
          hint: "keyPaddingMask[b][j] = true hides key j (PyTorch's convention, the opposite of Keras's); false keys stay visible, so no row here is fully masked.",
        }
      : {
          note: "NaN appears in the output",
          hint: "look for 0/0 or √ of a negative number: LayerNorm's variance plus eps, and the softmax over the key axis (−1).",
        };
  }
  return {};
}

/** allClose, with the detected cause as note and hint when the values differ. */
export function compare(
  actual: ArrayLike<number>,
  expected: number[],
  ctx: { what: string; input: string } & Scene & Tolerance,
): void {
  const { sd, x, nHead, mask, ...rest } = ctx;
  const cause = near(actual, expected, ctx) ? {} : diagnose(actual, { sd, x, nHead, mask }, ctx);
  allClose(actual, expected, { ...rest, ...cause });
}
