/**
 * The rotation rule of Batch API request files: a file holds at most `maxRequests` lines and `maxBytes`
 * bytes (the provider's limits), and one record's requests never straddle two files (import joins a record's
 * answers from one output file). A record that needs no request joins the current file's inputs and never
 * rotates it.
 */
export interface RotationLimits {
  maxRequests: number;
  maxBytes: number;
}

/** What the request file being filled holds so far. */
export interface FileFill {
  count: number;
  bytes: number;
}

/**
 * Where one record's requests (`requests` lines of `bytes` bytes in all) go: into the `current` file, into the
 * `next` one (starting a new file), or nowhere (`oversize`: the record alone is over a limit).
 */
export type Placement = 'current' | 'next' | 'oversize';

export function placeRecord(fill: FileFill, requests: number, bytes: number, limits: RotationLimits): Placement {
  if (requests > limits.maxRequests || bytes > limits.maxBytes) return 'oversize';
  // An empty file takes any record that fits alone, so rotation never makes an empty file.
  if (requests === 0 || fill.count === 0) return 'current';
  return fill.count + requests > limits.maxRequests || fill.bytes + bytes > limits.maxBytes ? 'next' : 'current';
}
