import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditRecord, auditText } from '../../src/coherence/audit.js';
import { PLANTED } from './planted.js';

describe('coherence audit on planted contradictions', () => {
  it('covers at least 20 kinds over ro, en and ru', () => {
    assert.ok(new Set(PLANTED.map((p) => p.rule)).size >= 20);
    assert.deepEqual([...new Set(PLANTED.map((p) => p.lang))].sort(), ['en', 'ro', 'ru']);
  });

  it('catches them with recall >= 0.95, each named by its rule, field and a span taken from the text', () => {
    const missed: string[] = [];
    for (const p of PLANTED) {
      const found = auditText(p.text, p.field, { ...p.record, narrative_provider: 'llm:test' }, p.lang).filter((c) => c.rule === p.rule);
      if (!found.length) missed.push(`${p.rule}: ${p.text}`);
      for (const c of found) {
        assert.equal(c.field, p.field);
        // The span writes the persona's name as the text did, or its other form: compare without names.
        const unnamed = (t: string) => t.replaceAll(String(p.record.name), '·').replaceAll(String(p.record.first_name), '·');
        assert.ok(unnamed(p.text).includes(unnamed(c.span.replace(/^…/, ''))), `${p.rule}: span "${c.span}" not in the text`);
      }
    }
    const recall = 1 - missed.length / PLANTED.length;
    assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}; missed:\n${missed.join('\n')}`);
  });

  it('as whole records with each field\'s language detected (what validate and audit do), recall stays >= 0.95', () => {
    const caught = PLANTED.filter((p) => auditRecord({ ...p.record, [p.field]: p.text, narrative_provider: 'llm:test' }, 'detect').some((c) => c.rule === p.rule));
    assert.ok(caught.length / PLANTED.length >= 0.95, `${caught.length} of ${PLANTED.length}`);
  });

  it('the same texts against records they agree with raise nothing of the planted kind', () => {
    // Fixing the record (not the text) to what the text says: each planted rule must then stay silent.
    const agreeing: Record<string, Record<string, string | number>> = {
      'ro.age.stated': { age: 52 },
      'en.age.stated': { age: 61 },
      'ro.place.district': { district: 'Cahul' },
      'en.place.district': { district: 'Soroca' },
      'ro.marital.divorced': { marital_status: 'divorced' },
      'en.employment.student': { employment_status: 'student' },
      'ro.religion.named': { religion: 'Muslim' },
      'en.language.mother-tongue': { mother_tongue: 'Ukrainian' },
      'ru.education.level': { education_level: 'vocational' },
    };
    for (const p of PLANTED.filter((x) => agreeing[x.rule])) {
      const found = auditText(p.text, p.field, { ...p.record, ...agreeing[p.rule] }, p.lang).filter((c) => c.rule === p.rule);
      assert.deepEqual(found, [], p.rule);
    }
  });
});
