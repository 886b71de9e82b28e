/** Plots render to SVG in Node: marks for every datum, a title, and a readable error for a broken spec. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { VEGALITE_MIME, heatmapSpec, lineSpec, plotBundle, renderSvg, showPlot } from "./plot";

test("a line chart renders one path per series", async () => {
  const rows = [0, 1, 2, 3].flatMap((epoch) => [
    { epoch, loss: 1 / (epoch + 1), split: "train" },
    { epoch, loss: 1.2 / (epoch + 1), split: "valid" },
  ]);
  const svg = await renderSvg(lineSpec(rows, { x: "epoch", y: "loss", series: "split", title: "Loss per epoch" }));
  assert.match(svg, /^<svg/);
  assert.match(svg, /Loss per epoch/);
  // One line mark path per series (the legend symbols are paths too, so count the line role).
  const lines = svg.match(/class="mark-line role-mark[^"]*"[\s\S]*?<\/g>/g) ?? [];
  assert.is((lines.join("").match(/<path/g) ?? []).length, 2);
});

test("a heatmap has one rect per matrix entry", async () => {
  const svg = await renderSvg(
    heatmapSpec(
      [
        [0.1, 0.9, 0],
        [0.5, 0.25, 0.25],
      ],
      { x: "key", y: "query" },
    ),
  );
  const cells = svg.match(/class="mark-rect role-mark[^"]*"[\s\S]*?<\/g>/)?.[0] ?? "";
  assert.is((cells.match(/<path/g) ?? []).length, 6);
});

test("an invalid spec rejects with the compiler's message", async () => {
  try {
    await renderSvg({ mark: "nonsense" } as never);
    assert.unreachable("should reject");
  } catch (e) {
    assert.match(String(e), /plot: invalid Vega-Lite spec/);
  }
});

test("the bundle carries the Vega-Lite spec (v5 MIME) beside the SVG, so JupyterLab renders it untrusted", async () => {
  const spec = lineSpec(
    [
      { a: 0, b: 1 },
      { a: 1, b: 0.5 },
    ],
    { x: "a", y: "b", title: { text: "loss" } as never },
  );
  const svg = await renderSvg(spec);
  const bundle = plotBundle(spec, svg);
  assert.equal(Object.keys(bundle).sort(), [VEGALITE_MIME, "image/svg+xml", "text/plain"].sort());
  assert.is(VEGALITE_MIME, "application/vnd.vegalite.v5+json");
  assert.equal(bundle[VEGALITE_MIME], spec);
  assert.match(String((bundle[VEGALITE_MIME] as { $schema: string }).$schema), "/vega-lite/v5");
  assert.is(bundle["image/svg+xml"], svg);
  assert.is(bundle["text/plain"], "[plot: loss]");
});

test("outside a kernel showPlot prints one line, not markup", async () => {
  const logged: string[] = [];
  const log = console.log;
  console.log = (s: string) => logged.push(s);
  try {
    await showPlot(lineSpec([{ a: 0, b: 1 }], { x: "a", y: "b", title: "t" }));
  } finally {
    console.log = log;
  }
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^\[plot: t\] \(\d+ characters of SVG\)$/);
});

test.run();
