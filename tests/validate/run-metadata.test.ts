/**
 * The `.meta.json` sidecar (runMetadata): every output field, the narrative setting in effect, who wrote the text
 * (provider, model, endpoint hosts — never a key or a credential), census blocks for census data only.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { HUB_COLUMNS } from '../../src/hub/records.js';
import { NARRATIVE_FIELDS } from '../../src/narrative/fields.js';
import { runMetadata } from '../../src/run/run-metadata.js';
import { runCli } from '../helpers/cli.js';

/** Until the runner passes its run to runMetadata (run-plan.ts, the lead's), sidecars of runs describe the config. */

const STRUCTURED = ['id', 'name', 'first_name', 'last_name', 'sex', 'age', 'age_group', 'region', 'district', 'residence', 'country', 'ethnicity', 'mother_tongue', 'religion', 'marital_status', 'education_level', 'employment_status', 'occupation', 'disability_pension', 'big_five'];

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-meta-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runMetadata', () => {
  it('sample: narratives off in effect, the structured fields, census sources, no LLM', () => {
    const meta = runMetadata(loadConfig({}), { family: 'personas', narratives: false });
    assert.equal(meta.settings.narrative.enabled, false);
    assert.deepEqual(meta.narrative, { enabled: false, language: 'ro', provider: null });
    assert.deepEqual(meta.fields, STRUCTURED);
    assert.equal(meta.llm, null);
    assert.ok('attributes' in meta && meta.attributes.length > 10);
  });

  it('the main job: structured and narrative fields; template without an llm block, the LLM model and host with one', () => {
    const template = runMetadata(loadConfig({}), { family: 'personas', narratives: true });
    assert.deepEqual(template.fields, [...STRUCTURED, ...NARRATIVE_FIELDS, 'narrative_provider']);
    assert.deepEqual(template.narrative, { enabled: true, language: 'ro', provider: 'template' });
    const llm = runMetadata(loadConfig({ narrative: { language: 'en' }, llm: { baseUrls: ['http://a.example:8000/v1', 'https://b.example/v1'], model: 'm-1' } }), { narratives: true });
    assert.deepEqual(llm.narrative, { enabled: true, language: 'en', provider: 'llm:m-1' });
    assert.deepEqual(llm.llm, { model: 'm-1', endpoints: ['a.example:8000', 'b.example'] });
  });

  it('Persona Hub: the compact columns, the model and the endpoint host only (no credential of the URL), no census block', () => {
    const loaded = loadConfig({ llm: { baseUrl: 'http://user:pa55word@10.0.0.5:8000/v1?api-key=xyz', model: 'mock' }, hub: { language: 'en-IN' } });
    for (const family of ['text-to-persona', 'persona-to-persona'] as const) {
      const meta = runMetadata(loaded, { family, narratives: true });
      assert.equal(meta.family, family);
      assert.deepEqual(meta.fields, HUB_COLUMNS.map((c) => c.name));
      assert.deepEqual(meta.llm, { model: 'mock', endpoints: ['10.0.0.5:8000'] });
      assert.deepEqual(meta.narrative, { enabled: false, language: 'en-IN', provider: null });
      for (const key of ['census', 'attributes', 'targets', 'constraints']) assert.ok(!(key in meta), key);
      const text = JSON.stringify(meta);
      for (const secret of ['pa55word', 'xyz', 'user:', 'OPENAI_API_KEY']) assert.ok(!text.includes(secret), secret);
    }
  });

  it('write and dedup pass records through; batch-import names the export\'s model and no endpoint; describe is the config\'s own', () => {
    const passed = runMetadata(loadConfig({}), { family: 'personas', narratives: 'input' });
    assert.deepEqual(passed.narrative, { enabled: false, language: 'ro', provider: 'input' });
    assert.deepEqual(passed.fields, [...STRUCTURED, ...NARRATIVE_FIELDS, 'narrative_provider']);
    const dedup = runMetadata(loadConfig({}), { family: 'dedup', narratives: 'input' });
    assert.deepEqual(dedup.fields, HUB_COLUMNS.map((c) => c.name));
    const batch = runMetadata(loadConfig({ llm: { model: 'gpt-x' } }), { family: 'personas', narratives: true, model: 'gpt-x' });
    assert.deepEqual(batch.llm, { model: 'gpt-x', endpoints: [] });
    const loaded = loadConfig({});
    assert.deepEqual(runMetadata(loaded), runMetadata(loaded, { family: 'personas', narratives: true }));
  });
});

describe('sidecars of runs', () => {
  it('sample --out: narrative.enabled false and the structured fields', async () => {
    const out = join(dir, 's.jsonl');
    assert.equal((await runCli(['sample', '-q', '-n', '50', '-o', out])).code, 0);
    const meta = JSON.parse(await readFile(`${out}.meta.json`, 'utf8'));
    assert.equal(meta.settings.narrative.enabled, false);
    assert.deepEqual(meta.narrative, { enabled: false, language: 'ro', provider: null });
    assert.deepEqual(meta.fields, STRUCTURED);
  });

  it('the main job --out: narrative fields listed, provider template', async () => {
    const out = join(dir, 'm.jsonl');
    assert.equal((await runCli(['-q', '-n', '20', '-o', out])).code, 0);
    const meta = JSON.parse(await readFile(`${out}.meta.json`, 'utf8'));
    assert.deepEqual(meta.fields, [...STRUCTURED, ...NARRATIVE_FIELDS, 'narrative_provider']);
    assert.deepEqual(meta.narrative, { enabled: true, language: 'ro', provider: 'template' });
  });
});
