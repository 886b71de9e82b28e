/** The whole user API of @drills/lib. */
export { ValueError, NotImplementedError, todo, isNotImplemented, invalid, describeValue } from "./errors";
export { useBackend, describeBackend, activateBackend, BACKENDS } from "./backend";
export type { BackendName, BackendChoice } from "./backend";
export { rng, normal, uniform, permutation } from "./random";
export { tryIt, tryItAsync } from "./tryit";
export { renderSvg, showPlot, plotBundle, lineSpec, heatmapSpec, VEGALITE_MIME } from "./plot";
export type { PlotSpec, LineOptions, HeatmapOptions } from "./plot";
export { loadDanfo } from "./danfo"; // its type: Danfo from "@drills/lib/dist/danfo-types" (kept out of this index)
export { displayBundle } from "./display";
export { escapeHtml } from "./html";
export { erf, erfc, normalCdf, quantile } from "./stats";
