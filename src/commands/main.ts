import { type Command, GENERATOR_COMMAND } from './command.js';

export const main: Command = {
  name: 'main',
  summary: 'run the whole configured pipeline: generator, calibration, narratives',
  usage: ['gen-stream [command] [options] < config.json > personas.jsonl'],
  description: `Generates census-grounded synthetic personas with narratives, as JSONL, one per line.
Without an llm block the offline template narrator writes the narratives (no key needed). API keys come only
from the environment variable named by llm.apiKeyEnv (default OPENAI_API_KEY).
With no --config and stdin a terminal or empty, the built-in default config is used. --shard also reads
JOB_COMPLETION_INDEX + GEN_STREAM_SHARDS (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID/_MIN/_COUNT (Slurm).
Exit codes: 0 ok, 1 run failure (e.g. the API rejected the key), 2 bad input or config, 130 interrupted.`,
  ...GENERATOR_COMMAND,
  // The narratives may come from an LLM: its requests in flight at a signal are what the drain waits for.
  flags: [...GENERATOR_COMMAND.flags, 'drain-timeout'],
  async run({ loaded, options }) {
    const { runGenerator } = await import('../run/generator-plan.js');
    return runGenerator(loaded, options, loaded.config.narrative.enabled);
  },
};
