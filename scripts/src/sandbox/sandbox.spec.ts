/**
 * The sandbox attacked from inside a real tslab kernel: read what is outside the allowlist, write into the
 * installed packages, reach the network, leave a file for the next candidate, find a secret in the environment.
 * Skips, saying why, where bubblewrap cannot run.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { PROJECT_ROOT } from "../kernelspec/kernelspec";
import { executeNotebook, NotebookResult } from "../runner/execute";
import { isRunning } from "../runner/testing/fixtures";
import { sandboxAvailable } from "./sandbox";

const probe = sandboxAvailable();
const base = path.join(PROJECT_ROOT, "build", `sandbox-spec-${process.pid}`);
const secret = path.join(base, "outside", "hidden-cases.json");
test.after(() => fs.rmSync(base, { recursive: true, force: true }));

/** Runs cells in a fresh sandboxed kernel; each cell prints one JSON line, returned in order. */
async function inSandbox(
  name: string,
  cells: string[],
  extra: Parameters<typeof executeNotebook>[1] = {},
): Promise<{ lines: any[]; result: NotebookResult }> {
  const work = path.join(base, name);
  fs.mkdirSync(work, { recursive: true });
  const file = path.join(work, "n.ipynb");
  const json = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript" } },
    cells: [
      'import * as fs from "fs";\nimport * as net from "net";\nconst attempt = (f: () => unknown) => { try { return { ok: f() } } catch (e) { return { err: (e as any).code ?? String(e) } } };',
      ...cells,
    ].map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      source,
      outputs: [],
      execution_count: null,
    })),
  };
  fs.writeFileSync(file, JSON.stringify(json));
  const result = await executeNotebook(file, {
    timeoutSeconds: 30,
    ...extra,
    sandbox: { ...extra.sandbox, workDir: work },
  });
  const lines = result.notebook!.cells.slice(1).map((c) => {
    const text = (c.outputs ?? [])
      .filter((o) => o.output_type === "stream" && o.name === "stdout")
      .map((o) => o.text)
      .join("");
    return text ? JSON.parse(text) : { noOutput: JSON.stringify(c.outputs) };
  });
  return { lines, result };
}

