import { type Command, inputOf, STREAM_COMMAND } from './command.js';

export const judge: Command = {
  name: 'judge',
  summary: 'score narrated personas with an LLM rubric (coherence, specificity, cultural plausibility, language): a side file keyed by id',
  usage: ['gen-stream judge --config llm.json --input personas.jsonl --out personas.judge.jsonl'],
  description: `Asks an OpenAI-compatible model (the config's llm block, through the same pooled client as narrate) to score
each narrated record 1-5 on coherence with its facts, specificity, cultural plausibility for its place and
community, and language correctness, each with a one-line reason. Answers are validated (zod) and asked again
when invalid. One row per record goes to every --out (JSONL, CSV, Arrow, Parquet): id, judge_model, then each
criterion and its _reason. Checkpoints, --resume, the failure file, --max-cost and the circuit breaker work as
in narrate. gen-stream validate DATA --judge FILE summarises the scores in the report.`,
  ...STREAM_COMMAND,
  async run({ loaded, options, values }) {
    const { runJudge } = await import('../run/judge-plan.js');
    return runJudge(loaded, { ...options, ...inputOf(values) });
  },
};
