/**
 * Random block shapes for drill 07's properties: head count and head width vary independently (so dModel =
 * nHead·dh takes values a fixed-dModel test never reaches, dh = 1 included), with a random state dict and input
 * for each. Seeded: the input a case sends and the scene its judge rebuilds are the same.
 */
import { samples } from "../../samples";
import { randomInput, randomStateDict } from "./state";

export interface Shape {
  nHead: number;
  dh: number;
  ff: number;
  batch: number;
  seq: number;
  seed: number;
}

export interface ShapeOptions {
  /** Hidden width of the feed-forward layer: a range to sample, or one value. */
  ff: number | [min: number, max: number];
  maxBatch: number;
  numRuns: number;
  seed?: number;
}

export const randomShapes = (o: ShapeOptions): Shape[] =>
  samples(
    (fc) =>
      fc.record({
        nHead: fc.integer({ min: 1, max: 4 }),
        dh: fc.integer({ min: 1, max: 4 }),
        ff: typeof o.ff === "number" ? fc.constant(o.ff) : fc.integer({ min: o.ff[0], max: o.ff[1] }),
        batch: fc.integer({ min: 1, max: o.maxBatch }),
        seq: fc.integer({ min: 1, max: 6 }),
        seed: fc.integer({ min: 1, max: 1000 }),
      }),
    { numRuns: o.numRuns, seed: o.seed },
  );

/** The block's weights and input for one shape (x's seed follows the weights', so the two never coincide). */
export const scene = (s: Shape) => ({
  sd: randomStateDict(s.nHead * s.dh, s.ff, s.seed),
  x: randomInput(s.batch, s.seq, s.nHead * s.dh, s.seed + 1),
  nHead: s.nHead,
});

/** The setup a shape's block is built with. */
export const setupOf = (s: Shape, pDrop?: number) => ({
  dModel: s.nHead * s.dh,
  nHead: s.nHead,
  dimFF: s.ff,
  ...(pDrop === undefined ? {} : { pDrop }),
});
