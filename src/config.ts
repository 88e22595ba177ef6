import { z } from 'zod';
import { checkCensus } from './census/check-census.js';
import { compileCensus, type Model } from './census/compile.js';
import { builtInCensuses } from './census/registry.js';
import { type CensusSpec, censusSpecSchema } from './census/schema.js';
import { ConfigError, type ConfigIssue } from './errors.js';
import { FORMATS } from './io/formats.js';
import { lineColumn, locateJsonError } from './io/json-locate.js';
import { formatPath } from './io/issue-path.js';
import { DEFAULT_MAX_ATTEMPTS } from './generator/sampler.js';
import { DEFAULT_IPF_OPTIONS } from './generator/online-ipf.js';
import { DEFAULT_RELATIONS } from './prompts/persona-to-persona.js';
import { type BreakerRule, DEFAULT_BREAKER } from './llm/retry-policy.js';

/** Writer defaults (README, "Writers"): parts of 100,000 rows or 128 MB; row groups of 65,536 rows or 64 MB. */
const WRITER_DEFAULTS = {
  parquet: { rowGroupSize: 65_536, rowGroupBytes: 64 * 2 ** 20, partRows: 100_000, partBytes: 128 * 2 ** 20, compression: 'ZSTD' as const },
  arrow: { batchSize: 4096 },
  csv: { bom: false },
};

