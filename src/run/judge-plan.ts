import type { LoadedConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { Stream, rngFor } from '../generator/rng.js';
import { askSettingsOf, chatClientFor, closeClient } from '../llm/client-for.js';
import { JUDGE_COLUMNS, judgeFormat, judgeRecord, judgeSettings } from '../llm/judge-record.js';
import { createLlmMap } from '../streams/llm-map.js';
import { failedPathFor, openInput } from './input.js';
import { llmStageOptions, warn } from './narrate-stage.js';
import { inputDigestFor, loadResume, nothingToResume, startOf } from './resume.js';
import type { InputOptions, RunOptions } from './run-options.js';
import { recordHead } from './record-head.js';
import { runPlan } from './run-plan.js';

/**
 * `gen-stream judge`: narrated records in (stdin or --input), one rubric row per record out (the side file, keyed
 * by id), through the same pooled client and ordered LLM stage as narrate: checkpoints, --resume, the failure
 * file, the cost cap and the circuit breaker all apply. Records the judge cannot score go to the failure file.
 */
export async function runJudge(loaded: LoadedConfig, given: RunOptions & InputOptions): Promise<number> {
  const options = { ...given, family: 'judge' as const };
  const { config } = loaded;
  const { llm } = config;
  if (!llm) throw new UsageError('judge needs an llm block (an OpenAI-compatible endpoint) in the config, or --llm-base-url and --llm-model');
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume(options.quiet);
  const startOffset = startOf(resume, options);
  const input = openInput(options);
  // A resume reads the same input up to its checkpoint, or is refused (the checkpoint keeps a hash of it).
  const digest = inputDigestFor(loaded, options, resume, input.name);
  const format = judgeFormat(llm.responseFormat);
  return runPlan(loaded, { ...options, failedPath: failedPathFor(options.failedPath, options) }, resume, {
    startOffset,
    input: digest,
    ipf: null,
    columns: JUDGE_COLUMNS,
    narratives: false,
    head: recordHead(input, options, startOffset, digest),
    stage: (ctx) => {
      const client = chatClientFor(llm, warn);
      const settings = { ...judgeSettings(askSettingsOf(llm)), language: config.narrative.language, format };
      const stage = createLlmMap({
        work: async (record, index, tally) => [await judgeRecord(record, client, settings, rngFor(config.seed, Stream.retry, index), tally)],
        redact: (text) => client.redact(text),
        ...llmStageOptions(llm, ctx),
      });
      return { stage, close: () => closeClient(client, options.quiet) };
    },
  });
}
