import { type FileHandle, open } from 'node:fs/promises';
import * as pw from 'parquet-wasm/node';

export type ParquetCompression = 'ZSTD' | 'SNAPPY' | 'GZIP' | 'NONE';

export interface PartProperties {
  compression: ParquetCompression;
  /** Rows per row group at most (arrow-rs closes a row group at this count). */
  rowGroupRows: number;
  /** Bytes per row group at most (arrow-rs's estimate of the encoded row group). */
  rowGroupBytes: number;
  /** `created_by`: "gen-stream version X" (a versioned writer lets pyarrow trust string statistics). */
  createdBy: string;
  /** Key-value metadata of the file footer (besides `ARROW:schema`, which arrow-rs writes from the schema). */
  metadata: ReadonlyMap<string, string>;
  /** Columns of long free text: written without dictionary and statistics (both only cost there). */
  plainColumns: readonly string[];
}

const CODEC = { ZSTD: pw.Compression.ZSTD, SNAPPY: pw.Compression.SNAPPY, GZIP: pw.Compression.GZIP, NONE: pw.Compression.UNCOMPRESSED } as const;

function writerProperties(p: PartProperties): pw.WriterProperties {
  let b = new pw.WriterPropertiesBuilder()
    .setCompression(CODEC[p.compression])
    .setDictionaryEnabled(true)
    .setMaxRowGroupSize(p.rowGroupRows)
    .setMaxRowGroupBytes(p.rowGroupBytes)
    .setCreatedBy(p.createdBy)
    .setStatisticsEnabled(pw.EnabledStatistics.Chunk)
    .setKeyValueMetadata(new Map(p.metadata));
  // Free text: no dictionary (it would fill and fall back) and no min/max (kilobyte-long values that prune nothing).
  for (const c of p.plainColumns) b = b.setColumnDictionaryEnabled(c, false).setColumnStatisticsEnabled(c, pw.EnabledStatistics.None);
  return b.build();
}

/**
 * One Parquet file written by arrow-rs (parquet-wasm) from a stream of Arrow IPC batches. The input stream is
 * pull-based with no queue (highWaterMark 0): `write` resolves once arrow-rs has taken the batch, so at most
 * one input batch waits in JavaScript and one row group is being encoded in WebAssembly memory — a part of
 * any size is written in flat memory. `close` ends the stream; arrow-rs writes the footer.
 */
export class ParquetPart {
  bytes = 0;
  private pull: ((batch: Uint8Array | null) => void) | null = null;
  private pulled: Promise<void>;
  private notePull!: () => void;
  private done: Promise<void>;
  private failure: Error | null = null;

  private constructor(
    private readonly fh: FileHandle,
    props: PartProperties,
  ) {
    this.pulled = new Promise((r) => (this.notePull = r));
    let controller!: ReadableStreamDefaultController;
    const input = new ReadableStream(
      {
        pull: () =>
          new Promise<void>((resolve) => {
            this.pull = (ipc) => {
              this.pull = null;
              this.pulled = new Promise((r) => (this.notePull = r));
              if (ipc === null) controller.close();
              else {
                const table = pw.Table.fromIPCStream(ipc);
                controller.enqueue(table.recordBatch(0));
                table.free();
              }
              resolve();
            };
            this.notePull();
          }),
        start: (c) => {
          controller = c;
        },
      },
      { highWaterMark: 0 },
    );
    this.done = (async () => {
      const output = await pw.transformParquetStream(input, writerProperties(props));
      for await (const chunk of output as AsyncIterable<Uint8Array>) {
        await this.fh.write(chunk);
        this.bytes += chunk.length;
      }
    })().catch((err: Error) => {
      this.failure = err;
      this.notePull();
    });
  }

  static async open(path: string, props: PartProperties): Promise<ParquetPart> {
    return new ParquetPart(await open(path, 'w'), props);
  }

  /** Hands one Arrow IPC stream (schema + one batch) to the writer; resolves when it is taken. */
  async write(ipc: Uint8Array): Promise<void> {
    await this.give(ipc);
  }

  private async give(ipc: Uint8Array | null): Promise<void> {
    while (!this.pull && !this.failure) await this.pulled;
    if (this.failure) throw this.failure;
    this.pull!(ipc);
  }

  /** Ends the stream, waits for the footer, fsyncs and closes the file. */
  async close(): Promise<void> {
    await this.give(null);
    await this.done;
    if (this.failure) throw this.failure;
    await this.fh.sync();
    await this.fh.close();
  }

  /** Closes the handle without finishing the file (the caller removes it). */
  async abort(): Promise<void> {
    await this.give(null).catch(() => undefined);
    await this.done;
    await this.fh.close().catch(() => undefined);
  }
}
