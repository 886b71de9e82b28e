/**
 * Drill 02's plain data, shared by both halves: a frame crosses the kernel boundary as columns of cells plus each
 * column's kind, and comes back as columns plus the library's dtype names. No oracle here (the kernel loads it).
 */
import { fmt, fmtExact } from "../../format";

export type Kind = "float" | "int" | "string";
export type Cell = number | string | null;

/** The dtype each kind must keep: danfo's label and polars's DataType name. */
export const DANFO_DTYPE: Record<Kind, string> = { float: "float32", int: "int32", string: "string" };
export const POLARS_DTYPE: Record<Kind, string> = { float: "Float64", int: "Int64", string: "String" };

/** A frame in library-neutral form: column values (null = missing) and each column's kind. */
export interface Table {
  columns: Record<string, Cell[]>;
  dtypes: Record<string, Kind>;
}

/** How a null float cell is written into the library's frame: its native missing value, or every form in turn. */
export type MissingForm = "native" | "mixed";

/** One call of the candidate's imputer: the frame, its arguments, and how missing floats are written. */
export interface Run extends Table {
  cols: string[];
  by?: string;
  missing?: MissingForm;
}

export interface Thrown {
  name: string;
  message: string;
}

/** The first part of the input that differs after the call (measured in the kernel), with both versions. */
export interface Mutation {
  part: string;
  before: unknown;
  after: unknown;
}

/** What one run did: what it threw, or the returned frame's columns and dtype names; and whether it changed its input. */
export interface Ran {
  threw?: Thrown | null;
  columns?: Record<string, unknown[]>;
  dtypes?: Record<string, string>;
  mutated: Mutation | null;
}

export const isMissing = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** A list of names as code reads it: ["v", "nope"]. */
export const names = (xs: readonly string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;

/** One line describing a table for a failure's Input, at full precision (61000.25 is not 61000.3). */
export function describeTable(t: Table, cols?: string[], by?: string): string {
  const parts = Object.entries(t.columns).map(([c, v]) => `${c} (${t.dtypes[c]}) = ${fmtExact(v)}`);
  return `${parts.join("; ")}${cols ? `; cols = ${names(cols)}` : ""}${by ? `, by = ${JSON.stringify(by)}` : ""}`;
}

/**
 * A library error without the library's internals: polars appends its query plan ("Resolved plan until failure:
 * … ---> FAILED HERE …"), which says nothing to a candidate and buries the one line that does.
 */
export function cleanMessage(message: string): string {
  const cut = message.search(/\n\s*(Resolved plan until failure|Error originated just after this operation)/);
  return (cut < 0 ? message : message.slice(0, cut)).trim();
}

export const describeThrown = (t: Thrown): string => `${t.name}: ${cleanMessage(t.message)}`;

/** Deep equality of JS values that keeps NaN and undefined apart from null (JSON would not). */
export function sameDeep(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameDeep(x, b[i]));
  return false;
}

export const cloneDeep = <T>(v: T): T => (Array.isArray(v) ? (v.map(cloneDeep) as T) : v);

export const show = (v: unknown): string =>
  Array.isArray(v) ? fmtExact(v) : typeof v === "number" ? fmtExact(v) : fmt(v);
