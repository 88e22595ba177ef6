import { createHash } from 'node:crypto';

/**
 * A Batch API request's custom_id: `gs-<input position>-<request group>-<hash of the request body>`.
 *
 * The position routes a result to its request file without reading that file; the body hash ties the result
 * to this very request, so results of another export (another corpus, model or prompt) can never be merged
 * into this one by position alone.
 */
export function customId(index: number, group: string, body: string): string {
  return `gs-${index}-${group}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
}

const CUSTOM_ID = /^gs-(\d{1,15})-([a-z_]+)-([0-9a-f]{16})$/;

/** The input position a custom_id names, or null when it is not one of ours. */
export function indexOfCustomId(id: string): number | null {
  const m = CUSTOM_ID.exec(id);
  return m ? Number(m[1]) : null;
}
