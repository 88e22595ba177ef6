/**
 * The coherence audit (src/coherence): narrated records per second on one core, and peak RSS.
 *
 *   npm run build && node dist/bench/coherence.bench.js            # 100,000 records per variant
 *   node dist/bench/coherence.bench.js --quick                       # 5,000 (bench:smoke)
 *
 * Fixture (in memory, deterministic): 2,000 records with attributes cycled over the census values, narrated by
 * the template narrator (5.4 KB of text each), audited N times round (a stream: one record at a time, nothing
 * kept but the counters). Variants: `ro` and `en` time auditRecord alone on Romanian / English text;
 * `counter-ro` adds the CoherenceCounter validate uses (per-rule and per-field counts, examples). Each variant
 * in its own process.
 * Sample (this machine, 2 shared cores): ro ≈ 1,600 records/s, en ≈ 1,300, peak RSS ≈ 90 MB.
 * Reading: the cost is the rule regexes run per sentence (~1–3 µs each with the `iu` flags) and preparing the
 * sentences; the keys (rules.*.keys) keep most rules off most sentences. Memory is flat in N: the pool is fixed
 * and the counter keeps counts and at most 3 examples per rule. The target is 5,000 records/s.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { auditRecord } from '../src/coherence/audit.js';
import { CoherenceCounter } from '../src/coherence/stats.js';
import { templateNarrative } from '../src/narrative/template.js';

const { values } = parseArgs({ options: { variant: { type: 'string' }, quick: { type: 'boolean' } } });
const N = values.quick ? 5_000 : Number(process.env.COHERENCE_N ?? 100_000);
const POOL = 2_000;

const pick = <T>(items: readonly T[], i: number, salt: number): T => items[Math.floor(((i + 1) * (salt * 2654435761)) >>> 0) % items.length];
const SEX = ['male', 'female'];
const DISTRICTS: Array<[string, string]> = [['Mun. Chișinău', 'Chișinău'], ['Orhei', 'Centru'], ['Soroca', 'Nord'], ['Cahul', 'Sud'], ['UTA Găgăuzia', 'UTA Găgăuzia'], ['Mun. Bălți', 'Nord']];
const MARITAL = ['married', 'never_married', 'widowed', 'divorced'];
const EMPLOYMENT = ['employed', 'unemployed', 'retired', 'student', 'homemaker', 'other_inactive'];
const OCCUPATION = ['Professionals', 'Service and sales workers', 'Craft and related trades workers', 'Elementary occupations', 'Managers'];
const EDUCATION = ['primary', 'gymnasium', 'lyceum', 'vocational', 'higher'];
const ETHNICITY: Array<[string, string, string]> = [['Moldovan', 'Moldovan', 'Orthodox'], ['Romanian', 'Romanian', 'Orthodox'], ['Ukrainian', 'Ukrainian', 'Orthodox'], ['Gagauz', 'Gagauz', 'Orthodox'], ['Russian', 'Russian', 'Old Believer'], ['Moldovan', 'Moldovan', 'Baptist']];
const NAMES = ['Ana Rusu', 'Ion Lungu', 'Maria Cebotari', 'Vasile Popa', 'Elena Ceban', 'Sergiu Munteanu'];

function pool(language: 'ro' | 'en'): Record<string, unknown>[] {
  return Array.from({ length: POOL }, (_, i) => {
    const [district, region] = pick(DISTRICTS, i, 3);
    const [ethnicity, mother_tongue, religion] = pick(ETHNICITY, i, 5);
    const employment = pick(EMPLOYMENT, i, 7);
    const name = pick(NAMES, i, 11);
    const record: Record<string, unknown> = {
      id: `00000000-0000-8000-8000-${String(i).padStart(12, '0')}`, name, first_name: name.split(' ')[0], sex: pick(SEX, i, 13), age: 15 + (i % 80),
      region, district, residence: pick(['urban', 'rural'], i, 17), ethnicity, mother_tongue, religion, marital_status: pick(MARITAL, i, 19),
      education_level: pick(EDUCATION, i, 23), employment_status: employment, occupation: employment === 'employed' ? pick(OCCUPATION, i, 29) : 'none',
    };
    return { ...record, ...templateNarrative(record, language), narrative_provider: 'template' };
  });
}

function run(variant: string): void {
  const language = variant === 'en' ? 'en' : 'ro';
  const records = pool(language);
  const counter = new CoherenceCounter(language);
  let found = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const r = records[i % POOL];
    found += variant === 'counter-ro' ? counter.add(r).length : auditRecord(r, language).length;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`bench=coherence variant=${variant} records=${N} records_per_s=${Math.round(N / seconds)} contradictions=${found} peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}`);
}

if (values.variant) run(values.variant);
else
  for (const v of ['ro', 'en', 'counter-ro']) {
    const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--variant', v, ...(values.quick ? ['--quick'] : [])], { encoding: 'utf8' });
    process.stdout.write(res.status === 0 ? res.stdout : `bench=coherence variant=${v} error=${JSON.stringify(res.stderr.slice(0, 300))}\n`);
    if (res.status !== 0) process.exitCode = 1;
  }
