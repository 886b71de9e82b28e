#!/usr/bin/env node
/**
 * npm run kernelspec [-- --user] [--quiet]
 * Writes the project-local kernelspec (always) and the user-level one (with --user).
 */
import * as path from "node:path";
import { type Command, SHARED, exitWith, runCommand } from "../cli/options";
import { buildCodeCache } from "./cachebuild";
import { KERNEL_NAME, PROJECT_DATA_DIR, userDataDir, writeSpec, specDir } from "./kernelspec";

export const KERNELSPEC: Command = {
  name: "kernelspec",
  synopsis: "npm run kernelspec -- [--user] [--quiet]",
  description:
    `Writes the tslab kernelspec ("${KERNEL_NAME}", shown as "TypeScript") for this project: always to\n` +
    `${path.relative(process.cwd(), specDir(PROJECT_DATA_DIR)) || "."} (used by npm run execute / grade / tests).\n` +
    "A kernel.json this command did not write (e.g. tslab install's) is backed up to kernel.json.bak first.",
  options: {
    user: {
      type: "boolean",
      help: "also where Jupyter looks for your kernels, so JupyterLab started anywhere offers it",
    },
    quiet: SHARED.quiet,
    "no-code-cache": {
      type: "boolean",
      help: "do not (re)build the kernels' V8 code cache (built when missing or stale)",
    },
  },
};

export function main(argv: string[]): Promise<number> {
  return runCommand(KERNELSPEC, argv, (values) => {
    const targets = [PROJECT_DATA_DIR, ...(values.user ? [userDataDir()] : [])];
    for (const dataDir of targets) {
      const { file, outcome, backup } = writeSpec(dataDir);
      if (values.quiet && outcome === "unchanged") continue;
      if (backup) console.log(`kernelspec: ${file} was not written by this project; kept a copy at ${backup}`);
      console.log(`kernelspec ${outcome}: ${file}`);
      console.log(`  remove with: rm -r ${JSON.stringify(path.dirname(file))}`);
    }
    if (values["no-code-cache"] !== true) {
      const cache = buildCodeCache();
      if (cache.outcome === "failed")
        console.error(
          `kernelspec: code cache not built (kernels still work, they compile from source):\n  ${cache.detail}`,
        );
      else if (!values.quiet || cache.outcome !== "unchanged")
        console.log(`code cache ${cache.outcome}: ${cache.detail}`);
    }
    return 0;
  });
}

if (require.main === module) exitWith("kernelspec", main(process.argv.slice(2)));
