import { hashString } from '../dedup/minhash.js';
import { idHash, MAX_IDS } from './hub-stats.js';

/**
 * Ids and whole records seen, for the census dataset's uniqueness gates: repeated ids, records without an id,
 * and records repeated exactly (every field equal). Kept as hashes, up to MAX_IDS each; past it the checks
 * cover the first MAX_IDS records and say so.
 */
export class IdCounter {
  private readonly ids = new Set<number>();
  private readonly records = new Set<number>();
  repeatedIds = 0;
  missingIds = 0;
  repeatedRecords = 0;
  checked = true;

  add(record: Record<string, unknown>): void {
    if (this.ids.size >= MAX_IDS || this.records.size >= MAX_IDS) {
      this.checked = false;
      return;
    }
    const id = record.id;
    if (typeof id !== 'string' || id === '') this.missingIds++;
    else {
      const h = idHash(id);
      if (this.ids.has(h)) this.repeatedIds++;
      else this.ids.add(h);
    }
    // Records are kilobytes: one 32-bit hash and the length (cheaper than two hashes; as good for a count).
    const text = JSON.stringify(record);
    const r = hashString(text, 3) * 2 ** 21 + (text.length % 2 ** 21);
    if (this.records.has(r)) this.repeatedRecords++;
    else this.records.add(r);
  }

  private get scope(): string {
    return this.checked ? '' : ` among the first ${MAX_IDS} records (too many to check all)`;
  }

  gates(): Array<{ name: string; passed: boolean; detail: string }> {
    return [
      { name: 'unique ids', passed: this.repeatedIds === 0 && this.missingIds === 0, detail: `${this.repeatedIds} repeated ids, ${this.missingIds} records without an id${this.scope}` },
      { name: 'no repeated records', passed: this.repeatedRecords === 0, detail: `${this.repeatedRecords} records repeated exactly${this.scope}` },
    ];
  }
}
