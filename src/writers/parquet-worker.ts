import { parentPort } from 'node:worker_threads';
import { type PartProperties, ParquetPart } from './parquet-part.js';

/**
 * The Parquet encoder's thread: arrow-rs (WebAssembly, synchronous) encodes and compresses here while the main
 * thread builds the next Arrow batch, so the two halves of the work use two cores. Requests are handled one at
 * a time, in order; each is answered with its id (and the bytes written so far).
 */
export type PartRequest = { id: number } & ({ op: 'open'; path: string; props: PartProperties } | { op: 'write'; ipc: Uint8Array } | { op: 'close' } | { op: 'abort' });
/** `error`: what failed, with a system error's code, syscall and path so the main thread can report it as `E_IO`. */
export type PartReply = { id: number; bytes: number; error?: { message: string; code?: string; syscall?: string; path?: string } };

let part: ParquetPart | null = null;
let chain = Promise.resolve();

parentPort!.on('message', (req: PartRequest) => {
  chain = chain.then(async () => {
    try {
      if (req.op === 'open') part = await ParquetPart.open(req.path, req.props);
      else if (req.op === 'write') await part!.write(req.ipc);
      else {
        const p = part!;
        part = null;
        await (req.op === 'close' ? p.close() : p.abort());
        parentPort!.postMessage({ id: req.id, bytes: p.bytes } satisfies PartReply);
        return;
      }
      parentPort!.postMessage({ id: req.id, bytes: part?.bytes ?? 0 } satisfies PartReply);
    } catch (err) {
      const { message, code, syscall, path } = err as NodeJS.ErrnoException;
      parentPort!.postMessage({ id: req.id, bytes: part?.bytes ?? 0, error: { message, code, syscall, path } } satisfies PartReply);
    }
  });
});