if (!probe.available) {
  test("sandbox", () => console.log(`  skipped: ${probe.reason}`));
} else {
  test("the kernel sees only the allowlist: no solutions, scripts, hidden file, home or other folders", async () => {
    fs.mkdirSync(path.dirname(secret), { recursive: true });
    fs.writeFileSync(secret, '{"cases": "the interviewer\'s"}');
    // scripts/ exists only as the path down to the code cache's preload (scripts/dist/kernelspec): its sources and the
    // grader are not there.
    const targets = [
      secret,
      path.join(PROJECT_ROOT, "notebooks", "solutions"),
      path.join(PROJECT_ROOT, "scripts", "src"),
      path.join(PROJECT_ROOT, "package.json"),
      "/root",
      "/etc/shadow",
      "/work",
      path.join(base, "other-candidate"),
      path.join(PROJECT_ROOT, "scripts", "dist", "grade"),
    ];
    fs.mkdirSync(path.join(base, "other-candidate"), { recursive: true });
    const { lines, result } = await inSandbox(
      "read",
      [
        `console.log(JSON.stringify(${JSON.stringify(targets)}.map((p) => attempt(() => fs.readdirSync(p).length + fs.readFileSync(p, "utf8").length))))`,
        `console.log(JSON.stringify(attempt(() => fs.readdirSync(${JSON.stringify(PROJECT_ROOT)}).sort())))`,
        `console.log(JSON.stringify({ uid: process.getuid(), pid: process.pid, env: process.env, argv: fs.readFileSync("/proc/self/cmdline", "utf8") }))`,
        `fs.writeFileSync("written.txt", "x"); console.log(JSON.stringify("ok"))`,
      ],
      { env: { ...process.env, DRILLS_HIDDEN_FILE: secret, GRADER_TOKEN: "s3cret" } },
    );
    assert.equal(result.failures, []);
    assert.equal(
      lines[0],
      targets.map((p) => (p === "/work" ? lines[0][targets.indexOf("/work")] : { err: "ENOENT" })),
      JSON.stringify(lines[0]),
    );
    assert.ok(
      lines[0][targets.indexOf("/work")].err,
      "/work exists only as the path down to the binds, and is not readable as a file",
    );
    assert.equal(
      lines[1].ok,
      ["build", "checks", "lib", "node_modules", "scripts", "share"].filter((d) =>
        fs.existsSync(path.join(PROJECT_ROOT, d)),
      ),
      "only the bound parts of the project",
    );
    const inside = lines[2];
    assert.is(inside.env.DRILLS_HIDDEN_FILE, undefined);
    assert.is(inside.env.GRADER_TOKEN, undefined);
    assert.is(inside.env.DRILLS_MODE, "headless", "the pack's own switches do get in");
    assert.not.match(JSON.stringify(inside), "s3cret");
    assert.not.match(JSON.stringify(inside), "hidden-cases");
    assert.is(inside.pid, 2, "its own PID namespace (bwrap's init is 1)");
    if (probe.dropsPrivileges) {
      assert.is(inside.uid, 65534);
      assert.is(
        fs.statSync(path.join(base, "read", "written.txt")).uid,
        65534,
        "an unprivileged uid on the host too, not root mapped",
      );
    }
    assert.not.ok(isRunning(result.kernelPid!));
  });

  test("the installed packages and the checks build are read-only; /tmp does not survive to the next kernel", async () => {
    const checksDist = path.join(PROJECT_ROOT, "checks", "dist");
    const targets = [
      path.join(PROJECT_ROOT, "node_modules", "tslab", "package.json"),
      path.join(checksDist, "drill.js"),
      path.join(PROJECT_ROOT, "node_modules", "new-file.js"),
    ];
    const before = targets.map((t) => (fs.existsSync(t) ? fs.readFileSync(t, "utf8") : undefined));
    const first = await inSandbox("write", [
      `console.log(JSON.stringify(${JSON.stringify(targets)}.map((p) => attempt(() => fs.appendFileSync(p, "\\n// pwned\\n")))))`,
      `fs.writeFileSync("/tmp/left-for-next.txt", "answers"); console.log(JSON.stringify(fs.readdirSync("/tmp")))`,
    ]);
    // EACCES where the unprivileged uid is checked first, EROFS where the read-only mount is.
    assert.ok(
      first.lines[0].every((r: { err?: string }) => r.err === "EROFS" || r.err === "EACCES"),
      JSON.stringify(first.lines[0]),
    );
    assert.equal(
      targets.map((t) => (fs.existsSync(t) ? fs.readFileSync(t, "utf8") : undefined)),
      before,
      "nothing changed on the host",
    );
    assert.ok(first.lines[1].includes("left-for-next.txt"));
    assert.not.ok(fs.existsSync("/tmp/left-for-next.txt"), "the sandbox's /tmp is not the host's");
    const second = await inSandbox("write2", [
      `console.log(JSON.stringify(attempt(() => fs.readFileSync("/tmp/left-for-next.txt", "utf8"))))`,
    ]);
    assert.equal(second.lines[0], { err: "ENOENT" });
  });

  test("no network: a TCP connection to a server on the host's loopback fails", async () => {
    const server = net.createServer((socket) => socket.end("reached"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const { lines } = await inSandbox("net", [
        `const outcome = await new Promise((resolve) => { const s = net.connect(${port}, "127.0.0.1"); s.on("data", (d) => resolve({ ok: String(d) })); s.on("error", (e: any) => resolve({ err: e.code })); setTimeout(() => resolve({ err: "timeout" }), 3000); }); console.log(JSON.stringify(outcome))`,
      ]);
      assert.ok(lines[0].err, JSON.stringify(lines[0]));
    } finally {
      server.close();
    }
  });

  test("a notebook outside the sandbox's workDir is refused before anything starts", async () => {
    fs.mkdirSync(path.join(base, "elsewhere"), { recursive: true });
    const file = path.join(base, "elsewhere", "n.ipynb");
    fs.writeFileSync(
      file,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [{ cell_type: "code", id: "a", metadata: {}, source: "1", outputs: [], execution_count: null }],
      }),
    );
    const result = await executeNotebook(file, { sandbox: { workDir: path.join(base, "work-only") } });
    assert.is(result.failures[0].kind, "kernel-start");
    assert.match(result.failures[0].message, "is not inside the sandbox's workDir");
    assert.is(result.kernelPid, undefined);
    assert.equal(
      fs.readdirSync("/tmp").filter((d) => d.startsWith(`drills-kernel-${process.pid}-`)),
      [],
      "no connection folder left",
    );
  });

  test("an extra bind replaces a folder (a kernel-only checks build over checks/dist)", async () => {
    const replacement = path.join(base, "kernel-checks");
    fs.mkdirSync(replacement, { recursive: true });
    fs.writeFileSync(path.join(replacement, "marker.txt"), "kernel-only build");
    const dest = path.join(PROJECT_ROOT, "checks", "dist");
    const { lines } = await inSandbox(
      "bind",
      [`console.log(JSON.stringify(fs.readdirSync(${JSON.stringify(dest)})))`],
      {
        sandbox: { workDir: "set by inSandbox", binds: [{ src: replacement, dest }] },
      },
    );
    assert.equal(lines[0], ["marker.txt"]);
  });
}

test.run();
