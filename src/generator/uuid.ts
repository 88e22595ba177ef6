import { Stream, stateWords } from './rng.js';

// Byte → two hex digits; toString(16).padStart per word was the single hottest call of a run.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (x: number): string => HEX[(x >>> 24) & 0xff] + HEX[(x >>> 16) & 0xff];
const hex4lo = (x: number): string => HEX[(x >>> 8) & 0xff] + HEX[x & 0xff];

/**
 * A UUID derived from (seed, record index): the same record always gets the same id, and ids of different
 * records or seeds collide only with hash-collision probability (2^-122). Version 8 (RFC 9562 "custom"):
 * it is neither random (v4) nor a name hash with SHA-1 (v5), and claiming either would be wrong.
 */
export function uuidFor(seed: number, index: number): string {
  const [a, b, c, d] = stateWords(seed, Stream.id, index);
  // Version nibble 8 in the third group, variant bits 10 in the fourth.
  const versioned = (b & 0xffff0fff) | 0x00008000;
  const varianted = (c & 0x3fffffff) | 0x80000000;
  return `${hex4(a)}${hex4lo(a)}-${hex4(versioned)}-${hex4lo(versioned)}-${hex4(varianted)}-${hex4lo(varianted)}${hex4(d)}${hex4lo(d)}`;
}
