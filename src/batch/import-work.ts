import { BatchMissingError, LlmError } from '../errors.js';
import type { LlmWork } from '../streams/llm-map.js';
import { BATCH_RESULTS, type JoinedInput } from '../streams/batch-join.js';
import type { BatchCodec } from './modes.js';

/** The import's "LLM work": no request, the results that came back, validated and built as online. */
export function importWork(codec: BatchCodec): LlmWork {
  return async (record, index, tally) => {
    const joined = record as JoinedInput;
    const results = joined[BATCH_RESULTS] ?? [];
    delete joined[BATCH_RESULTS]; // the failure file and the outputs get the record, not its results
    for (const { result } of results) {
      if (!result) continue;
      tally.requests++;
      if (result.ok) {
        tally.usage.promptTokens += result.usage[0];
        tally.usage.completionTokens += result.usage[1];
      }
    }
    const answers: string[] = [];
    for (const { id, result } of results) {
      if (!result) throw new BatchMissingError(`no result for request ${id} in the result files`);
      if (!result.ok) throw new LlmError('E_LLM_REQUEST', `request ${id} failed at the provider: ${result.message} (${result.where})`, result.status);
      answers.push(result.content);
    }
    return codec.build(record, index, answers);
  };
}
