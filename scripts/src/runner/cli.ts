#!/usr/bin/env node
/** Entry point of `npm run execute`; everything lives in `main` so tools and tests can call it in-process. */
import { main } from "./main";

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error("execute: internal error:", error);
    // Each kernel's supervisor sees its pipe from this process close, and ends the kernel's whole tree.
    process.exit(70);
  },
);
