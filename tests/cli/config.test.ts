import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { errorCode, FIXTURES, runCli } from '../helpers/cli.js';

type Json = Record<string, any>; // test fixtures are edited freely

const toy = async (): Promise<Json> => JSON.parse(await readFile(join(FIXTURES, 'toy-census.json'), 'utf8')) as Json;

/**
 * Runs the CLI on a config and asserts: exit 2, nothing on stdout, the error code, every expected path named on
 * stderr. The paths are the one piece of text asserted: "each problem at its path" is what this file specifies,
 * several problems share E_CONFIG, and the CLI carries ConfigError's issue paths only in its message.
 */
async function rejects(config: string, paths: readonly string[], code = 'E_CONFIG') {
  const res = await runCli(['-q'], config);
  assert.equal(res.code, 2, res.stderr);
  assert.equal(res.stdout, '', 'nothing may reach stdout');
  assert.equal(errorCode(res.stderr), code);
  for (const p of paths) assert.ok(res.stderr.includes(p), `stderr should name ${p}:\n${res.stderr}`);
}

describe('bad configs are refused before any output, exit 2, each problem at its path', () => {
  it('a weight that is not a number', async () => {
    const c = await toy();
    c.census.attributes[0].table['*']['North Bay'] = 'NaN';
    await rejects(JSON.stringify(c), ['census.attributes[0].table["*"]["North Bay"]']);
  });

  it('NaN and Infinity weights given programmatically', () => {
    const c = { census: { name: 'x', attributes: [{ name: 'a', values: ['p', 'q'], table: { '*': { p: Number.NaN, q: Infinity } }, unit: 'count' }] } };
    assert.throws(
      () => loadConfig(c),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.code === 'E_CONFIG' &&
        e.issues.some((i) => i.path === 'census.attributes[0].table["*"].p') &&
        e.issues.some((i) => i.path === 'census.attributes[0].table["*"].q'),
    );
  });

  it('a probability table summing to 0.9', async () => {
    const c = await toy();
    c.census.attributes[1].table['*'] = { female: 0.5, male: 0.4 };
    await rejects(JSON.stringify(c), ['census.attributes[1].table["*"]']);
  });

  it('an unknown attribute in a condition, a parent and a target', async () => {
    const c = await toy();
    c.census.constraints[0].if = { planet: { in: ['Mars'] } };
    c.census.attributes[2].parents = ['planet'];
    c.census.targets.planet = { distribution: { Mars: 1 } };
    await rejects(JSON.stringify(c), ['census.constraints[0].if.planet', 'census.attributes[2].parents[0]', 'census.targets.planet']);
  });

  it('a conditional target on something that is not a parent, or with unknown values', async () => {
    const c = await toy();
    c.census.conditionalTargets = [
      { name: 'bad', attribute: 'job', where: { sex: { in: ['female'] } }, distribution: { teacher: 0.5, '*': 0.5 } },
      { name: 'bad2', attribute: 'jobs', where: {}, distribution: { nurse: 0.5, '*': 0.5 } },
    ];
    await rejects(JSON.stringify(c), ['census.conditionalTargets[0].where.sex', 'census.conditionalTargets[1].attribute']);
  });

  it('unknown values in rows, targets and predicates', async () => {
    const c = await toy();
    c.census.targets.village.distribution = { 'North Bay': 0.5, Atlantis: 0.5 };
    c.census.attributes[3].table['Atlantis|*'] = { fisher: 1 };
    c.census.constraints[0].then = { age: { gte: 'old' } };
    await rejects(JSON.stringify(c), ['census.targets.village.distribution.Atlantis', 'census.attributes[3].table["Atlantis|*"]', 'census.constraints[0].then.age.gte']);
  });

  it('a parent combination no row covers', async () => {
    const c = await toy();
    delete c.census.attributes[3].table['South Cove|*'];
    await rejects(JSON.stringify(c), ['census.attributes[3].table']);
  });

  it('negative count and negative weights', async () => {
    const c = await toy();
    c.count = -5;
    c.census.attributes[0].table['*']['North Bay'] = -700;
    await rejects(JSON.stringify(c), ['count', 'census.attributes[0].table["*"]["North Bay"]']);
  });

  it('unknown keys anywhere', async () => {
    await rejects(JSON.stringify({ cout: 5, calibration: { evry: 3 } }), ['(root)', 'cout', 'calibration', 'evry']);
  });

  it('an unknown built-in census', async () => {
    await rejects(JSON.stringify({ census: 'atlantis-2024' }), ['census', 'moldova-2024']);
  });

  it('malformed JSON on stdin names file:line:column', async () => {
    await rejects('{\n  "count": 10,\n  "seed": ,\n}', ['<stdin>:3:']);
  });

});
