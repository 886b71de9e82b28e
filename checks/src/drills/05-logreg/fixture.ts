/** Drill 05's sklearn fixture (judge side): problems with sklearn's coef_ and log-losses at given weights. */
import { loadFixture } from "../../fixtures";
import type { Matrix } from "./oracle";

export interface LogregFixtureCase {
  name: string;
  X: Matrix;
  y: number[];
  lambda: number;
  coef: number[];
  losses: { w: number[]; lambda: number; loss: number }[];
}
let fixture: LogregFixtureCase[] | undefined;
export const logregFixture = () => (fixture ??= loadFixture<{ cases: LogregFixtureCase[] }>("05-logreg").cases);