/** The run configuration: the one schema that defines what a config may contain (unknown keys are errors). */
export const configSchema = z.strictObject({
  /** A built-in census by name, or a whole census spec inline. */
  census: z.union([z.string(), z.record(z.string(), z.unknown())]).default('moldova-2024'),
  /** Number of personas. */
  count: z.number().int().positive().max(1e10).default(1000),
  /** Master seed: same config + seed → byte-identical output. */
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(42),
  /** Output file(s), or "-" for stdout. The format follows the extension (.jsonl .csv .arrows .parquet) or `format`. */
  out: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).max(8)]).default('-'),
  /** Format for outputs whose extension does not say it. */
  format: z.enum(FORMATS).optional(),
  checkpoint: z
    .strictObject({
      /** Input positions between checkpoints. */
      every: z.number().int().min(1).max(100_000_000).default(1000),
      /** Checkpoint file; default `<first file output>.checkpoint.json`. */
      path: z.string().min(1).optional(),
    })
    .default({ every: 1000 }),
  writers: z
    .strictObject({
      parquet: z
        .strictObject({
          /** Rows per row group at most. */
          rowGroupSize: z.number().int().min(1).max(10_000_000).default(WRITER_DEFAULTS.parquet.rowGroupSize),
          /** Bytes per row group at most (arrow-rs's estimate of the encoded size). */
          rowGroupBytes: z.number().int().min(1024).max(2 ** 31).default(WRITER_DEFAULTS.parquet.rowGroupBytes),
          /** Rows per part file at most (parts are independent of checkpoints). */
          partRows: z.number().int().min(1).max(100_000_000).default(WRITER_DEFAULTS.parquet.partRows),
          /** Bytes per part file at most. */
          partBytes: z.number().int().min(1024).max(2 ** 40).default(WRITER_DEFAULTS.parquet.partBytes),
          compression: z.enum(['ZSTD', 'SNAPPY', 'GZIP', 'NONE']).default(WRITER_DEFAULTS.parquet.compression),
        })
        .default(WRITER_DEFAULTS.parquet),
      arrow: z.strictObject({ batchSize: z.number().int().min(1).max(10_000_000).default(WRITER_DEFAULTS.arrow.batchSize) }).default(WRITER_DEFAULTS.arrow),
      csv: z.strictObject({ /** Start CSV files with a UTF-8 BOM (for Excel). */ bom: z.boolean().default(false) }).default(WRITER_DEFAULTS.csv),
    })
    .default(WRITER_DEFAULTS),
  narrative: z
    .strictObject({
      /** false: structured personas only (what `gen-stream sample` writes). */
      enabled: z.boolean().default(true),
      /** Language of the narratives. The offline template narrator writes ro and en. */
      language: z.enum(['ro', 'en', 'ru']).default('ro'),
      /**
       * LLM narratives only: how many times a record whose text the coherence audit finds contradicting it is asked
       * again, naming the contradictions; still contradicting after that, it fails with E_INCOHERENT. 0: no audit.
       */
      repair: z.number().int().min(0).max(5).default(0),
    })
    .default({ enabled: true, language: 'ro', repair: 0 }),
  /** An OpenAI-compatible chat-completions endpoint. Without this block the offline template narrator is used. */
  llm: z
    .strictObject({
      /** API root, e.g. http://127.0.0.1:8000/v1 — requests go to {baseUrl}/chat/completions. */
      baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:8000/v1' }).optional(),
      /** Several endpoints serving the same model and API path, balanced (undici BalancedPool); instead of baseUrl. */
      baseUrls: z
        .array(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://10.0.0.5:8000/v1' }))
        .min(1)
        .max(256)
        .refine((urls) => new Set(urls.map((u) => new URL(u).pathname.replace(/\/+$/, ''))).size === 1, 'every endpoint must have the same API path (e.g. /v1)')
        .refine((urls) => new Set(urls.map((u) => new URL(u).origin)).size === urls.length, 'endpoints must differ in host or port')
        .optional(),
      /** With baseUrls: requests in flight per endpoint at most (default: llm.concurrency). */
      endpointConcurrency: z.number().int().min(1).max(4096).optional(),
      /** With baseUrls: failures in a row (5xx, 429, network) that take an endpoint out of rotation, and for how long. */
      evictAfter: z.number().int().min(1).max(1000).default(5),
      evictForMs: z.number().int().min(100).max(86_400_000).default(30_000),
      model: z.string().min(1),
      /** Name of the environment variable holding the API key (never the key itself). */
      apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').default('OPENAI_API_KEY'),
      /** Requests in flight at most. */
      concurrency: z.number().int().min(1).max(4096).default(16),
      /** Records started but not yet emitted at most (a slow request holds back at most this many); default 8 × concurrency. */
      reorderWindow: z.number().int().min(1).max(1_000_000).optional(),
      /** Retries of a request after retryable failures (429, 5xx, resets, timeouts). */
      maxRetries: z.number().int().min(0).max(20).default(6),
      /** Extra requests after an answer that fails validation (the error is fed back). */
      maxInvalidRetries: z.number().int().min(0).max(10).default(2),
      /** Whole-attempt timeout. */
      timeoutMs: z.number().int().min(100).max(3_600_000).default(180_000),
      /** Time to response headers; a non-streamed completion sends headers only when done. */
      headersTimeoutMs: z.number().int().min(100).max(3_600_000).default(170_000),
      /** Longest pause between body chunks. */
      bodyTimeoutMs: z.number().int().min(100).max(3_600_000).default(60_000),
      /** Backoff base and cap; Retry-After is honoured up to the cap. */
      retryBaseMs: z.number().int().min(1).max(60_000).default(500),
      retryMaxMs: z.number().int().min(1).max(600_000).default(30_000),
      temperature: z.number().min(0).max(2).default(0.8),
      maxTokens: z.number().int().min(16).max(100_000).optional(),
      /** json_schema (OpenAI, vLLM, recent Ollama) or json_object plus instructions (DashScope, older servers). */
      responseFormat: z.enum(['json_schema', 'json_object']).default('json_schema'),
      /** Request groups: "three" (profile, culture, interests) or "single" (one request per record, cheaper). */
      grouping: z.enum(['three', 'single']).default('three'),
      /** Stop taking new records once the estimated cost reaches this (in the currency of `prices`). */
      maxCost: z.number().positive().optional(),
      /** Circuit breaker: stop when the last `window` records all failed the same way (connection, timeout, 5xx, not JSON). */
      breaker: z
        .strictObject({
          window: z.number().int().min(1).max(100_000).default(DEFAULT_BREAKER.window),
          /** Settled records before the failure rate (maxFailureRate) is checked during the run. */
          minRequests: z.number().int().min(1).max(1e10).default(DEFAULT_BREAKER.minRequests),
        })
        .default({ window: DEFAULT_BREAKER.window, minRequests: DEFAULT_BREAKER.minRequests }),
      /** Stop (from breaker.minRequests settled records on), and exit 1 at the end, when more than this share of records failed. */
      maxFailureRate: z.number().min(0).max(1).default(DEFAULT_BREAKER.maxFailureRate),
      /** Price per 1M tokens by model name, for the cost estimate. */
      prices: z.record(z.string(), z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() })).default({}),
    })
    .refine((l) => l.baseUrl === undefined || l.baseUrls === undefined, { message: 'give baseUrl or baseUrls, not both', path: ['baseUrl'] })
    .optional(),
  /** Persona Hub modes: `gen-stream text-to-persona` and `gen-stream persona-to-persona` (both need an llm block). */
  hub: z
    .strictObject({
      /** Prompt language: English, or Indian English with India as the default setting. */
      language: z.enum(['en', 'en-IN']).default('en'),
      /** Corpus items: the text field of an object (a bare JSON string is a text too) and its id field. */
      textField: z.string().min(1).default('text'),
      idField: z.string().min(1).default('id'),
      /** Texts are cut (at a word) to this many estimated tokens before they are sent. */
      maxInputTokens: z.number().int().min(16).max(1_000_000).default(1024),
      /** persona-to-persona: the relations drawn from, K per persona, D levels. */
      relations: z
        .array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a relation name in snake_case, e.g. "family_member"'))
        .min(1)
        .max(64)
        .refine((r) => new Set(r).size === r.length, 'relations must be distinct')
        .default([...DEFAULT_RELATIONS]),
      perPersona: z.number().int().min(1).max(64).default(3),
      depth: z.number().int().min(1).max(6).default(1),
      /** inherit: a related persona keeps its parent's domain when the parent has one; infer: the model labels it. */
      domainFrom: z.enum(['inherit', 'infer']).default('inherit'),
    })
    .refine((h) => h.perPersona <= h.relations.length, { message: 'perPersona cannot exceed the number of relations (they are drawn without replacement)', path: ['perPersona'] })
    .refine((h) => recordsPerInput(h.perPersona, h.depth) <= 10_000, {
      message: 'perPersona^1 + … + perPersona^depth must stay within 10,000 records per input persona',
      path: ['depth'],
    })
    .default({ language: 'en', textField: 'text', idField: 'id', maxInputTokens: 1024, relations: [...DEFAULT_RELATIONS], perPersona: 3, depth: 1, domainFrom: 'inherit' }),
  /** Domain buckets of the Persona Hub modes. */
  domains: z
    .strictObject({
      /** Canonical name → variants, e.g. {"healthcare": ["medicine", "health care"]}; applied after case and spacing are folded. */
      synonyms: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
      /** Also apply gen-stream's small built-in synonym table (src/hub/domains.ts). */
      builtInSynonyms: z.boolean().default(true),
      /** Records per domain at most: later ones go to the failure file (E_DOMAIN_CAP). */
      maxPerDomain: z.number().int().min(1).max(1e10).optional(),
    })
    .default({ synonyms: {}, builtInSynonyms: true }),
  /** `gen-stream batch-export` / `batch-import`: OpenAI Batch API request files and their limits. */
  batch: z
    .strictObject({
      /** Requests per request file at most (OpenAI: 50,000). A record's requests never straddle two files. */
      maxRequests: z.number().int().min(1).max(10_000_000).default(50_000),
      /** Bytes per request file at most (OpenAI: 200 MB; the default stays under it in either unit). */
      maxBytes: z.number().int().min(4096).max(10_000_000_000).default(200_000_000),
      /** The `url` of every request line (Azure OpenAI: "/chat/completions"). */
      url: z.string().regex(/^\/\S*$/, 'a path such as /v1/chat/completions').default('/v1/chat/completions'),
      /** Batch prices relative to llm.prices (OpenAI: half). */
      priceFactor: z.number().min(0).max(10).default(0.5),
    })
    .default({ maxRequests: 50_000, maxBytes: 200_000_000, url: '/v1/chat/completions', priceFactor: 0.5 }),
  /** `gen-stream dedup`: which text to compare and how (defaults after Persona Hub). */
  dedup: z
    .strictObject({
      field: z.string().min(1).default('persona'),
      permutations: z.number().int().min(8).max(1024).default(128),
      bands: z.number().int().min(1).max(1024).default(16),
      shingle: z.number().int().min(1).max(10).default(1),
      threshold: z.number().gt(0).max(1).default(0.9),
    })
    .refine((d) => d.permutations % d.bands === 0, { message: 'permutations must be a multiple of bands', path: ['bands'] })
    .default({ field: 'persona', permutations: 128, bands: 16, shingle: 1, threshold: 0.9 }),
  /** Gates of `gen-stream validate`: a failed one makes it exit 1. */
  validate: z
    .strictObject({
      /** Every controlled marginal value within this many percentage points of its target (or the noise allowance, if larger)… */
      maxMarginalPoints: z.number().positive().default(0.5),
      /**
       * …or within z standard errors of sampling noise at the file's n, z Bonferroni-sized over every value
       * compared so that a genuine draw from the targets fails some value with probability at most this.
       */
      noiseAlpha: z.number().gt(0).lt(1).default(0.01),
      /** Every chi-square goodness-of-fit p-value above this divided by the number of chi-square gates (Bonferroni)… */
      minPValue: z.number().min(0).max(1).default(0.01),
      /** …when the file has at least this many records. */
      minRecordsForPValue: z.number().int().min(0).default(1000),
      /** Records simulated to estimate the model's joint conditionals. */
      referenceRecords: z.number().int().min(1000).max(10_000_000).default(200_000),
      /** Fail when a narrative field is empty or missing in a record that has narratives. */
      requireNarratives: z.boolean().default(true),
      /** Fail when more than this share of narrated records contradict their own attributes (the coherence audit); null: not gated. */
      maxContradictionRate: z.number().min(0).max(1).nullable().default(0.01),
      /** Fail when more than this share of sampled cultural backgrounds near-duplicate another (Jaccard ≥ 0.8); null: not gated. */
      maxNearDuplicateRate: z.number().min(0).max(1).nullable().default(0.3),
    })
    .default({ maxMarginalPoints: 0.5, noiseAlpha: 0.01, minPValue: 0.01, minRecordsForPValue: 1000, referenceRecords: 200_000, requireNarratives: true, maxContradictionRate: 0.01, maxNearDuplicateRate: 0.3 }),
  sampling: z
    .strictObject({
      /** Cap on proposals for one record before the run stops with E_INFEASIBLE. */
      maxAttempts: z.number().int().positive().max(1e7).default(DEFAULT_MAX_ATTEMPTS),
      /** Proposals drawn up front to measure constraint acceptance. */
      probe: z.number().int().min(100).max(1e7).default(5000),
      /** Records per chunk passed between stages when calibration is off. */
      chunkSize: z.number().int().positive().max(65536).default(256),
    })
    .default({ maxAttempts: DEFAULT_MAX_ATTEMPTS, probe: 5000, chunkSize: 256 }),
  calibration: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Records between factor updates (also the chunk size between stages). */
      every: z.number().int().min(1).max(65536).default(DEFAULT_IPF_OPTIONS.every),
      /** Records over which an excess is steered back onto target. */
      horizon: z.number().positive().max(1e9).default(DEFAULT_IPF_OPTIONS.horizon),
      /** Integral gain of the controller. */
      gain: z.number().min(0).max(1).default(DEFAULT_IPF_OPTIONS.gain),
      /** Damping of rare values: higher keeps factors steadier, lower corrects faster. */
      damping: z.number().min(0).max(1000).default(DEFAULT_IPF_OPTIONS.damping),
      /** Records per warm-up round (4 rounds), drawn on a separate random stream to learn the model's bias. */
      warmup: z.number().int().min(0).max(1e7).default(10000),
    })
    .default({ enabled: true, ...DEFAULT_IPF_OPTIONS, warmup: 10000 }),
});

