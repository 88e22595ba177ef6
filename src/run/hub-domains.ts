import type { LoadedConfig } from '../config.js';
import { DomainTally, domainTable } from '../hub/domains.js';
import { writeFileAtomic } from '../io/files.js';
import type { Checkpoint } from '../run-state/checkpoint.js';
import type { Indexed } from '../run-state/record-index.js';
import type { Rejection } from '../streams/llm-map.js';

/** The domain side of a Persona Hub run: caps at each input's turn, tallies saved in checkpoints, the table. */
export interface HubDomains {
  admit: (records: Indexed[]) => { kept: Indexed[]; rejected: Rejection[] };
  onWritten: (records: readonly Indexed[]) => void;
  domains: () => Record<string, number>;
  /** Writes `<out>.domains.json` and prints its summary (with `extra` appended). */
  finish: (quiet: boolean, extra: () => string) => Promise<void>;
}

/**
 * Domain buckets are capped at their turn, in input order (so a run is reproducible and a resume continues the
 * same counts); capped records go to the failure file as E_DOMAIN_CAP. The table of what was written is saved
 * next to the output.
 */
export function hubDomains(loaded: LoadedConfig, resume: Checkpoint | null, tablePath: string): HubDomains {
  const cap = loaded.config.domains.maxPerDomain ?? null;
  const admitted = new DomainTally(resume?.domains ?? null);
  const written = new DomainTally(resume?.domains ?? null);
  let capped = 0;
  return {
    admit: (records) => {
      const kept: Indexed[] = [];
      const rejected: Rejection[] = [];
      for (const r of records) {
        const domain = String(r.domain);
        if (cap !== null && admitted.get(domain) >= cap) {
          capped++;
          rejected.push({ record: r, code: 'E_DOMAIN_CAP', message: `domain "${domain}" already holds ${cap} records (domains.maxPerDomain)` });
        } else {
          admitted.add(domain);
          kept.push(r);
        }
      }
      return { kept, rejected };
    },
    onWritten: (records) => {
      for (const r of records) written.add(String(r.domain));
    },
    domains: () => written.state(),
    finish: async (quiet, extra) => {
      const table = domainTable(written, cap);
      const path = tablePath;
      await writeFileAtomic(path, `${JSON.stringify(table, null, 2)}\n`);
      if (quiet) return;
      const top = table.domains.slice(0, 5).map((d) => `${d.domain} ${d.count}`).join(', ');
      process.stderr.write(
        `gen-stream: ${table.records} records in ${table.buckets} domains (${path})${top ? `; top: ${top}` : ''}${capped ? `; ${capped} over the cap of ${cap}` : ''}${extra()}\n`,
      );
    },
  };
}
