import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LoadedConfig } from '../config.js';
import { HUB_COLUMNS } from '../hub/records.js';
import { NARRATIVE_FIELDS } from '../narrative/fields.js';
import type { DatasetFamily } from './artifacts.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/**
 * A stable hash of everything that determines the records (the resolved config, census included). Left out:
 * where and how they are written, and operational LLM settings a resume may change (the endpoint — another
 * server of the same model —, concurrency, timeouts, retries, the cost cap).
 */
export function configFingerprint(loaded: LoadedConfig): string {
  const { out: _o, format: _f, checkpoint: _c, writers: _w, validate: _v, dedup: _d, batch: _b, llm, ...settings } = loaded.config;
  const text = llm ? { model: llm.model, temperature: llm.temperature, responseFormat: llm.responseFormat, grouping: llm.grouping } : null;
  return createHash('sha256').update(JSON.stringify({ settings: { ...settings, census: null }, llm: text, census: loaded.census })).digest('hex');
}

/** What the runner tells the sidecar about the run (`describe` gives nothing: the config's own settings). */
export interface RunDescription {
  /** The kind of records written (default personas). */
  family?: DatasetFamily;
  /**
   * Whether this run wrote narratives: true (a narrator ran: template, LLM or a Batch API import), false
   * (structured only: `sample`), 'input' (records written as read: `write`, `dedup`). Default: narrative.enabled.
   */
  narratives?: boolean | 'input';
  /** The model that wrote the text through the Batch API (batch-import: the export's model); no endpoint was used. */
  model?: string;
}

/**
 * Hub records are those of the Persona Hub modes, and dedup's when it compares `persona` (its default, the
 * Persona Hub field); everything else is census personas.
 */
const isHub = (loaded: LoadedConfig, family: DatasetFamily): boolean =>
  family === 'text-to-persona' || family === 'persona-to-persona' || (family === 'dedup' && loaded.config.dedup.field === 'persona');

/** Endpoint hosts only (host:port): a base URL may carry credentials in its user part or query, the sidecar never does. */
function endpointHosts(loaded: LoadedConfig): string[] {
  const llm = loaded.config.llm;
  return (llm?.baseUrls ?? (llm?.baseUrl ? [llm.baseUrl] : [])).map((u) => new URL(u).host);
}

/** What the census contributes to a sidecar: the census and its sources, modelled tables flagged, the constraints. */
function censusPart(loaded: LoadedConfig) {
  const { census } = loaded;
  return {
    census: { name: census.name, description: census.description ?? null },
    attributes: census.attributes.map((a) => ({
      name: a.name,
      parents: a.parents,
      source: a.source ?? null,
      modelled: /MODELLED/.test(a.source ?? ''),
    })),
    targets: Object.entries(census.targets).map(([attribute, t]) => ({ attribute, source: t.source ?? null })),
    constraints: census.constraints.map((c) => ({ name: c.name, description: c.description ?? null })),
  };
}

function commonPart(loaded: LoadedConfig, run: RunDescription, hub: boolean) {
  const { config, model } = loaded;
  const family = run.family ?? 'personas';
  const narratives = hub ? false : (run.narratives ?? config.narrative.enabled);
  const { out: _out, census: _census, llm: _llm, ...rest } = config;
  const settings = { ...rest, narrative: { ...config.narrative, enabled: narratives === true } };
  const llmWrote = hub ? family !== 'dedup' : narratives === true && (config.llm !== undefined || run.model !== undefined);
  const modelName = run.model ?? config.llm?.model;
  const provider = hub || narratives === false ? null : narratives === 'input' ? 'input' : llmWrote ? `llm:${modelName}` : 'template';
  return {
    generator: { name: pkg.name, version: pkg.version },
    family,
    settings,
    configFingerprint: configFingerprint(loaded),
    fields: hub ? HUB_COLUMNS.map((c) => c.name) : [...model.outputOrder, ...(narratives === false ? [] : [...NARRATIVE_FIELDS, 'narrative_provider'])],
    narrative: { enabled: narratives === true, language: hub ? config.hub.language : config.narrative.language, provider },
    llm: llmWrote && modelName ? { model: modelName, endpoints: run.model !== undefined ? [] : endpointHosts(loaded) } : null,
  };
}

/** The sidecar of census personas (and what `describe` prints). */
export type CensusMetadata = ReturnType<typeof commonPart> & ReturnType<typeof censusPart>;
/** The sidecar of Persona Hub records: no census block (the data is not drawn from one). */
export type HubMetadata = ReturnType<typeof commonPart>;
export type RunMetadata = CensusMetadata | HubMetadata;

/**
 * What a dataset needs to carry about itself: every output field, the narrative setting in effect and who wrote
 * the text (provider, LLM model and endpoint hosts — never a key), the run settings; for census personas also
 * the census and its sources, which tables are modelled rather than published, the constraints. Written beside
 * file outputs as `<out>.meta.json` (`<dir>.<family>.meta.json` for a dataset directory) and printed by
 * `gen-stream describe`. Without `run` (describe): census personas with the config's own narrative setting.
 */
export function runMetadata(loaded: LoadedConfig): CensusMetadata;
export function runMetadata(loaded: LoadedConfig, run: RunDescription): RunMetadata;
export function runMetadata(loaded: LoadedConfig, run: RunDescription = {}): RunMetadata {
  const hub = isHub(loaded, run.family ?? 'personas');
  return hub ? commonPart(loaded, run, true) : { ...commonPart(loaded, run, false), ...censusPart(loaded) };
}
