import { CONFIG_FLAGS, type Command, recordsOnStdin } from './command.js';

export const audit: Command = {
  name: 'audit',
  summary: 'the coherence audit as a pipe stage: one JSONL line per contradiction between a narrative and its record',
  usage: ['gen-stream audit [--config c.json] [--input FILE] < narrated.jsonl > contradictions.jsonl'],
  description: `Reads narrated records (JSONL on stdin, or --input FILE in any format) and checks every narrative field
against the record's attributes: stated age and birth year, sex agreement, marital status, employment and
occupation, education, district, village or town, region, religion, mother tongue (rules per language in
src/coherence/rules/, chosen by each field's language: Cyrillic is ru, Romanian function words ro, else en). Writes one JSONL line per contradiction,
{"id","rule","field","span","expected"}, and a summary on stderr. Exit 1 when more than
validate.maxContradictionRate (default 1 %) of the narrated records contradict their attributes.`,
  flags: [...CONFIG_FLAGS, 'input', 'input-format'],
  args: { max: 0 },
  stdinIsData: recordsOnStdin,
  async run({ loaded, options, values }) {
    const { pipeline } = await import('node:stream/promises');
    const { Readable } = await import('node:stream');
    const { CoherenceCounter } = await import('../coherence/stats.js');
    const { createJsonlSource } = await import('../streams/jsonl-source.js');
    const { inputFormatFlag, recordBatches, inputFormatOf } = await import('../readers/read-records.js');
    const { config } = loaded;
    const input = values.input;
    const batches: AsyncIterable<Record<string, unknown>[]> = input
      ? recordBatches(input, inputFormatOf(input, inputFormatFlag(values['input-format']), 'jsonl'))
      : createJsonlSource(process.stdin, { name: '<stdin>' });
    const counter = new CoherenceCounter('detect');
    async function* lines(): AsyncGenerator<string> {
      for await (const batch of batches) {
        let out = '';
        for (const record of batch) for (const c of counter.add(record)) out += `${JSON.stringify({ id: record.id ?? null, ...c })}\n`;
        if (out) yield out;
      }
    }
    await pipeline(Readable.from(lines()), process.stdout, { end: false });
    const report = counter.report();
    const limit = config.validate.maxContradictionRate;
    const failed = limit !== null && report.rate > limit;
    if (!options.quiet || failed) {
      const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
      process.stderr.write(
        `gen-stream: audit: ${report.withContradiction} of ${report.audited} narrated records (${pct(report.rate)}) contradict their attributes, ${report.contradictions} contradictions` +
          `${limit === null ? '' : failed ? `: over the limit of ${pct(limit)}` : `, within ${pct(limit)}`}\n`,
      );
    }
    return failed ? 1 : 0;
  },
};
