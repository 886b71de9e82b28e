/**
 * Build-time only: `node warmup.js <dir>` loads tslab and the pack the way a kernel and a setup cell do, then writes
 * the V8 code cache of every node_modules file it compiled into <dir>. Run by buildCodeCache, never by a kernel.
 */
import * as path from "node:path";
import { recordCodeCache } from "./codecache";
import { PROJECT_ROOT } from "./kernelspec";

const NODE_MODULES = path.join(PROJECT_ROOT, "node_modules") + path.sep;

/** The cells a kernel compiles first: a trivial one, the setup imports, and one using tf (the checker's paths). */
export const WARMUP_CELLS = [
  "1 + 1",
  'import * as tf from "@tensorflow/tfjs-core";\nimport { useBackend } from "@drills/lib";\nimport { checkZscore } from "@drills/checks/01-zscore";',
  "const warm: tf.Tensor1D = tf.tensor1d([1, 2]);\nconst twice = tf.mul(warm, 2);",
];

type Ts = typeof import("typescript");

/**
 * True when the source calls import() — by TypeScript's scanner, so the word in a string or comment (typescript.js
 * has several) does not count. A cached module would lose import() on Node 20 (see codecache.ts).
 */
export function hasDynamicImport(ts: Ts, source: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  let previous = ts.SyntaxKind.Unknown;
  let beforePrevious = ts.SyntaxKind.Unknown;
  const templates: number[] = [];
  let depth = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (
      token === ts.SyntaxKind.OpenParenToken &&
      previous === ts.SyntaxKind.ImportKeyword &&
      beforePrevious !== ts.SyntaxKind.DotToken
    )
      return true;
    // A `/` after an operand is division; elsewhere it may open a regex, which the scanner must re-read as one.
    if (token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) {
      const operand = [
        ts.SyntaxKind.Identifier,
        ts.SyntaxKind.CloseParenToken,
        ts.SyntaxKind.CloseBracketToken,
        ts.SyntaxKind.NumericLiteral,
        ts.SyntaxKind.StringLiteral,
      ].includes(previous);
      if (!operand) token = scanner.reScanSlashToken();
    }
    // `}` ends a template substitution only at the brace depth where its `${` opened; then the template goes on.
    if (token === ts.SyntaxKind.TemplateHead) templates.push(depth);
    else if (token === ts.SyntaxKind.OpenBraceToken) depth++;
    else if (token === ts.SyntaxKind.CloseBraceToken) {
      if (templates.length && templates[templates.length - 1] === depth) {
        token = scanner.reScanTemplateToken(false);
        if (token === ts.SyntaxKind.TemplateTail) templates.pop();
      } else depth--;
    }
    beforePrevious = previous;
    previous = token;
  }
  return false;
}

function main(dir: string): void {
  const recorder = recordCodeCache((f) => f.startsWith(NODE_MODULES) && !f.endsWith(".json"));
  process.chdir(PROJECT_ROOT);
  require("tslab/dist/main");
  const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
  const converter = createConverter({ isJS: false, isBrowser: false });
  let decl = "";
  for (const cell of WARMUP_CELLS) decl = converter.convert(decl, cell).declOutput ?? "";
  converter.close();
  // Runtime modules a setup cell loads (tfjs's kernels register at require time).
  require("@tensorflow/tfjs");
  require("@drills/checks");
  const ts = require("@tslab/typescript-for-tslab") as Ts;
  const manifest = recorder.write(dir, (source) => !hasDynamicImport(ts, source));
  console.log(`${Object.keys(manifest.files).length} files`);
}

if (require.main === module) main(process.argv[2]);
