/**
 * One UI test session: a throwaway copy of notebooks/ inside the project (so `@drills/*` and tfjs still resolve from
 * the root node_modules, and the committed notebooks are never written — Jupyter autosaves and checkpoints), one
 * Jupyter server on it, one headless chromium, and the artifacts folder for screenshots. `close()` tears it all
 * down and reports any process that outlived it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { BrowserContext } from "playwright-core";
import { PROJECT_DATA_DIR, PROJECT_ROOT, specDir } from "../kernelspec/kernelspec";
import { launchBrowser, notebookVersion } from "./browser";
import { killNow, processesMentioning } from "./processes";
import { startJupyter, type JupyterServer } from "./server";

export const SOURCE_NOTEBOOKS = path.join(PROJECT_ROOT, "notebooks");
export const ARTIFACTS = path.join(PROJECT_ROOT, "artifacts", "ui");

export interface Session {
  served: string;
  server: JupyterServer;
  browser: BrowserContext;
  close(): Promise<string[]>;
}

export async function openSession(): Promise<Session> {
  // The page actions and selectors are the classic UI's (Notebook 6, Debian bookworm's jupyter-notebook); Notebook 7
  // serves a JupyterLab-based UI where every selector would time out, so say so at once.
  const { version = "" } = notebookVersion();
  if (!/^6\./.test(version))
    throw new Error(`jupyter notebook ${version} is not the classic Notebook 6 UI this test drives`);
  // The server sees only the project's data dir and the system ones (its user data dir is a temp dir), so the
  // kernel it starts is the project's tslab or none.
  const spec = path.join(specDir(PROJECT_DATA_DIR), "kernel.json");
  if (!fs.existsSync(spec)) throw new Error(`no project kernelspec at ${spec} (npm run kernelspec)`);
  const work = path.join(PROJECT_ROOT, "build", `ui-${process.pid}`);
  const served = path.join(work, "notebooks");
  const profile = path.join(work, "chromium-profile");
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(SOURCE_NOTEBOOKS, served, { recursive: true, filter: (src) => !src.includes(".ipynb_checkpoints") });
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  const server = await startJupyter(served, path.join(work, "jupyter"));
  let browser: BrowserContext;
  try {
    browser = await launchBrowser(profile);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const closeBrowser = () => {
    for (const pid of processesMentioning(profile)) killNow(pid, false);
  };
  const onExit = () => {
    closeBrowser();
    fs.rmSync(work, { recursive: true, force: true });
  };
  // The server runs in its own process group, so Ctrl-C in a terminal does not reach it: exit through the `exit`
  // hooks (the server's kills it and its kernels, this one the browser and the copy) instead of dying on the spot.
  const onSignal = (signal: NodeJS.Signals) => process.exit(signal === "SIGINT" ? 130 : 143);
  process.on("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const close = async (): Promise<string[]> => {
    const problems: string[] = [];
    await browser.close().catch((e: Error) => problems.push(`closing chromium: ${e.message}`));
    const kernels = await server.stop();
    if (kernels.length)
      problems.push(`${kernels.length} kernel process(es) outlived the server: ${kernels.join(", ")}`);
    const browsers = processesMentioning(profile);
    if (browsers.length)
      problems.push(`${browsers.length} chromium process(es) outlived the browser: ${browsers.join(", ")}`);
    closeBrowser();
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    fs.copyFileSync(server.logFile, path.join(ARTIFACTS, "jupyter.log"));
    fs.rmSync(work, { recursive: true, force: true });
    return problems;
  };
  return { served, server, browser, close };
}
