import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import parquet from '@dsnp/parquetjs';
import { RecordBatchReader } from 'apache-arrow';
import { InputError } from '../errors.js';
import { createJsonlSource } from '../streams/jsonl-source.js';
import { type Format, formatOf } from '../io/formats.js';

type Row = Record<string, unknown>;

/** Columns written as JSON text by the CSV writer (lists, nested objects), parsed back. */
function csvValue(name: string, text: string): unknown {
  if (text === '') return null;
  if (name.endsWith('_list') || name === 'big_five' || text.startsWith('[') || text.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return /^-?\d{1,9}$/.test(text) ? Number(text) : text;
}

/** A streaming RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
async function* csvRows(path: string): AsyncGenerator<Row[]> {
  let header: string[] | null = null;
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let pendingQuote = false;
  let batch: Row[] = [];
  let line = 1;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!header) header = row;
    else if (row.length === 1 && row[0] === '') {
      // blank line
    } else {
      if (row.length !== header.length) throw new InputError(`${path}:${line}: ${row.length} fields, the header has ${header.length}`);
      batch.push(Object.fromEntries(header.map((h, i) => [h, csvValue(h, row[i])])));
    }
    row = [];
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    for (const ch of chunk as string) {
      if (quoted) {
        if (pendingQuote) {
          pendingQuote = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          quoted = false; // the quote closed the field; fall through to handle ch
        } else if (ch === '"') {
          pendingQuote = true;
          continue;
        } else {
          if (ch === '\n') line++;
          field += ch;
          continue;
        }
      }
      if (ch === '"' && field === '') quoted = true;
      else if (ch === ',') {
        row.push(field);
        field = '';
      } else if (ch === '\n') {
        endRow();
        line++;
      } else if (ch !== '\r') field += ch;
    }
    if (batch.length >= 256) {
      yield batch;
      batch = [];
    }
  }
  if (pendingQuote) quoted = false;
  if (quoted) throw new InputError(`${path}:${line}: unterminated quoted field`);
  if (field !== '' || row.length) endRow();
  if (batch.length) yield batch;
}

async function* arrowRows(path: string): AsyncGenerator<Row[]> {
  const reader = await RecordBatchReader.from(createReadStream(path));
  for await (const batch of reader) {
    const rows: Row[] = [];
    for (const r of batch) {
      const row: Row = {};
      for (const [k, v] of Object.entries(r!.toJSON())) row[k] = v !== null && typeof v === 'object' && 'toArray' in (v as object) ? [...(v as Iterable<unknown>)] : v;
      rows.push(row);
    }
    yield rows;
  }
}

async function* parquetRows(dir: string): AsyncGenerator<Row[]> {
  const parts = (await stat(dir)).isDirectory() ? (await readdir(dir)).filter((p) => p.endsWith('.parquet')).sort().map((p) => join(dir, p)) : [dir];
  for (const part of parts) {
    const reader = await parquet.ParquetReader.openFile(part);
    const cursor = reader.getCursor();
    let batch: Row[] = [];
    for (let row = (await cursor.next()) as Row | null; row; row = (await cursor.next()) as Row | null) {
      batch.push(row);
      if (batch.length >= 256) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    await reader.close();
  }
}

/**
 * Records of any output format, as a stream of batches (memory flat in file size). Columnar formats come back
 * with flattened columns (big_five_openness_t_score …); the controlled attributes and narrative fields keep
 * their names in every format.
 */
export function readRecords(path: string, format?: Format): AsyncIterable<Row[]> {
  const f = formatOf(path, format);
  if (f === 'csv') return csvRows(path);
  if (f === 'arrow') return arrowRows(path);
  if (f === 'parquet') return parquetRows(path);
  return createJsonlSource(createReadStream(path), { name: path }) as AsyncIterable<Row[]>;
}
