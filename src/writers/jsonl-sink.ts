import type { RecordSink, SinkPosition } from './sink.js';
import { openTextSink } from './text-sink.js';

/** JSONL: one record per line, keys in the record's order. */
export function openJsonlSink(path: string, resume: SinkPosition | null): Promise<RecordSink> {
  return openTextSink('jsonl', path, resume, (records) => {
    let text = '';
    for (const r of records) text += `${JSON.stringify(r)}\n`;
    return text;
  });
}
