import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { NARRATIVE_FIELDS } from '../../src/narrative/fields.js';
import { buildMessages, requestGroups } from '../../src/prompts/messages.js';
import { parseLines, runCli } from '../helpers/cli.js';

const SNAPSHOT = new URL('../../../tests/snapshots/prompts.json', import.meta.url);

describe('prompts', () => {
  it('match their snapshot for fixed seeds (set UPDATE_SNAPSHOTS=1 to rewrite)', async () => {
    const records = parseLines((await runCli(['sample', '-q', '-n', '2', '--seed', '42'])).stdout);
    const actual: Record<string, unknown> = {};
    for (const grouping of ['three', 'single'] as const)
      for (const group of requestGroups(grouping))
        for (const lang of ['ro', 'en', 'ru'] as const) actual[`${grouping}/${group.name}/${lang}`] = buildMessages(group, records[1], lang);
    if (process.env.UPDATE_SNAPSHOTS) await writeFile(SNAPSHOT, `${JSON.stringify(actual, null, 1)}\n`);
    assert.deepEqual(actual, JSON.parse(await readFile(SNAPSHOT, 'utf8')));
  });

  it('give the model every structured attribute and mention JSON', async () => {
    const [record] = parseLines((await runCli(['sample', '-q', '-n', '1', '--seed', '3'])).stdout);
    for (const group of requestGroups('three')) {
      const user = buildMessages(group, record, 'ro').map((m) => m.content).join('\n');
      for (const k of ['name', 'age', 'sex', 'district', 'residence', 'ethnicity', 'mother_tongue', 'religion', 'education_level', 'occupation', 'marital_status']) {
        assert.ok(user.includes(`"${k}": ${JSON.stringify(record[k])}`), `${group.name} lacks ${k}`);
      }
      assert.match(user, /JSON/);
    }
  });

  it('the groups cover every field exactly once, in both groupings', () => {
    for (const grouping of ['three', 'single'] as const) assert.deepEqual(requestGroups(grouping).flatMap((g) => g.fields).sort(), [...NARRATIVE_FIELDS].sort());
  });
});
