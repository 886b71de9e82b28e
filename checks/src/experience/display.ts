/**
 * A small note in the notebook (the time box line, a hint): text for terminals and HTML for people, through tslab's
 * kernel-side writer when this process is a tslab kernel, else a plain line on stdout.
 */
import { displayBundle, escapeHtml } from "@drills/lib";

const esc = escapeHtml;

export function showNote(text: string, kind: "time" | "hint"): void {
  const style = kind === "hint" ? "border-left:4px solid #0969da;padding:.3em .8em" : "color:#57606a;padding:.1em .8em";
  const html = `<div class="drills-${kind}" style="font-family:system-ui,sans-serif;${style}">${esc(text).replace(/\n/g, "<br>")}</div>`;
  if (!displayBundle({ "text/plain": text, "text/html": html })) console.log(text);
}
