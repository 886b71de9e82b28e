/**
 * Notebook validity without Python: the vendored nbformat 4.5 schema (see README.md here) checked with ajv. The
 * schema is JSON Schema draft-04, which ajv 8 reads only through ajv-draft-04.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import type { ValidateFunction } from "ajv";

/** dist/nbformat → src/nbformat: the schema is data, so it stays where it was vendored. */
export const SCHEMA_FILE = path.resolve(__dirname, "..", "..", "src", "nbformat", "nbformat.v4.5.schema.json");

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  // allErrors: report every problem at once; strict off: the schema uses keywords ajv's strict mode would reject.
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));
  return validator;
}

/** The schema's complaints about a parsed notebook, one line each (`/cells/3/outputs/0: must have …`); [] when valid. */
export function schemaProblems(notebook: unknown): string[] {
  const validate = compile();
  if (validate(notebook)) return [];
  return (validate.errors ?? []).map((e) => {
    const params = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
    return `${e.instancePath || "/"}: ${e.message ?? e.keyword}${params}`;
  });
}

/** Problems of a notebook file, each prefixed with its path; a file that is not JSON is one problem. */
export function fileProblems(file: string): string[] {
  let notebook: unknown;
  try {
    notebook = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    return [`${file}: not JSON: ${(e as Error).message}`];
  }
  return schemaProblems(notebook).map((p) => `${file}: ${p}`);
}
