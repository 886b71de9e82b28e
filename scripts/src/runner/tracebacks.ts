/**
 * nbformat `error` outputs made from stderr text, because tslab reports failures only as stderr (quirk 2).
 */
import { Output } from "./notebook";

/** Stack frames inside tslab and Node's vm: the same for every cell, never the candidate's bug. */
const KERNEL_FRAME = /^\s+at .*(node:vm|node:internal|[\\/]tslab[\\/]dist[\\/]|sigintHandlersWrap)/;
const DIAGNOSTIC = /^\d+:\d+ - /;
const THROWN = /^([A-Za-z_$][\w$.]*): ?(.*)$/;

/**
 * tslab's stderr for a failure is either compiler diagnostics (`line:col - message`) or Node's report of a thrown
 * value (code context, blank line, `Name: message`, stack). Pick a name and message from it; keep the full text.
 */
export function errorFromStderr(stderr: string, fallback: { ename: string; evalue: string }): Output {
  const lines = stderr
    .replace(/\s+$/, "")
    .split("\n")
    .filter((line) => !KERNEL_FRAME.test(line));
  const traceback = stderr.trim() ? lines : [`${fallback.ename}: ${fallback.evalue}`];
  const diagnostics = lines.filter((line) => DIAGNOSTIC.test(line));
  if (diagnostics.length > 0) {
    return { output_type: "error", ename: "CompileError", evalue: diagnostics.join("\n"), traceback };
  }
  // Node prefixes a thrown error with the code context (`evalmachine.<anonymous>:N`, source line, caret, blank).
  const start = lines[0]?.startsWith("evalmachine.") ? Math.max(0, lines.indexOf("")) : 0;
  for (const line of lines.slice(start)) {
    const match = THROWN.exec(line);
    if (match) {
      return { output_type: "error", ename: match[1], evalue: match[2], traceback };
    }
  }
  const first = lines.find((line) => line.trim());
  return { output_type: "error", ename: fallback.ename, evalue: first?.trim() ?? fallback.evalue, traceback };
}
