/**
 * A stand-in for a Batch API provider: reads request files as OpenAI would receive them, answers every request
 * with the mock server's answer for the same body, and writes output and error files in OpenAI's line format,
 * in shuffled order and split over several files, with injected faults:
 *   - `httpError`: a 500 response (error file), as a request that failed at the provider;
 *   - `expired`: `error: {code: "batch_expired"}` (error file), as requests left when the window closed;
 *   - `missing`: no line at all (a file the user did not download, or a batch never submitted);
 *   - `invalid`: a 200 whose content is cut in half (invalid JSON), as a model cut off mid-answer.
 * Faults are drawn from the custom_id, so the same requests fail however often the test runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockContent } from './mock-llm.js';

export interface BatchFaults {
  httpError: number;
  expired: number;
  missing: number;
  invalid: number;
}

export interface BatchAnswers {
  outputs: string[];
  errors: string[];
  /** custom_ids by what happened to them. */
  fate: Record<keyof BatchFaults | 'answered', string[]>;
  requests: number;
}

function hash01(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

export function answerBatch(requestFiles: readonly string[], outDir: string, faults: Partial<BatchFaults> = {}, splitInto = 2): BatchAnswers {
  const f: BatchFaults = { httpError: 0, expired: 0, missing: 0, invalid: 0, ...faults };
  const fate: BatchAnswers['fate'] = { answered: [], httpError: [], expired: [], missing: [], invalid: [] };
  const ok: string[] = [];
  const bad: string[] = [];
  let n = 0;
  for (const file of requestFiles) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const req = JSON.parse(line) as { custom_id: string; method: string; url: string; body: Parameters<typeof mockContent>[0] };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') throw new Error(`bad request line ${line.slice(0, 80)}`);
      n++;
      const id = req.custom_id;
      const u = hash01(id);
      const envelope = { id: `batch_req_${n}`, custom_id: id };
      if (u < f.missing) {
        fate.missing.push(id);
        continue;
      }
      if (u < f.missing + f.expired) {
        fate.expired.push(id);
        bad.push(JSON.stringify({ ...envelope, response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }));
        continue;
      }
      if (u < f.missing + f.expired + f.httpError) {
        fate.httpError.push(id);
        bad.push(JSON.stringify({ ...envelope, response: { status_code: 500, request_id: `req_${n}`, body: { error: { message: 'The server had an error', type: 'server_error' } } }, error: null }));
        continue;
      }
      let content = mockContent(req.body);
      if (u < f.missing + f.expired + f.httpError + f.invalid) {
        fate.invalid.push(id);
        content = content.slice(0, Math.floor(content.length / 2));
      } else fate.answered.push(id);
      const completion = {
        id: `chatcmpl-${n}`,
        object: 'chat.completion',
        created: 0,
        model: 'mock',
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 600, completion_tokens: 900, total_tokens: 1500 },
      };
      ok.push(JSON.stringify({ ...envelope, response: { status_code: 200, request_id: `req_${n}`, body: completion }, error: null }));
    }
  }
  // Providers do not keep request order: shuffle by a hash of the line, then split.
  const shuffle = (lines: string[]) => lines.map((l) => [hash01(`s${l}`), l] as const).sort((a, b) => a[0] - b[0]).map(([, l]) => l);
  const write = (lines: string[], stem: string, parts: number) => {
    const files: string[] = [];
    const per = Math.ceil(lines.length / parts) || 1;
    for (let k = 0; k * per < lines.length; k++) {
      const path = join(outDir, `${stem}-${k}.jsonl`);
      writeFileSync(path, lines.slice(k * per, (k + 1) * per).map((l) => `${l}\n`).join(''));
      files.push(path);
    }
    return files;
  };
  return { outputs: write(shuffle(ok), 'output', splitInto), errors: write(shuffle(bad), 'errors', 1), fate, requests: n };
}
