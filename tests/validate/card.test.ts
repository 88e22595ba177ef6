import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-card-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gen-stream card', () => {
  it('card writes a README.md with Hugging Face front matter, sources, validation and limitations', async () => {
    const ds = join(dir, 'dataset');
    assert.equal((await runCli(['-q', '-n', '1200', '--out', join(ds, 'personas.parquet'), '--out', join(ds, 'personas.jsonl')])).code, 0);
    const res = await runCli(['card', ds, '--license', 'cc-by-sa-4.0']);
    assert.equal(res.code, 0, res.stderr);
    const card = await readFile(join(ds, 'README.md'), 'utf8');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(card)![1];
    assert.match(front, /^license: cc-by-sa-4\.0$/m);
    assert.match(front, /^- 1K<n<10K$/m);
    assert.match(front, /- name: age\n {4}dtype: int32/);
    assert.match(front, /- name: hobbies_and_interests_list\n {4}sequence: string/);
    assert.match(front, /num_examples: 1200/);
    assert.match(front, /data_files: "personas\.parquet\/\*\.parquet"/);
    assert.match(card, /\| education_level \| MODELLED \(see profiles\.ts\) \| yes \|/);
    // At 1,200 records a 0.5-point gate may fail; the card must state the verdict either way.
    assert.match(card, /## Validation \(gen-stream validate, \d{4}-\d{2}-\d{2}\)\n\n(All gates passed\.|\*\*\d+ gate\(s\) failed:\*\* )/);
    assert.equal((card.match(/^\| (sex|age_group|region|residence|ethnicity|mother_tongue|religion|education_level|marital_status|employment_status) \| \d/gm) ?? []).length, 10);
    assert.match(card, /## Limitations[\s\S]*Adults \(18\+\) only/);
    const missing = await runCli(['card', join(dir, 'nothing-here')]);
    assert.equal(missing.code, 2);
  });
});
