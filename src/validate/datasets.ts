/**
 * The sub-datasets behind a path, as `validate` and `card` see them: a file output with its `<file>.meta.json`,
 * or one family of a Parquet dataset directory (its parts `<family>-…part-NNNNN.parquet`, its sidecar
 * `<dir>.<family>.meta.json` beside the directory). Records are read only through readRecords: a family's parts
 * one after another, in name order (write order).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Format } from '../io/formats.js';
import { readRecords } from '../readers/read-records.js';
import type { Row } from '../readers/record-shape.js';
import { type DatasetFamily, metaPathOf, OWN_PART } from '../run/artifacts.js';

export interface SubDataset {
  /** The output and, for a family of a dataset directory, the family: `hub.parquet (text-to-persona)`. */
  label: string;
  /** The output path (a file, or the dataset directory). */
  output: string;
  family: DatasetFamily | null;
  /** Files read in order: the output itself, or the family's parts. */
  paths: readonly string[];
  format: Format | undefined;
  /** Glob of its data files, relative to the output's parent directory. */
  dataFiles: string;
  /** The sidecar as written, or null when there is none. */
  meta: Record<string, unknown> | null;
}

const HUB_FAMILIES: readonly string[] = ['text-to-persona', 'persona-to-persona'];
/** Families in the order they are listed and checked: parents (text-to-persona) before the records linking to them. */
export const FAMILY_RANK: Record<DatasetFamily, number> = { personas: 0, 'text-to-persona': 1, 'persona-to-persona': 2, dedup: 3, judge: 4 };

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

function readMeta(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new UsageError(`${path}: not a gen-stream sidecar (not JSON)`);
  }
}

/** The families whose parts a dataset directory holds, each with its parts in name order; empty when none is ours. */
export function familiesOf(dir: string): Map<DatasetFamily, string[]> {
  const families = new Map<DatasetFamily, string[]>();
  for (const name of readdirSync(dir).sort()) {
    const m = OWN_PART.exec(name);
    if (!m || name.endsWith('.tmp')) continue;
    const family = m[1] as DatasetFamily;
    // Judge scores are about a dataset, not one: validate --judge reads them, the dataset checks do not.
    if (family === 'judge') continue;
    families.set(family, [...(families.get(family) ?? []), join(dir, name)]);
  }
  return families;
}

/** The sub-datasets of one output path (a file, a dataset directory, or one part of one). */
export function subDatasetsOf(output: string, format?: Format): SubDataset[] {
  const clean = output.replace(/\/+$/, '');
  const name = basename(clean);
  if (isDir(clean)) {
    const families = familiesOf(clean);
    // A directory of parts gen-stream did not name by family (older runs, other writers): one dataset, read whole.
    if (!families.size) return [{ label: name, output: clean, family: null, paths: [clean], format, dataFiles: `${name}/*.parquet`, meta: readMeta(metaPathOf(clean, null)) }];
    return [...families].sort((a, b) => FAMILY_RANK[a[0]] - FAMILY_RANK[b[0]]).map(([family, paths]) => ({
      label: `${name} (${family})`,
      output: clean,
      family,
      paths,
      format: 'parquet' as const,
      dataFiles: `${name}/${family}-*.parquet`,
      meta: readMeta(metaPathOf(clean, family)),
    }));
  }
  const part = OWN_PART.exec(name);
  if (part && isDir(dirname(clean))) {
    const family = part[1] as DatasetFamily;
    return [{ label: name, output: clean, family, paths: [clean], format: 'parquet', dataFiles: name, meta: readMeta(metaPathOf(dirname(clean), family)) }];
  }
  return [{ label: name, output: clean, family: null, paths: [clean], format, dataFiles: name, meta: readMeta(metaPathOf(clean, null)) }];
}

/**
 * Every sub-dataset a card covers in `dir`: if `dir` is itself a dataset directory, its families; else each
 * dataset directory in it and each file output that has its sidecar (files without one are not ours).
 */
export function subDatasetsIn(dir: string): SubDataset[] {
  if (!isDir(dir)) throw new UsageError(`card: ${dir} is not a directory`);
  if (familiesOf(dir).size) return subDatasetsOf(dir).map((s) => ({ ...s, dataFiles: s.dataFiles.slice(basename(s.output).length + 1) }));
  const found: SubDataset[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name.startsWith('.') || name.endsWith('.meta.json')) continue;
    if (isDir(path)) {
      if (familiesOf(path).size || existsSync(metaPathOf(path, null))) found.push(...subDatasetsOf(path));
    } else if (existsSync(metaPathOf(path, null))) found.push(...subDatasetsOf(path));
  }
  return found;
}

/** Records of a sub-dataset, file after file. */
export async function* recordsOf(sub: SubDataset): AsyncGenerator<Row[]> {
  for (const path of sub.paths) yield* readRecords(path, sub.format);
}

/**
 * Whether a sub-dataset is Persona Hub data: by its first record's columns (the compact schema: reliable, and
 * `write` or `dedup` may put hub records into parts named personas- or dedup-), else (no record) by the family of
 * its part names or its sidecar.
 */
export function isHubData(sub: SubDataset, first: Readonly<Record<string, unknown>> | null): boolean {
  if (first !== null) return ['id', 'persona', 'domain', 'synth_method', 'confidence_score'].every((k) => k in first);
  return HUB_FAMILIES.includes(String(sub.family ?? sub.meta?.family));
}
