/**
 * The system chromium, driven by playwright-core (which never downloads a browser), and the check for whether the UI
 * test can run here at all. The flags keep an offline, root, GPU-less CI box quiet: no sandbox (root), no network
 * chatter (background networking, component updates, sync, QUIC), no first-run UI, and a fresh profile every run.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import type { BrowserContext } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** DRILLS_CHROMIUM overrides the browser; Debian's package installs /usr/bin/chromium. */
export function chromiumPath(env = process.env): string {
  return env.DRILLS_CHROMIUM || "/usr/bin/chromium";
}

/** The classic Notebook UI major version (6 on Debian bookworm), or why Jupyter is unusable. */
export function notebookVersion(): { version?: string; reason?: string } {
  try {
    const out = execFileSync("jupyter", ["notebook", "--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { version: out.trim() };
  } catch (error) {
    return {
      reason: `\`jupyter notebook --version\` failed (apt-get install jupyter-notebook): ${(error as Error).message.split("\n")[0]}`,
    };
  }
}

/**
 * Why the UI test cannot run here, or undefined when it can. Absent tools skip; present-but-wrong tools are not a
 * skip (the selectors are for Notebook 6's classic UI, so a Notebook 7 must fail loudly, not pass quietly).
 */
export function missingPrerequisite(env = process.env): string | undefined {
  if (env.DRILLS_UI === "0") return "DRILLS_UI=0";
  const browser = chromiumPath(env);
  if (!fs.existsSync(browser)) return `no chromium at ${browser} (apt-get install chromium, or set DRILLS_CHROMIUM)`;
  try {
    require.resolve("playwright-core");
  } catch {
    return "playwright-core is not installed (npm ci)";
  }
  return notebookVersion().reason;
}

/** Launches headless chromium on a fresh profile dir (playwright passes it as --user-data-dir). */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  const { chromium } = await import("playwright-core");
  fs.mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 1000 },
    timeout: 60_000,
  });
}
