import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LoadedConfig } from '../config.js';

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

/**
 * What a dataset needs to carry about itself: the census and its sources, which tables are modelled rather
 * than published, the constraints, the run settings. Written beside file outputs as `<out>.meta.json` and
 * printed by `gen-stream describe`.
 */
export function runMetadata(loaded: LoadedConfig) {
  const { census, config, model } = loaded;
  const { out: _out, census: _census, llm: _llm, ...settings } = config;
  return {
    generator: { name: pkg.name, version: pkg.version },
    census: { name: census.name, description: census.description ?? null },
    settings,
    configFingerprint: configFingerprint(loaded),
    fields: model.outputOrder,
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
