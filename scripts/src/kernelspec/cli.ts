/**
 * npm run kernelspec [-- --user] [--quiet]
 * Writes the project-local kernelspec (always) and the user-level one (with --user).
 */
import * as path from "node:path";
import { buildCodeCache } from "./cachebuild";
import { KERNEL_NAME, PROJECT_DATA_DIR, userDataDir, writeSpec, specDir } from "./kernelspec";

const USAGE = `usage: npm run kernelspec -- [--user] [--quiet]

Writes the tslab kernelspec ("${KERNEL_NAME}", shown as "TypeScript") for this project.
  (always)  ${path.relative(process.cwd(), specDir(PROJECT_DATA_DIR)) || "."}: used by npm run execute / grade / tests
  --user    also where Jupyter looks for your kernels, so JupyterLab started anywhere offers it
  --quiet   print nothing unless something changed
  --no-code-cache  do not (re)build the kernels' V8 code cache (built when missing or stale)`;

export function main(argv: string[]): number {
  const unknown = argv.filter((a) => !["--user", "--quiet", "--no-code-cache", "--help", "-h"].includes(a));
  if (argv.includes("--help") || argv.includes("-h") || unknown.length > 0) {
    if (unknown.length > 0) console.error(`kernelspec: unknown option ${unknown.join(" ")}`);
    console.log(USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
  const quiet = argv.includes("--quiet");
  const targets = [PROJECT_DATA_DIR, ...(argv.includes("--user") ? [userDataDir()] : [])];
  for (const dataDir of targets) {
    const { file, outcome } = writeSpec(dataDir);
    if (quiet && outcome === "unchanged") continue;
    console.log(`kernelspec ${outcome}: ${file}`);
    console.log(`  remove with: rm -r ${JSON.stringify(path.dirname(file))}`);
  }
  if (!argv.includes("--no-code-cache")) {
    const cache = buildCodeCache();
    if (cache.outcome === "failed") console.error(`kernelspec: code cache not built (kernels still work, they compile from source):\n  ${cache.detail}`);
    else if (!quiet || cache.outcome !== "unchanged") console.log(`code cache ${cache.outcome}: ${cache.detail}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
