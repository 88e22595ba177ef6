import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../../bin/gen-stream.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, feeding `input` on stdin (or nothing: an empty stdin). */
export function runCli(args: readonly string[], input?: string, env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env }, cwd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    // A run that stops early (a bad input line, a signal) closes its stdin unread: EPIPE here is expected.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input ?? '');
  });
}

export function parseLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/**
 * The code of the error the CLI reported (`gen-stream: error E_XXX: …` on stderr), or null when it reported
 * none (or crashed with an "unexpected error"). Tests assert this code, not the message text around it.
 */
export function errorCode(stderr: string): string | null {
  return /^gen-stream: error (E_[A-Z_]+):/m.exec(stderr)?.[1] ?? null;
}

/**
 * The code of the fatal error that stopped a run early (`gen-stream: stopped taking records early: E_XXX: …`,
 * exit 1: a rejected key, an exhausted quota), or null when the run was not stopped by a coded error.
 */
export function stopCode(stderr: string): string | null {
  return /^gen-stream: stopped taking records early: (E_[A-Z_]+):/m.exec(stderr)?.[1] ?? null;
}
