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

  it('state in words the facts the text must keep, and forbid stating children or relatives the record does not give', () => {
    const base = { name: 'Ion Rusu', sex: 'male', age: 71, district: 'Orhei', region: 'Centru', residence: 'rural', marital_status: 'widowed', employment_status: 'retired', education_level: 'vocational', mother_tongue: 'Romanian', religion: 'Orthodox' };
    const student = { ...base, name: 'Ana Rusu', sex: 'female', age: 19, residence: 'urban', marital_status: 'never_married', employment_status: 'student', education_level: 'lyceum' };
    for (const group of requestGroups('three')) {
      const old = buildMessages(group, base, 'ro')[1].content;
      assert.match(old, /71 years old \(born in 1953 or 1952\)/);
      assert.match(old, /A man: .* masculine/);
      assert.match(old, /widowed: the spouse has died/);
      assert.match(old, /is retired: does not work now/);
      assert.match(old, /a village or rural commune \(not a town\)/);
      assert.match(old, /never stated as fact: the number, names or ages of his children or grandchildren/);
      const young = buildMessages(group, student, 'en')[1].content;
      assert.match(young, /A woman: .* feminine/);
      assert.match(young, /never been married: no spouse/);
      assert.match(young, /is a student now: no long career/);
      assert.match(young, /a town or city \(not a village\)/);
      assert.match(young, /children or grandchildren, whether she has any/);
    }
  });

  it('the groups cover every field exactly once, in both groupings', () => {
    for (const grouping of ['three', 'single'] as const) assert.deepEqual(requestGroups(grouping).flatMap((g) => g.fields).sort(), [...NARRATIVE_FIELDS].sort());
  });
});
