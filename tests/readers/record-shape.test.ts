import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vectorFromArray, List, Field, Utf8 } from 'apache-arrow';
import { pathsOf, plainValue, shapeRow } from '../../src/readers/record-shape.js';

describe('record-shape', () => {
  it('puts flattened big_five columns (files of earlier versions) back under big_five', () => {
    const names = ['id', 'big_five_openness_t_score', 'big_five_openness_label'];
    const row = shapeRow(pathsOf(names), ['a', 55, 'average']);
    assert.equal(JSON.stringify(row), JSON.stringify({ id: 'a', big_five: { openness: { t_score: 55, label: 'average' } } }));
  });

  it('leaves other names with underscores alone', () => {
    assert.deepEqual(pathsOf(['big_five_x_t_score', 'skills_and_expertise_list', 'big_five']), [['big_five_x_t_score'], ['skills_and_expertise_list'], ['big_five']]);
  });

  it('turns Int64, Arrow lists, struct rows and 3-level Parquet LIST groups into JSON values', () => {
    assert.equal(plainValue(42n), 42);
    assert.equal(plainValue(undefined), null);
    const list = vectorFromArray([['a', 'b']], new List(new Field('item', new Utf8(), true)));
    assert.deepEqual(plainValue(list.get(0)), ['a', 'b']);
    assert.deepEqual(plainValue({ list: [{ element: 'x' }, { element: 'y' }] }), ['x', 'y']);
    assert.deepEqual(plainValue({ openness: { t_score: 55n, label: 'average' } }), { openness: { t_score: 55, label: 'average' } });
    assert.deepEqual(plainValue({ toJSON: () => ({ a: 1n }) }), { a: 1 });
  });

  it('gives a missing column value as null, as JSONL writes it', () => {
    assert.equal(JSON.stringify(shapeRow([['a'], ['b']], ['x', undefined])), '{"a":"x","b":null}');
  });
});
