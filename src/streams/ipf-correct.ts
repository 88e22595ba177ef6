import { Transform } from 'node:stream';
import type { OnlineIpf } from '../generator/online-ipf.js';
import type { PersonChunk } from './person-chunk.js';
import { CalibrationError } from '../errors.js';

/**
 * Online IPF correction stage: counts the controlled attributes of every record that passes and updates
 * the sampling factors the generator uses (see online-ipf.ts). Records pass through unchanged and in order.
 */
export function createIpfCorrect(ipf: OnlineIpf, width: number): Transform {
  return new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(chunk: PersonChunk, _enc, callback) {
      if (chunk.start !== ipf.observed) {
        callback(new CalibrationError(`calibration saw record ${chunk.start} but expected ${ipf.observed}: records out of order`));
        return;
      }
      ipf.observe(chunk.codes, chunk.count, width);
      callback(null, chunk);
    },
  });
}
