import type { Model } from '../census/compile.js';
import { bigFiveJson } from './big-five.js';
import { uuidFor } from './uuid.js';

export type RecordFormatter = (codes: Uint16Array, base: number, index: number) => string;

/**
 * Builds the JSON line of a record from its value codes. Every `"key":value` fragment is rendered once up
 * front, so a record costs a handful of string concatenations instead of an object plus JSON.stringify.
 * Keys come out in the model's outputOrder, always.
 */
export function createRecordFormatter(model: Model, seed: number): RecordFormatter {
  type Part = (codes: Uint16Array, base: number, index: number) => string;
  const parts: Part[] = model.outputOrder.map((key, i): Part => {
    const lead = (i ? ',' : '') + JSON.stringify(key) + ':';
    if (key === 'id') return (_c, _b, index) => `${lead}"${uuidFor(seed, index)}"`;
    if (key === 'big_five') return (_c, _b, index) => lead + bigFiveJson(seed, index);
    const attr = model.byName.get(key);
    if (attr) {
      const frags = attr.values.map((v) => lead + (attr.numeric ? String(Number(v)) : JSON.stringify(v)));
      const a = attr.index;
      return (codes, base) => frags[codes[base + a]];
    }
    const derived = model.derived.find((d) => d.name === key);
    if (derived) {
      const dp = derived.parts;
      return (codes, base) => {
        let s = '';
        for (const p of dp) s += typeof p === 'number' ? model.attributes[p].values[codes[base + p]] : p;
        return lead + JSON.stringify(s);
      };
    }
    const constant = lead + JSON.stringify(model.constants[key]);
    return () => constant;
  });
  return (codes, base, index) => {
    let line = '{';
    for (let i = 0; i < parts.length; i++) line += parts[i](codes, base, index);
    return line + '}';
  };
}
