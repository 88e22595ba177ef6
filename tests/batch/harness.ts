/**
 * Shared fixtures of the batch-export and batch-import specifications: a temporary directory per test file,
 * configs written into it, the online run to compare the batch path with, and readers of an export's files.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { FIXTURES, parseLines, runCli } from '../helpers/cli.js';
import { type BatchAnswers } from '../helpers/mock-batch.js';
import { MockLlm } from '../helpers/mock-llm.js';

export const CORPUS = join(FIXTURES, 'india-corpus.jsonl');
export const BAD = join(FIXTURES, 'corpus-with-bad-lines.jsonl');

export interface Workspace {
  /** The directory, set once the file's `before` hook has run. */
  readonly dir: string;
  /** A new path in the directory, never handed out before. */
  fresh(stem: string): string;
}

/** A temporary directory for the calling test file: created before its tests, removed after them. */
export function workspace(): Workspace {
  let dir = '';
  let serial = 0;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gen-stream-batch-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    fresh: (stem) => join(dir, `${stem}-${++serial}`),
  };
}

export const readJsonl = async (path: string) => parseLines(await readFile(path, 'utf8'));
export const readFailures = async (path: string) => readFile(path, 'utf8').then(parseLines, () => [] as Record<string, unknown>[]);
export const exists = (path: string) => stat(path).then(() => true, () => false);

export async function writeConfig(ws: Workspace, config: Record<string, unknown>): Promise<string> {
  const path = `${ws.fresh('config')}.json`;
  await writeFile(path, JSON.stringify(config));
  return path;
}

/** The online path: the same config against the mock server (no faults), to compare the batch path with. */
export async function online(ws: Workspace, command: string, config: Record<string, unknown>, args: string[], input?: string) {
  const mock = new MockLlm();
  const url = await mock.listen();
  try {
    const path = await writeConfig(ws, { ...config, llm: { ...(config.llm as object), baseUrl: url, concurrency: 8 } });
    const res = await runCli([command, '--config', path, '-q', ...args], input);
    assert.equal(res.code, 0, res.stderr);
    return res;
  } finally {
    await mock.close();
  }
}

export async function requestFiles(batchDir: string): Promise<string[]> {
  return (await readdir(batchDir)).filter((f) => f.startsWith('requests-')).sort().map((f) => join(batchDir, f));
}

/** Every custom_id's expected failure code, from what the stand-in provider did to it. */
export function expectedCodes(answers: BatchAnswers): Map<string, string> {
  const codes = new Map<string, string>();
  for (const id of answers.fate.missing) codes.set(id, 'E_BATCH_MISSING');
  for (const id of [...answers.fate.expired, ...answers.fate.httpError]) codes.set(id, 'E_LLM_REQUEST');
  for (const id of answers.fate.invalid) codes.set(id, 'E_LLM_INVALID');
  return codes;
}

/** custom_id → input position, from the export's inputs files. */
export async function idsByInput(batchDir: string): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const f of (await readdir(batchDir)).filter((f) => f.startsWith('inputs-')).sort()) {
    for (const e of await readJsonl(join(batchDir, f))) out.set(e.i as number, e.ids as string[]);
  }
  return out;
}
