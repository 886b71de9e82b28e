/**
 * Plots in notebooks: a Vega-Lite 5 spec is compiled to Vega and rendered to an SVG string in Node (no canvas, no
 * browser, no JavaScript in the saved notebook), then shown as one output carrying both the SVG and the spec itself
 * as `application/vnd.vegalite.v5+json`: JupyterLab renders the spec with its own Vega extension even in an
 * untrusted notebook, where it withholds SVG; other front ends fall back to the SVG. Vega-Lite 6 does not load
 * in tslab, so the pack pins 5. vega and vega-lite are required lazily: importing @drills/lib stays fast.
 *
 * PlotSpec is deliberately loose: tslab type-checks every .d.ts a cell's imports reach, and vega-lite's types (85
 * files, ~0.3 s per kernel) would be paid by every notebook that imports @drills/lib. vl.compile validates the spec
 * when it is drawn and renderSvg rejects with the compiler's message.
 */
import type { TopLevelSpec } from "vega-lite";
import { displayBundle } from "./display";

/** A Vega-Lite 5 spec (https://vega.github.io/vega-lite/docs/spec.html), validated when drawn. */
export interface PlotSpec {
  $schema?: string;
  [key: string]: unknown;
}

type VegaLite = typeof import("vega-lite");
type Vega = typeof import("vega");
let modules: { vl: VegaLite; vega: Vega } | undefined;

/** vega and vega-lite, loaded on the first plot (~0.15 s) and kept. */
function plotModules(): { vl: VegaLite; vega: Vega } {
  modules ??= { vl: require("vega-lite") as VegaLite, vega: require("vega") as Vega };
  return modules;
}

/** Compiles and renders a Vega-Lite spec; rejects with the compiler's message when the spec is invalid. */
export async function renderSvg(spec: PlotSpec): Promise<string> {
  const { vl, vega } = plotModules();
  let compiled;
  try {
    compiled = vl.compile(spec as unknown as TopLevelSpec).spec;
  } catch (e) {
    throw new Error(`plot: invalid Vega-Lite spec: ${e instanceof Error ? e.message : String(e)}`);
  }
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function titleOf(spec: PlotSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string")
    return (t as { text: string }).text;
  return "plot";
}

export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

/** The display bundle of a plot: the spec for Jupyter's Vega renderer, the SVG, and the title as text. */
export function plotBundle(spec: PlotSpec, svg: string): Record<string, unknown> {
  // A JSON round trip: the bundle is sent as JSON, so what is stored is exactly what the renderer will get.
  return {
    [VEGALITE_MIME]: JSON.parse(JSON.stringify(spec)),
    "image/svg+xml": svg,
    "text/plain": `[plot: ${titleOf(spec)}]`,
  };
}

/**
 * Shows the plot in the notebook (Vega-Lite spec and SVG, with the title as its text form). Outside a kernel it prints one line, so
 * scripts and tests that run notebook code do not dump markup. Returns void: tslab would print a returned value.
 */
export async function showPlot(spec: PlotSpec): Promise<void> {
  const svg = await renderSvg(spec);
  if (!displayBundle(plotBundle(spec, svg))) console.log(`[plot: ${titleOf(spec)}] (${svg.length} characters of SVG)`);
}

export interface LineOptions {
  x: string;
  y: string;
  /** Field that splits rows into one line per value ("model", "split"). */
  series?: string;
  title?: string;
  width?: number;
  height?: number;
}

/** Line chart over rows of records: loss per epoch, an ROC curve (x = fpr, y = tpr, series = "curve"). */
export function lineSpec(rows: Record<string, unknown>[], o: LineOptions): PlotSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 320,
    height: o.height ?? 220,
    data: { values: rows },
    mark: { type: "line", point: rows.length <= 50 },
    encoding: {
      x: { field: o.x, type: "quantitative" },
      y: { field: o.y, type: "quantitative" },
      ...(o.series ? { color: { field: o.series, type: "nominal" } } : {}),
    },
  } as PlotSpec;
}

export interface HeatmapOptions {
  title?: string;
  /** Axis titles: "key position", "query position". */
  x?: string;
  y?: string;
  /** Cell size in pixels. */
  cell?: number;
}

/** Heatmap of a matrix, row i at the top: attention weights (rows = queries, columns = keys). */
export function heatmapSpec(matrix: ArrayLike<number>[], o: HeatmapOptions = {}): PlotSpec {
  const x = o.x ?? "column";
  const y = o.y ?? "row";
  const values = Array.from(matrix).flatMap((row, i) => Array.from(row, (v, j) => ({ [y]: i, [x]: j, value: v })));
  const cell = o.cell ?? 18;
  const cols = matrix.length ? matrix[0].length : 0;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    ...(o.title ? { title: o.title } : {}),
    width: Math.max(cols, 1) * cell,
    height: Math.max(matrix.length, 1) * cell,
    data: { values },
    mark: "rect",
    encoding: {
      x: { field: x, type: "ordinal" },
      y: { field: y, type: "ordinal" },
      color: { field: "value", type: "quantitative", scale: { scheme: "blues" } },
      tooltip: [{ field: y }, { field: x }, { field: "value", format: ".3f" }],
    },
  } as PlotSpec;
}
