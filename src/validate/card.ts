import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type LoadedConfig, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { inferSchema } from '../writers/columns.js';
import { type CardEntry, columnsFor, describe, featuresYaml, languageOf, metaOf, validationLines } from './card-sections.js';
import { recordsOf, type SubDataset, subDatasetsIn } from './datasets.js';
import { type OnRead, validateSubDatasets } from './run-validate.js';

/** The line by which a README.md is known as one this command wrote (and may therefore replace). */
export const CARD_MARKER = '<!-- written by gen-stream card: rerun `gen-stream card` to refresh; edits are lost then -->';

function sizeCategory(n: number): string {
  const edges: Array<[number, string]> = [
    [1e3, 'n<1K'],
    [1e4, '1K<n<10K'],
    [1e5, '10K<n<100K'],
    [1e6, '100K<n<1M'],
    [1e7, '1M<n<10M'],
    [1e8, '10M<n<100M'],
  ];
  return edges.find(([edge]) => n < edge)?.[1] ?? 'n>100M';
}

/** A README.md this command did not write is the user's: refused before any work, unless --force. */
async function refuseForeignReadme(path: string, force: boolean): Promise<void> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw new UsageError(`card: cannot read ${path} (${err.code ?? err.message})`);
  });
  if (text !== null && !text.includes('<!-- written by gen-stream card') && !force) {
    throw new UsageError(`card: ${path} exists and was not written by gen-stream card; move it away, or give --force to replace it`);
  }
}

/** The config a sub-dataset was made with, as far as its sidecar tells (census, seed, count, narrative settings). */
function loadedFromMeta(sub: SubDataset): LoadedConfig {
  const meta = metaOf({ sub }) as { census?: { name: string }; settings?: { seed?: unknown; count?: unknown; narrative?: unknown } };
  const s = meta.settings ?? {};
  const value = Object.fromEntries(Object.entries({ census: meta.census?.name, seed: s.seed, count: s.count, narrative: s.narrative }).filter(([, v]) => v !== undefined));
  return loadConfig(value);
}

async function firstRecord(sub: SubDataset): Promise<Record<string, unknown> | null> {
  for await (const batch of recordsOf(sub)) if (batch.length) return batch[0];
  return null;
}

/** Config names unique within the card: the family or the file's stem, with the extension added on a clash. */
function configNames(subs: readonly SubDataset[]): string[] {
  const stem = (s: SubDataset) => s.family ?? basename(s.output, extname(s.output));
  const base = subs.map(stem);
  return subs.map((s, i) => (base.filter((b) => b === base[i]).length > 1 ? `${base[i]}-${extname(s.output).slice(1) || 'data'}` : base[i]));
}

/**
 * `gen-stream card DIR`: a Hugging Face dataset card (README.md with YAML front matter) covering every
 * sub-dataset in DIR — each file output with its `.meta.json`, each family of a Parquet dataset directory —,
 * one `configs` entry each with its features, the language of its text, what the data is, census sources for
 * census data only, and the validation summary computed now (the hub checks for Persona Hub data).
 */
export async function writeCard(dir: string, options: { config?: LoadedConfig; license: string; force?: boolean; onRead?: OnRead }): Promise<string> {
  const out = join(dir, 'README.md');
  await refuseForeignReadme(out, options.force ?? false);
  const subs = subDatasetsIn(dir);
  if (!subs.length) throw new UsageError(`card: ${dir} holds no gen-stream output (no data file with its .meta.json sidecar, no dataset directory of gen-stream parts)`);
  const reports = await validateSubDatasets((sub) => options.config ?? loadedFromMeta(sub), subs, options.onRead);
  const names = configNames(subs);
  const entries: CardEntry[] = [];
  for (const [i, sub] of subs.entries()) {
    const first = reports[i].kind === 'hub' ? null : await firstRecord(sub);
    entries.push({ sub, report: reports[i], configName: names[i], columns: columnsFor(reports[i], first ? inferSchema(first) : []), language: languageOf(sub, reports[i].kind === 'hub') });
  }
  await writeFileAtomic(out, renderCard(entries, options.license));
  return out;
}

