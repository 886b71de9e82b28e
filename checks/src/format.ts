/** Short, stable renderings of values for failure messages: numbers to 6 significant digits, long arrays elided. */
const MAX_ITEMS = 8;

export function fmtNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  // Six significant digits, trailing zeros dropped: 1e-5, not 1.0000e-5.
  const r = Number(x.toPrecision(6));
  return a !== 0 && (a < 1e-4 || a >= 1e6) ? r.toExponential() : String(r);
}

function isTensorLike(
  v: unknown,
): v is { shape: number[]; dtype: string; dataSync(): ArrayLike<number>; isDisposed: boolean } {
  return typeof v === "object" && v !== null && "shape" in v && "dataSync" in v && "dtype" in v;
}

/**
 * Inputs at full precision (the shortest text that reads back as the same number): an input shown as 61000.3 when
 * it was 61000.25 sends the candidate after the wrong bug. Long arrays are still elided.
 */
export function fmtExact(v: unknown): string {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : fmtNumber(v);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const arr = Array.from(v as ArrayLike<unknown>);
    const more = arr.length > MAX_ITEMS ? `, … ${arr.length - MAX_ITEMS} more` : "";
    return `[${arr.slice(0, MAX_ITEMS).map(fmtExact).join(", ")}${more}]`;
  }
  return fmt(v);
}

export function fmt(v: unknown): string {
  if (typeof v === "number") return fmtNumber(v);
  if (typeof v === "string") return v;
  if (v === null || v === undefined || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (isTensorLike(v)) {
    if (v.isDisposed) return `disposed Tensor(shape [${v.shape.join(", ")}])`;
    return `Tensor ${v.dtype} [${v.shape.join(", ")}] ${fmt(Array.from(v.dataSync()))}`;
  }
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const arr = Array.from(v as ArrayLike<unknown>);
    const head = arr.slice(0, MAX_ITEMS).map(fmt).join(", ");
    const more = arr.length > MAX_ITEMS ? `, … ${arr.length - MAX_ITEMS} more` : "";
    return `[${head}${more}]`;
  }
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === "number" ? Number(fmtNumber(x)) : x));
    return s.length > 200 ? s.slice(0, 197) + "..." : s;
  } catch {
    return Object.prototype.toString.call(v);
  }
}
