import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, FIXTURES, runCli } from '../helpers/cli.js';
import { MockLlm } from '../helpers/mock-llm.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-card-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const frontOf = (card: string): string => /^---\n([\s\S]*?)\n---\n/.exec(card)![1];
/** The `configs` entries of a card's front matter: [config_name, data_files]. */
const configsOf = (front: string): Array<[string, string]> =>
  [...front.slice(front.indexOf('\nconfigs:\n')).matchAll(/^- config_name: (\S+)\n {2}data_files: "([^"]+)"/gm)].map((m) => [m[1], m[2]]);

describe('gen-stream card', () => {
  it('census outputs: one config per output with its features, census sources, validation and limitations', async () => {
    const ds = join(dir, 'dataset');
    assert.equal((await runCli(['-q', '-n', '1200', '--out', join(ds, 'personas.parquet'), '--out', join(ds, 'personas.jsonl')])).code, 0);
    const res = await runCli(['card', ds, '--license', 'cc-by-sa-4.0']);
    assert.equal(res.code, 0, res.stderr);
    const card = await readFile(join(ds, 'README.md'), 'utf8');
    const front = frontOf(card);
    assert.match(front, /^license: cc-by-sa-4\.0$/m);
    assert.match(front, /^language:\n- ro$/m);
    assert.match(front, /^- 1K<n<10K$/m);
    assert.match(front, /- name: age\n {4}dtype: int64/);
    assert.match(front, /- name: big_five\n {4}struct:\n {4}- name: openness\n {6}struct:\n {6}- name: t_score\n {8}dtype: int64/);
    assert.match(front, /- name: hobbies_and_interests_list\n {4}sequence: string/);
    assert.equal((front.match(/num_examples: 1200/g) ?? []).length, 2);
    assert.deepEqual(configsOf(front), [
      ['personas-jsonl', 'personas.jsonl'],
      ['personas-parquet', 'personas.parquet/personas-*.parquet'],
    ]);
    assert.match(card, /\| education_level \| MODELLED \(see profiles\.ts\) \| yes \|/);
    // At 1,200 records a 0.5-point gate may fail; the card must state the verdict either way.
    assert.equal((card.match(/### Validation \(gen-stream validate, \d{4}-\d{2}-\d{2}\)\n\n(All gates passed\.|\*\*\d+ gate\(s\) failed:\*\* )/g) ?? []).length, 2);
    assert.equal((card.match(/^\| (sex|age_group|region|residence|ethnicity|mother_tongue|religion|education_level|marital_status|employment_status) \| \d/gm) ?? []).length, 20);
    // Template narratives: the near-duplicate rate is stated, and said to come from the phrase banks.
    assert.match(card, /near-duplicates \d+\.\d\d % \(MinHash[^)]*\)\. All narratives are template-made/);
    assert.match(card, /## Limitations[\s\S]*Adults \(18\+\) only/);
    const missing = await runCli(['card', join(dir, 'nothing-here')]);
    assert.equal(missing.code, 2);
    assert.equal(errorCode(missing.stderr), 'E_USAGE');
  });

  it('a Persona Hub directory: both sub-datasets, language en, described as Persona Hub, hub checks, no census', async () => {
    const mock = new MockLlm({});
    const url = await mock.listen();
    const hubDir = join(dir, 'hub');
    await mkdir(hubDir);
    try {
      const config = join(dir, 'hub.json');
      await writeFile(config, JSON.stringify({ seed: 3, llm: { baseUrl: url, model: 'mock', concurrency: 4, retryBaseMs: 5, retryMaxMs: 50 }, hub: { perPersona: 2, depth: 1 } }));
      const hub = join(hubDir, 'hub.parquet');
      const t2p = await runCli(['text-to-persona', '-q', '--config', config, '--input', join(FIXTURES, 'india-corpus.jsonl'), '-o', hub, '--checkpoint', join(dir, 't2p.checkpoint.json')]);
      assert.equal(t2p.code, 0, t2p.stderr);
      const p2p = await runCli(['persona-to-persona', '-q', '--config', config, '--input', hub, '-o', hub, '--checkpoint', join(dir, 'p2p.checkpoint.json')]);
      assert.equal(p2p.code, 0, p2p.stderr);
    } finally {
      await mock.close();
    }
    for (const [target, prefix] of [[hubDir, 'hub.parquet/'], [join(hubDir, 'hub.parquet'), '']] as const) {
      const res = await runCli(['card', target, '-q']);
      assert.equal(res.code, 0, res.stderr);
      const card = await readFile(join(target, 'README.md'), 'utf8');
      const front = frontOf(card);
      assert.deepEqual(configsOf(front), [
        ['text-to-persona', `${prefix}text-to-persona-*.parquet`],
        ['persona-to-persona', `${prefix}persona-to-persona-*.parquet`],
      ]);
      assert.match(front, /^language:\n- en\n/m);
      assert.doesNotMatch(front, /^- ro$/m);
      assert.match(front, /- config_name: text-to-persona\n {2}features:\n {2}- name: id\n {4}dtype: string\n {2}- name: persona\n/);
      assert.match(front, /- name: confidence_score\n {4}dtype: float64/);
      assert.match(front, /num_examples: 250\n[\s\S]*num_examples: 500\n/);
      assert.doesNotMatch(card, /moldova|census|Sources|gate\(s\) failed/i);
      assert.match(card, /Persona Hub \*\*text-to-persona\*\*/);
      assert.match(card, /Persona Hub \*\*persona-to-persona\*\*/);
      assert.equal((card.match(/All gates passed \(unique ids, confidence scores in \[0,1\], personas present\)\./g) ?? []).length, 2);
      assert.match(card, /parent links: 250 distinct parents, 0 missing/);
    }
  });

  it('refuses a README.md it did not write (exit 2, E_USAGE, bytes unchanged), replaces it with --force, and replaces its own on a rerun', async () => {
    const ds = join(dir, 'owned');
    assert.equal((await runCli(['sample', '-q', '-n', '200', '--out', join(ds, 'p.jsonl')])).code, 0);
    const theirs = Buffer.from('# My dataset\n\nHand-written notes.\n');
    await writeFile(join(ds, 'README.md'), theirs);
    const refused = await runCli(['card', ds, '-q']);
    assert.equal(refused.code, 2);
    assert.equal(errorCode(refused.stderr), 'E_USAGE');
    assert.deepEqual(await readFile(join(ds, 'README.md')), theirs);
    const forced = await runCli(['card', ds, '-q', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    const first = await readFile(join(ds, 'README.md'), 'utf8');
    assert.match(first, /^---\n[\s\S]*?\n---\n<!-- written by gen-stream card/);
    const rerun = await runCli(['card', ds, '-q', '--license', 'mit']);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(frontOf(await readFile(join(ds, 'README.md'), 'utf8')), /^license: mit$/m);
    // sample writes no narratives: the card says so.
    assert.match(first, /structured attributes only \(no narratives\)/);
  });
});
