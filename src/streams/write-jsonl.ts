import { Transform } from 'node:stream';

/** Arrays of records in, JSONL text out (one string per array: batching keeps stringify cheap). */
export function createWriteJsonl(): Transform {
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 2,
    readableObjectMode: false,
    transform(records: Record<string, unknown>[], _enc, callback) {
      let text = '';
      for (const r of records) text += `${JSON.stringify(r)}\n`;
      callback(null, text);
    },
  });
}
