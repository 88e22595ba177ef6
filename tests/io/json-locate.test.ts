import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineColumn, locateJsonError } from '../../src/io/json-locate.js';

describe('locateJsonError', () => {
  it('finds the first syntax error, or -1', () => {
    assert.equal(locateJsonError('{"a": [1, 2, {"b": "c\\n"}], "d": null}'), -1);
    const text = '{\n  "count": 10,\n  "seed": ,\n}';
    assert.deepEqual(lineColumn(text, locateJsonError(text)), { line: 3, column: 11 });
    assert.equal(locateJsonError('{"a": 1} x'), 9);
    assert.equal(locateJsonError('{"a": tru}'), 6);
    assert.equal(locateJsonError('{"a": 1'), 7);
  });
});
