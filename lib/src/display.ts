/**
 * One output with several MIME types (HTML for people, text for terminals, JSON for tools). tslab's public
 * `display` sends one type per output, so a bundle goes through its kernel-side writer, which is set only while
 * this process is a tslab kernel, and only on the tslab copy that started it (this project's, by the kernelspec).
 */
type WriteDisplayData = (
  msg: { data: Record<string, unknown>; metadata: object; transient: object },
  update: boolean,
) => void;

function kernelWriter(): WriteDisplayData | undefined {
  try {
    return (
      (require("tslab/dist/jupyter") as { lastWriteDisplayData: WriteDisplayData | null }).lastWriteDisplayData ??
      undefined
    );
  } catch {
    return undefined;
  }
}

/** Shows the bundle and returns true inside a tslab kernel; returns false elsewhere (the caller prints instead). */
export function displayBundle(data: Record<string, unknown>): boolean {
  const write = kernelWriter();
  if (!write) return false;
  write({ data, metadata: {}, transient: {} }, false);
  return true;
}
