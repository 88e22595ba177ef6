import type { LoadedConfig } from '../config.js';
import { personaSchema, recordIssues, writeSchemaOf } from '../io/record-schemas.js';
import { createRecordCheck, type RecordCheck } from '../streams/record-check.js';
import { failedPathFor, openInput } from './input.js';
import { createNarrateStage } from './narrate-stage.js';
import { inputDigestFor, loadResume, nothingToResume, startOf } from './resume.js';
import type { InputOptions, RunOptions } from './run-options.js';
import { recordHead } from './record-head.js';
import { runPlan } from './run-plan.js';

/**
 * What each command needs of its input records (io/record-schemas.ts): narrate the census persona its prompts
 * and templates describe; write a persona, a Persona Hub record, or any record with an id.
 */
function checkFor(loaded: LoadedConfig, narrate: boolean): RecordCheck {
  if (narrate) {
    const schema = personaSchema(loaded.model);
    return (r) => recordIssues(schema, r);
  }
  const schemaOf = writeSchemaOf(loaded.model);
  return (r) => recordIssues(schemaOf(r), r);
}

/**
 * `gen-stream narrate` (narratives) and `gen-stream write` (no narratives): JSONL records from stdin or a file,
 * out to every configured output, checkpointed. With `retryFailed`, the input is a failure file. A record that
 * fails its command's check goes to the failure file (E_RECORD) at its turn; the run exits 2 once done.
 */
export async function runStream(loaded: LoadedConfig, options: RunOptions & InputOptions, narrate: boolean): Promise<number> {
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume(options.quiet);
  const startOffset = startOf(resume, options);
  const input = openInput(options);
  const digest = inputDigestFor(loaded, options, resume, input.name);
  return runPlan(loaded, { ...options, failedPath: failedPathFor(options.failedPath, options) }, resume, {
    startOffset,
    input: digest,
    ipf: null,
    stage: narrate ? (ctx) => createNarrateStage(loaded.config, ctx) : (ctx) => ({ stage: createRecordCheck(ctx.failures), close: async () => {} }),
    narratives: narrate || 'input',
    head: recordHead(input, options, startOffset, digest, { check: checkFor(loaded, narrate) }),
  });
}
