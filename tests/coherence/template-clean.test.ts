import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { auditRecord } from '../../src/coherence/audit.js';
import type { AuditLanguage } from '../../src/coherence/types.js';
import { FIXTURES, parseLines, runCli } from '../helpers/cli.js';

async function templateRecords(language: AuditLanguage, n: number): Promise<Record<string, unknown>[]> {
  const config = JSON.parse(await readFile(`${FIXTURES}moldova.json`, 'utf8'));
  const res = await runCli(['-q', '-n', String(n), '--seed', '7', '-o', '-'], JSON.stringify({ ...config, narrative: { enabled: true, language } }));
  assert.equal(res.code, 0, res.stderr);
  return parseLines(res.stdout);
}

describe('coherence audit on 1,000 template records', () => {
  it('raises no more than 1 % false alarms (the template narrator\'s text agrees with its records)', async (t) => {
    const records = [...(await templateRecords('ro', 500)).map((r) => ({ r, lang: 'ro' as const })), ...(await templateRecords('en', 500)).map((r) => ({ r, lang: 'en' as const }))];
    assert.equal(records.length, 1000);
    const alarms: string[] = [];
    for (const { r, lang } of records) {
      const found = auditRecord(r, lang);
      if (found.length) alarms.push(`${String(r.id)}: ${JSON.stringify(found)}`);
    }
    t.diagnostic(`records with an alarm: ${alarms.length} of 1000`);
    assert.ok(alarms.length <= 10, alarms.slice(0, 20).join('\n'));
  });
});
