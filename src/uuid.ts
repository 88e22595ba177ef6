import { Stream, stateWords } from './rng.js';

const hex8 = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/**
 * A UUID derived from (seed, record index): the same record always gets the same id, and ids of different
 * records or seeds collide only with hash-collision probability (2^-122). Version 8 (RFC 9562 "custom"):
 * it is neither random (v4) nor a name hash with SHA-1 (v5), and claiming either would be wrong.
 */
export function uuidFor(seed: number, index: number): string {
  const [a, b, c, d] = stateWords(seed, Stream.id, index);
  const h = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
