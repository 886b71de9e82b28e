/** The kernel half of a written answer's self-check: call answer() and return its text, whatever it is. */
import { call } from "../../assert";

/** The written answer, as a function so that the exercise's stub (`throw todo()`) type-checks and reports todo. */
export type WrittenAnswer = () => string;

export const answerCalls = {
  answer: (impl: WrittenAnswer) => ({ text: call("answer()", () => impl()) as unknown }),
};
