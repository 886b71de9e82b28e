/**
 * The modules of the judge's side, by file name: oracles, judges, case lists, hidden properties, fixtures, rubrics,
 * test code and model answers. None may be reachable from a drill's kernel half (calls.js): the grading kernel's
 * build refuses to assemble if one is, and the registry-wide spec loads every calls.js to check it.
 */
export const JUDGE_SIDE =
  /(^|[\\/])(oracle[^\\/]*|checks|cases-[^\\/]*|judge|compare|ran|hidden[^\\/]*|rubric|fixtures?|grading|testing|[^\\/]*answers?|[^\\/]*reference[^\\/]*)\.js$|(^|[\\/])test[\\/]|\.spec\.js$/;
