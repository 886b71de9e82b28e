/**
 * What a module's declarations make tslab read: tslab type-checks every .d.ts a cell's imports reach, so a narrow
 * surface is a fast cell. Used by the surface specs of lib and checks; no notebook imports it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** Every bare package a .d.ts reaches from `entry`, following relative imports (`from`, `import()`, bare `import`). */
export function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const m of text.matchAll(
      /(?:from\s*|import\s*\(\s*|import\s+|require\s*\(\s*|reference\s+types\s*=\s*)["']([^"']+)["']/g,
    )) {
      const spec = m[1];
      if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, "") + ".d.ts"));
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

/**
 * The packages whose modules are in require.cache after running `code` in a fresh node (an async body), from `cwd`.
 * A package is the path after the last node_modules/: one segment, two for @scope/name.
 */
export function packagesLoaded(code: string, cwd: string): string[] {
  const script = `(async () => { ${code}; console.log(JSON.stringify(Object.keys(require.cache))) })()`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd });
  if (r.status !== 0) throw new Error(`packagesLoaded: node exited ${r.status} running ${code}\n${r.stderr}`);
  const files = JSON.parse(r.stdout.trim().split("\n").pop()!) as string[];
  const packages = files
    .filter((f) => f.includes(`${path.sep}node_modules${path.sep}`))
    .map((f) => {
      const parts = f.split(`${path.sep}node_modules${path.sep}`).pop()!.split(path.sep);
      return parts.slice(0, parts[0].startsWith("@") ? 2 : 1).join("/");
    });
  return [...new Set(packages)];
}
