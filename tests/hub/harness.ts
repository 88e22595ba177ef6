/**
 * Shared fixtures of the text-to-persona and persona-to-persona specifications: a temporary directory per test
 * file, and a hub command run against a fresh loopback mock.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { FIXTURES, parseLines, runCli } from '../helpers/cli.js';
import { type MockOptions, MockLlm } from '../helpers/mock-llm.js';

export const CORPUS = join(FIXTURES, 'india-corpus.jsonl');
export const BAD = join(FIXTURES, 'corpus-with-bad-lines.jsonl');

export interface Workspace {
  /** The directory, set once the file's `before` hook has run. */
  readonly dir: string;
}

/** A temporary directory for the calling test file: created before its tests, removed after them. */
export function workspace(): Workspace {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gen-stream-hub-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
  };
}

/** Runs a hub command against a fresh mock; returns the CLI result and the mock's counters. */
export async function runHub(ws: Workspace, command: string, config: Record<string, unknown>, args: string[], mockOptions: Partial<MockOptions> = {}, input?: string) {
  const mock = new MockLlm(mockOptions);
  const url = await mock.listen();
  try {
    const configPath = join(ws.dir, `config-${Math.random().toString(36).slice(2)}.json`);
    const llm = { baseUrl: url, model: 'mock', concurrency: 8, retryBaseMs: 5, retryMaxMs: 50, ...(config.llm as object | undefined) };
    await writeFile(configPath, JSON.stringify({ ...config, llm }));
    const result = await runCli([command, '--config', configPath, '-q', ...args], input);
    return { ...result, mock: mock.stats };
  } finally {
    await mock.close();
  }
}

export const readJsonl = async (path: string) => parseLines(await readFile(path, 'utf8'));
export const corpusLines = async (path: string) => (await readFile(path, 'utf8')).split('\n').slice(0, -1);
