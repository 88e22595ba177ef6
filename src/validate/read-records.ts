import { createReadStream, openAsBlob } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type RecordBatch, RecordBatchReader, tableFromIPC, Vector } from 'apache-arrow';
import type * as PW from 'parquet-wasm/node';
import { InputError } from '../errors.js';
import { createJsonlSource } from '../streams/jsonl-source.js';
import { formatOf } from '../run/outputs.js';

type Row = Record<string, unknown>;

/**
 * A CSV field back to a value: an empty unquoted field is null, `""` the empty string; lists and nested objects
 * (written as JSON text) parsed back; whole numbers as numbers.
 */
function csvValue(name: string, text: string, wasQuoted: boolean): unknown {
  if (text === '') return wasQuoted ? '' : null;
  if (name.endsWith('_list') || name === 'big_five' || text.startsWith('[') || text.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
}

/** A streaming RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks. */
async function* csvRows(path: string): AsyncGenerator<Row[]> {
  let header: string[] | null = null;
  let field = '';
  let row: string[] = [];
  let quotedFields: boolean[] = [];
  let fieldQuoted = false;
  let quoted = false;
  let pendingQuote = false;
  let batch: Row[] = [];
  let line = 1;
  const endField = () => {
    row.push(field);
    quotedFields.push(fieldQuoted);
    field = '';
    fieldQuoted = false;
  };
  const endRow = () => {
    endField();
    if (!header) header = row;
    else if (row.length === 1 && row[0] === '') {
      // blank line
    } else {
      if (row.length !== header.length) throw new InputError(`${path}:${line}: ${row.length} fields, the header has ${header.length}`);
      batch.push(Object.fromEntries(header.map((h, i) => [h, csvValue(h, row[i], quotedFields[i])])));
    }
    row = [];
    quotedFields = [];
  };
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    // An optional UTF-8 BOM (writers.csv.bom) is not part of the first header name.
    const text = first && (chunk as string).startsWith('\ufeff') ? (chunk as string).slice(1) : (chunk as string);
    first = false;
    for (const ch of text) {
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
      if (ch === '"' && field === '') quoted = fieldQuoted = true;
      else if (ch === ',') endField();
      else if (ch === '\n') {
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

/** A value read back from Arrow: int64 as a number (ours are safe integers), structs as objects, lists as arrays. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Vector) return [...v].map(plain);
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    const o = (v as { toJSON(): Record<string, unknown> }).toJSON();
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

function rowsOfTable(batch: RecordBatch): Row[] {
  const names = batch.schema.fields.map((f) => f.name);
  const columns = names.map((n) => batch.getChild(n)!);
  const rows: Row[] = [];
  for (let i = 0; i < batch.numRows; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = plain(columns[c].get(i));
    rows.push(row);
  }
  return rows;
}

/**
 * Arrow IPC, stream or file format: a file is its magic (8 bytes), the same messages as a stream up to the
 * end-of-stream marker, then the footer — so both are read as a stream, batch by batch.
 */
async function* arrowRows(path: string): AsyncGenerator<Row[]> {
  const head = Buffer.alloc(6);
  const fh = await open(path, 'r');
  await fh.read(head, 0, 6, 0);
  await fh.close();
  const start = head.toString('latin1') === 'ARROW1' ? 8 : 0;
  const reader = await RecordBatchReader.from(createReadStream(path, { start }));
  for await (const batch of reader) yield rowsOfTable(batch);
}

/** Parquet (a file, or a dataset directory's parts in name order), read a batch at a time by arrow-rs. */
async function* parquetRows(dir: string): AsyncGenerator<Row[]> {
  const parts = (await stat(dir)).isDirectory() ? (await readdir(dir)).filter((p) => p.endsWith('.parquet')).sort().map((p) => join(dir, p)) : [dir];
  const pw = await import('parquet-wasm/node');
  for (const part of parts) {
    const file = await pw.ParquetFile.fromFile(await openAsBlob(part));
    for await (const batch of (await file.stream({ batchSize: 1024 })) as AsyncIterable<PW.RecordBatch>) {
      for (const b of tableFromIPC(batch.intoIPCStream()).batches) yield rowsOfTable(b);
    }
    file.free();
  }
}

/**
 * Records of any output format, as a stream of batches (memory flat in file size). Every format gives back the
 * record's own shape (big_five an object, lists arrays, integers numbers).
 */
export function readRecords(path: string, format?: 'jsonl' | 'csv' | 'arrow' | 'parquet'): AsyncIterable<Row[]> {
  const f = formatOf(path, format);
  if (f === 'csv') return csvRows(path);
  if (f === 'arrow') return arrowRows(path);
  if (f === 'parquet') return parquetRows(path);
  return createJsonlSource(createReadStream(path), { name: path }) as AsyncIterable<Row[]>;
}
