#!/usr/bin/env node
/** Entry point of `npm run execute`; everything lives in `main` so tools and tests can call it in-process. */
import { exitWith } from "../cli/options";
import { main } from "./main";

// On an internal error (exit 70) each kernel's supervisor sees its pipe from this process close and ends the
// kernel's whole tree.
exitWith("execute", main(process.argv.slice(2)));
