/** danfojs's module type, kept out of @drills/lib's index so only code that names it pays for checking it. */
import type * as D from "danfojs/dist/danfojs-browser/src/index";

export type Danfo = typeof D;