function renderCard(entries: readonly CardEntry[], license: string): string {
  const total = entries.reduce((n, e) => n + e.report.records, 0);
  const hub = entries.some((e) => e.report.kind === 'hub');
  const census = entries.filter((e) => e.report.kind === 'census');
  const censusNames = [...new Set(census.map((e) => metaOf(e).census?.name ?? (e.report.kind === 'census' ? e.report.census : '')))];
  // The YAML `language` list takes ISO 639-1 codes; a regional variant (en-IN) is named in the text.
  const languages = [...new Set(entries.map((e) => e.language.split('-')[0]))];
  const title = hub && !census.length ? 'Persona Hub personas (gen-stream)' : !hub && censusNames.length === 1 ? `Synthetic personas — ${censusNames[0]}` : 'Synthetic personas (gen-stream)';
  const date = new Date().toISOString().slice(0, 10);
  const generator = metaOf(entries[0]).generator;
  const front = [
    '---',
    `license: ${license}`,
    'language:',
    ...languages.map((l) => `- ${l}`),
    `pretty_name: ${title}`,
    'size_categories:',
    `- ${sizeCategory(total)}`,
    'task_categories:',
    '- text-generation',
    'tags:',
    '- synthetic',
    '- personas',
    ...(census.length ? ['- census'] : []),
    ...(hub ? ['- persona-hub'] : []),
    'dataset_info:',
    ...entries.flatMap((e) => [`- config_name: ${e.configName}`, '  features:', featuresYaml(e.columns, '  '), '  splits:', '  - name: train', `    num_examples: ${e.report.records}`]),
    'configs:',
    ...entries.flatMap((e, i) => [`- config_name: ${e.configName}`, `  data_files: "${e.sub.dataFiles}"`, ...(i === 0 ? ['  default: true'] : [])]),
    '---',
    CARD_MARKER,
  ];
  const sections = entries.map((e) => {
    const meta = metaOf(e);
    const settings = meta.settings;
    return [
      `## \`${e.configName}\`: ${e.sub.label}`,
      '',
      describe(e),
      '',
      `- Records: ${e.report.records.toLocaleString('en-US')}; data files \`${e.sub.dataFiles}\`; language \`${e.language}\`.`,
      `- Generation: ${meta.generator ? `${meta.generator.name} ${meta.generator.version}` : 'gen-stream'}${settings?.seed !== undefined ? `, seed ${settings.seed}` : ''}${meta.configFingerprint ? `, config fingerprint \`${meta.configFingerprint}\`` : ''}${meta.llm ? `, model \`${meta.llm.model}\`` : ''}.`,
      '',
      `### Validation (gen-stream validate, ${date})`,
      '',
      ...validationLines(e),
    ].join('\n');
  });
  const sources = censusNames.map((name) => {
    const e = census.find((c) => (metaOf(c).census?.name ?? '') === name) ?? census[0];
    const m = e.sub.meta as { attributes?: Array<{ name: string; source: string | null; modelled: boolean }>; targets?: Array<{ attribute: string; source: string | null }>; constraints?: unknown[] } | null;
    return [
      `## Sources: ${name}`,
      '',
      'Structure from conditional tables (published where available, modelled otherwise), rejection sampling against',
      `${m?.constraints?.length ?? 0} consistency constraints, online calibration onto the published marginals.`,
      '',
      '| attribute | source | modelled |',
      '|---|---|---|',
      ...(m?.attributes ?? []).map((a) => `| ${a.name} | ${a.source ?? ''} | ${a.modelled ? 'yes' : 'no'} |`),
      '',
      `Targets: ${(m?.targets ?? []).map((t) => `${t.attribute} (${t.source ?? 'config'})`).join('; ')}.`,
    ].join('\n');
  });
  const template = census.some((e) => e.report.kind === 'census' && e.report.narratives?.providers.template);
  const limitations = [
    '## Limitations',
    '',
    ...(census.length
      ? [
          '- Adults (18+) only (census personas); the population is the usually-resident population the census covers.',
          '- Tables the census does not publish are modelled (see "modelled" above) and calibrated so the published',
          '  marginals hold; their joint structure is an assumption, not a measurement.',
          '- Names are synthetic labels from compiled lists with popularity tiers, not frequencies.',
          `- Narratives${template ? ' written by the template narrator are phrase-bank compositions, not model output;' : ''} written by an LLM may contain stereotypes or errors despite validation.`,
        ]
      : []),
    ...(hub
      ? [
          '- Persona Hub records are LLM output: personas may carry stereotypes or errors; the domain is the model\'s label,',
          '  normalised and mapped through synonyms; the confidence score is the model\'s own estimate, not a measurement.',
        ]
      : []),
  ];
  const intro = [
    `# ${title}`,
    '',
    `${total.toLocaleString('en-US')} synthetic records in ${entries.length} dataset(s), generated by ${generator ? `${generator.name} ${generator.version}` : 'gen-stream'}. Every record is synthetic: no record describes a real person.`,
    '',
    ...entries.map((e) => `- \`${e.configName}\` (${e.report.records.toLocaleString('en-US')} records, \`${e.language}\`): ${e.report.kind === 'hub' ? 'Persona Hub' : 'census personas'}, ${e.sub.label}`),
  ];
  return `${[front.join('\n'), '', intro.join('\n'), '', sections.join('\n\n'), '', ...(sources.length ? [sources.join('\n\n'), ''] : []), limitations.join('\n')].join('\n')}\n`;
}
