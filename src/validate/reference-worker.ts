/**
 * Runs the reference simulation (reference.ts) on a worker thread, so it uses the second core while the main
 * thread reads and counts the file. Input: a fully resolved config (census inline); output: joint counts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config.js';
import { referenceJoints } from './reference.js';

const { config, records } = workerData as { config: unknown; records: number };
const loaded = loadConfig(config);
const counter = referenceJoints(loaded, loaded.census.joints, records);
parentPort!.postMessage(counter.jointCounts());