export type Config = z.output<typeof configSchema>;

/** Records one input persona yields in persona-to-persona: K + K² + … + K^D. */
export function recordsPerInput(k: number, depth: number): number {
  let total = 0;
  for (let d = 1, level = 1; d <= depth; d++) total += level *= k;
  return total;
}
export type LlmConfig = NonNullable<Config['llm']>;

/** The LLM stage's circuit-breaker rule from a config's llm block (`llm.breaker`, `llm.maxFailureRate`). */
export const breakerRuleOf = (llm: LlmConfig): BreakerRule => ({ ...llm.breaker, maxFailureRate: llm.maxFailureRate });
export type ConfigInput = z.input<typeof configSchema>;

export interface LoadedConfig {
  config: Config;
  census: CensusSpec;
  model: Model;
}

function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): ConfigIssue[] {
  return error.issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message }));
}

/**
 * Validates a parsed config value completely; throws ConfigError listing every problem with its path —
 * the run settings and an inline census are checked together, so one attempt shows everything to fix.
 */
export function loadConfig(value: unknown, source = 'config'): LoadedConfig {
  const issues: ConfigIssue[] = [];
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) issues.push(...zodIssues(parsed.error));
  const raw = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).census : undefined;
  let census: CensusSpec | null = null;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const spec = censusSpecSchema.safeParse(raw);
    if (!spec.success) issues.push(...zodIssues(spec.error, ['census']));
    else {
      census = spec.data;
      issues.push(...checkCensus(census, ['census']));
    }
  } else if (raw === undefined || typeof raw === 'string') {
    const name = raw ?? 'moldova-2024';
    const builtIn = builtInCensuses[name];
    if (!builtIn) issues.push({ path: 'census', message: `unknown census "${name}"; built in: ${Object.keys(builtInCensuses).join(', ')}` });
    else {
      census = censusSpecSchema.parse(builtIn);
      // A built-in census that fails its own checks is our bug; report it like any other.
      issues.push(...checkCensus(census, [`<built-in ${name}>`]));
    }
  }
  if (issues.length || !parsed.success || !census) throw new ConfigError(issues, source);
  return { config: parsed.data, census, model: compileCensus(census) };
}

/** JSON.parse with errors that say `file:line:column`. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const offset = locateJsonError(text);
    const { line, column } = lineColumn(text, offset < 0 ? 0 : offset);
    throw new ConfigError([{ path: `${file}:${line}:${column}`, message: `malformed JSON: ${(err as Error).message}` }], file);
  }
}
