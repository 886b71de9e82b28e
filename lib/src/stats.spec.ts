/** The one erf/erfc, normal cdf and quantile the checks share, against published values. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { erf, erfc, normalCdf, quantile } from "./stats";

test("erf matches known values, odd", () => {
  // erf(0.5), erf(1), erf(2), erf(3.5) to 15 digits (Abramowitz & Stegun table 7.1)
  const known: [number, number][] = [
    [0.5, 0.520499877813047],
    [1, 0.842700792949715],
    [2, 0.995322265018953],
    [3.5, 0.999999256901628],
  ];
  for (const [x, e] of known)
    assert.ok(Math.abs(erf(x) - e) < 1e-14 && Math.abs(erf(-x) + e) < 1e-14, `erf(${x}) = ${erf(x)}`);
  assert.is(erf(0), 0);
  assert.ok(Number.isNaN(erf(NaN)) && Number.isNaN(erfc(NaN)));
});

test("erfc keeps relative precision in the tail, where 1 − erf cancels", () => {
  // scipy.special.erfc: erfc(5) = 1.5374597944280349e-12, erfc(10) = 2.088487583762545e-45
  const rel = (a: number, b: number) => Math.abs(a - b) / b;
  assert.ok(rel(erfc(5), 1.5374597944280349e-12) < 1e-13, String(erfc(5)));
  assert.ok(rel(erfc(10), 2.088487583762545e-45) < 1e-13, String(erfc(10)));
  assert.ok(Math.abs(erfc(-1) - (1 + 0.842700792949715)) < 1e-14);
  // erfc(3) = 2.20904969985854413…e-5 (A&S 7.1); across the switch from series to continued fraction the
  // series side has cancelled six digits, the documented 1e-9 relative.
  assert.ok(Math.abs(erfc(3) / 2.209049699858544e-5 - 1) < 1e-14, String(erfc(3)));
  assert.ok(Math.abs(erfc(3 - 1e-12) / erfc(3) - 1) < 1e-9);
});

test("normalCdf: Φ(0) = ½, Φ(1.959963984540054) = 0.975, and the far lower tail is not 0", () => {
  assert.is(normalCdf(0), 0.5);
  assert.ok(Math.abs(normalCdf(1.959963984540054) - 0.975) < 1e-15);
  // scipy.stats.norm.cdf(-10) = 7.61985302416047e-24
  assert.ok(Math.abs(normalCdf(-10) / 7.61985302416047e-24 - 1) < 1e-12);
});

test("quantile is numpy's default (linear, type 7)", () => {
  const x = [1, 2, 4, 8];
  // numpy.quantile([1, 2, 4, 8], [0, .25, .5, .9, 1]) = [1, 1.75, 3, 6.8, 8]
  assert.equal(
    [0, 0.25, 0.5, 0.9, 1].map((q) => +quantile(x, q).toFixed(12)),
    [1, 1.75, 3, 6.8, 8],
  );
  assert.is(quantile([5], 0.3), 5);
  assert.is(quantile(Float64Array.of(0, 10), 0.25), 2.5);
});

test.run();
