import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { InfeasibleError } from '../../src/errors.js';
import { errorCode, FIXTURES, runCli } from '../helpers/cli.js';

type Json = Record<string, any>; // test fixtures are edited freely

const toy = async (): Promise<Json> => JSON.parse(await readFile(join(FIXTURES, 'toy-census.json'), 'utf8')) as Json;

describe('infeasible constraint sets are reported, never a hang', () => {
  it('a constraint nothing satisfies names itself and its acceptance rate', async () => {
    const c = await toy();
    c.census.constraints.push({ name: 'nobody_is_old_enough', if: {}, then: { age: { gte: 99 } } });
    const res = await runCli(['-q'], JSON.stringify(c));
    assert.equal(res.code, 2, res.stderr);
    assert.equal(res.stdout, '', 'nothing may reach stdout');
    assert.equal(errorCode(res.stderr), 'E_INFEASIBLE');
    // Text kept beside the code: that the report names the constraint and its acceptance rate is what this test
    // specifies, and the CLI carries them only in the message (InfeasibleError's fields are checked below).
    for (const p of ['nobody_is_old_enough', 'accepts 0.000 %']) assert.ok(res.stderr.includes(p), `stderr should name ${p}:\n${res.stderr}`);
  });

  it('a constraint set accepting under 1 % is refused with the worst constraint named', () => {
    const weights: Record<string, number> = { rare: 0.005, common: 0.995 };
    const c = {
      census: {
        name: 'rare',
        attributes: [{ name: 'kind', values: ['rare', 'common'], table: { '*': weights } }],
        constraints: [{ name: 'only_rare', if: {}, then: { kind: { in: ['rare'] } } }],
      },
    };
    const { model, config } = loadConfig(c);
    return import('../../src/generator/calibration.js').then(({ prepareRun }) =>
      assert.throws(
        () => prepareRun(model, config),
        (e: unknown) => e instanceof InfeasibleError && e.constraint === 'only_rare' && e.acceptanceRate > 0 && e.acceptanceRate < 0.01,
      ),
    );
  });
});
