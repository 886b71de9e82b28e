/**
 * Plain data across the kernel boundary. A grading kernel returns what the candidate's code produced; the grader
 * judges it in its own process. JSON cannot carry typed arrays, NaN, ±Infinity, −0 or undefined, so those are
 * tagged: a tagged value is an object with exactly one key starting with "$". A plain object that has a "$" key of
 * its own is wrapped ({ "$o": … }) so that decoding is unambiguous.
 */
const TYPED = {
  Float32Array,
  Float64Array,
  Int32Array,
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
} as const;
type TypedName = keyof typeof TYPED;

export function encode(v: unknown, depth = 0): unknown {
  if (depth > 64) throw new Error("encode: data nested deeper than 64 levels");
  if (v === undefined) return { $u: 1 };
  if (typeof v === "number") {
    if (Number.isNaN(v)) return { $n: "NaN" };
    if (!Number.isFinite(v)) return { $n: v > 0 ? "Infinity" : "-Infinity" };
    if (Object.is(v, -0)) return { $n: "-0" };
    return v;
  }
  if (typeof v === "bigint") return { $b: v.toString() };
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const name = v.constructor.name as TypedName;
    if (!(name in TYPED)) throw new Error(`encode: unsupported typed array ${name}`);
    return { $t: name, b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
  }
  if (Array.isArray(v)) return v.map((x) => encode(x, depth + 1));
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = encode(o[k], depth + 1);
    return Object.keys(o).some((k) => k.startsWith("$")) ? { $o: out } : out;
  }
  throw new Error(`encode: cannot send a ${typeof v}`);
}

export function decode(v: unknown, depth = 0): unknown {
  if (depth > 64) throw new Error("decode: data nested deeper than 64 levels");
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => decode(x, depth + 1));
  const o = v as Record<string, unknown>;
  if ("$u" in o) return undefined;
  if ("$n" in o) return o.$n === "-0" ? -0 : Number(o.$n);
  if ("$b" in o) return BigInt(String(o.$b));
  if ("$t" in o) {
    const ctor = TYPED[o.$t as TypedName];
    if (!ctor || typeof o.b64 !== "string") throw new Error(`decode: bad typed array ${JSON.stringify(o.$t)}`);
    const bytes = Buffer.from(o.b64, "base64");
    if (bytes.length % ctor.BYTES_PER_ELEMENT !== 0) throw new Error(`decode: ${o.$t} of ${bytes.length} bytes`);
    const copy = new Uint8Array(bytes); // own, aligned buffer
    return new ctor(copy.buffer, 0, copy.length / ctor.BYTES_PER_ELEMENT);
  }
  const inner = "$o" in o ? (o.$o as Record<string, unknown>) : o;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(inner)) out[k] = decode(inner[k], depth + 1);
  return out;
}

/** JSON text of encoded data, and back. */
export const pack = (v: unknown): string => JSON.stringify(encode(v));
export const unpack = (s: string): unknown => decode(JSON.parse(s));
