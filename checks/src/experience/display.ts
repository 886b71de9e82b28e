/**
 * A small note in the notebook (the time box line, a hint): text for terminals and HTML for people, through tslab's
 * kernel-side writer when this process is a tslab kernel, else a plain line on stdout.
 */
type WriteDisplayData = (msg: { data: Record<string, unknown>; metadata: object; transient: object }, update: boolean) => void;

function kernelWriter(): WriteDisplayData | undefined {
  try {
    return (require("tslab/dist/jupyter") as { lastWriteDisplayData: WriteDisplayData | null }).lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function showNote(text: string, kind: "time" | "hint"): void {
  const write = kernelWriter();
  if (!write) {
    console.log(text);
    return;
  }
  const style = kind === "hint" ? "border-left:4px solid #0969da;padding:.3em .8em" : "color:#57606a;padding:.1em .8em";
  const html = `<div class="drills-${kind}" style="font-family:system-ui,sans-serif;${style}">${esc(text).replace(/\n/g, "<br>")}</div>`;
  write({ data: { "text/plain": text, "text/html": html }, metadata: {}, transient: {} }, false);
}
