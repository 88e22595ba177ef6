import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditText, RULES } from '../../src/coherence/audit.js';
import { prepare, splitSentences } from '../../src/coherence/sentences.js';
import type { AuditLanguage } from '../../src/coherence/types.js';

const LANGUAGES: AuditLanguage[] = ['ro', 'en', 'ru'];

describe('coherence rules (data)', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: names are unique and prefixed, and every rule has an example that contradicts`, () => {
      const names = RULES[lang].map((r) => r.name);
      assert.equal(new Set(names).size, names.length);
      for (const r of RULES[lang]) {
        assert.ok(r.name.startsWith(`${lang}.`), r.name);
        assert.ok(r.examples.some((e) => e.contradicts), `${r.name} has no contradicting example`);
        assert.ok(r.keys.length > 0 && r.keys.every((k) => k === k.toLowerCase()), `${r.name}: keys must be lower case`);
      }
    });

    it(`${lang}: every example is judged as it says (the rule fires exactly on the contradicting ones)`, () => {
      const wrong: string[] = [];
      for (const r of RULES[lang]) {
        for (const e of r.examples) {
          const found = auditText(e.text, 'descriere_generala', e.record, lang).filter((c) => c.rule === r.name);
          if ((found.length > 0) !== e.contradicts) wrong.push(`${r.name}: "${e.text}" with ${JSON.stringify(e.record)} → ${JSON.stringify(found)}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }
});

describe('sentences', () => {
  it('splits on sentence ends followed by a capital, not on abbreviations followed by lower case', () => {
    assert.deepEqual(splitSentences('Are 40 de ani. Lucrează ca medic, etc. în oraș! Da? Nu…'), ['Are 40 de ani.', 'Lucrează ca medic, etc. în oraș!', 'Da?', 'Nu…']);
  });

  it('marks the persona by name and a sentence about a relative (and the pronoun sentence after it) as someone else\'s', () => {
    assert.deepEqual(prepare('Ion Rusu are 40 de ani. Soția lui e profesoară. Ea lucrează la școală. El e șofer.', ['Ion Rusu', 'Ion'], 'ro'), [
      '\u0001 are 40 de ani.',
      '\u0002Soția lui e profesoară.',
      '\u0002Ea lucrează la școală.',
      'El e șofer.',
    ]);
  });
});
