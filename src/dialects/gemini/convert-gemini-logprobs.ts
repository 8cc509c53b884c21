import type { Logprobs } from '../../../generated/types/index.js';
import type { GeminiLogprobsResult } from './gemini-wire-types.js';

/** Gemini's chosen-token log probabilities as OpenAI's `logprobs.content`. */
export function convertGeminiLogprobs(result: GeminiLogprobsResult | undefined): Logprobs | undefined {
  const chosen = result?.chosenCandidates;
  if (!Array.isArray(chosen)) return undefined;
  return {
    content: chosen.map((candidate, index) => ({
      token: candidate.token ?? '',
      logprob: candidate.logProbability ?? 0,
      bytes: null,
      top_logprobs: (result?.topCandidates?.[index]?.candidates ?? []).map((top) => ({
        token: top.token ?? '',
        logprob: top.logProbability ?? 0,
        bytes: null,
      })),
    })),
  };
}
