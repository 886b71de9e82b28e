/**
 * The one JUnit XML writer (the runner's --junit and the grader's grade.junit.xml). Outcomes map the same way
 * everywhere: a failing check is a <failure>, a check or notebook that could not run an <error>, a todo check
 * <skipped>. A failure's message attribute is one line a dashboard can show: `ename: evalue` for a thrown error
 * (`RangeError: boom`), the check's headline for a check.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { escapeHtml } from "@drills/lib/dist/html";

export type Outcome = "pass" | "fail" | "error" | "skipped";

export interface JunitCase {
  classname: string;
  name: string;
  /** Measured time; 0 only when nothing was measured. */
  ms: number;
  outcome: Outcome;
  /** One line for the message attribute. */
  message?: string;
  /** The full text (traceback, check report). */
  body?: string;
}

export interface JunitSuite {
  name: string;
  ms: number;
  cases: JunitCase[];
}

/** The outcome of a check report's status: todo is skipped, never a failure. */
export function checkOutcome(status: string): Outcome {
  if (status === "pass") return "pass";
  if (status === "todo") return "skipped";
  if (status === "fail") return "fail";
  return "error";
}

/** A check report entry as a test case: its headline (the report's first line) is the message. */
export function checkCase(
  classname: string,
  check: { name: string; status: string; message?: string; ms?: number },
): JunitCase {
  const outcome = checkOutcome(check.status);
  const headline = firstLine(check.message ?? "") || check.status;
  return {
    classname,
    name: check.name,
    ms: check.ms ?? 0,
    outcome,
    ...(outcome === "pass" ? {} : { message: headline, body: check.message ?? "" }),
  };
}

/** A thrown error as Jupyter names it: `RangeError: boom`. */
export function errorMessage(ename: string, evalue: string): string {
  return `${ename}: ${firstLine(evalue)}`.trim();
}

export const firstLine = (text: string) =>
  text
    .split("\n")
    .find((l) => l.trim())
    ?.trim() ?? "";

/** XML 1.0 cannot carry most control characters at all (kernel output can hold any byte): drop them, then escape. */
export function xmlText(value: string): string {
  return escapeHtml(value.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ""));
}

/** xmlText's inverse, for reading back a JUnit file this project wrote (escapeHtml's five entities). */
export const xmlUnescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** An attribute of one start tag, unescaped; undefined when the tag has none. */
export const xmlAttr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]) : undefined;
};

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function counts(cases: JunitCase[]): string {
  const n = (o: Outcome) => cases.filter((c) => c.outcome === o).length;
  return `tests="${cases.length}" failures="${n("fail")}" errors="${n("error")}" skipped="${n("skipped")}"`;
}

function caseXml(c: JunitCase): string {
  const open = `    <testcase classname="${xmlText(c.classname)}" name="${xmlText(c.name)}" time="${seconds(c.ms)}"`;
  const message = xmlText(c.message ?? "");
  if (c.outcome === "pass") return `${open}/>`;
  if (c.outcome === "skipped") return `${open}>\n      <skipped message="${message}"/>\n    </testcase>`;
  const tag = c.outcome === "fail" ? "failure" : "error";
  return `${open}>\n      <${tag} message="${message}">${xmlText(c.body ?? "")}</${tag}>\n    </testcase>`;
}

export function junitXml(name: string, suites: JunitSuite[], ms = suites.reduce((t, s) => t + s.ms, 0)): string {
  const all = suites.flatMap((s) => s.cases);
  const body = suites.map(
    (s) =>
      `  <testsuite name="${xmlText(s.name)}" ${counts(s.cases)} time="${seconds(s.ms)}">\n${s.cases.map(caseXml).join("\n")}\n  </testsuite>`,
  );
  const head = `<testsuites name="${xmlText(name)}" ${counts(all)} time="${seconds(ms)}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${body.join("\n")}\n</testsuites>\n`;
}

export function writeJunitFile(file: string, xml: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, xml);
}
