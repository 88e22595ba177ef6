#!/usr/bin/env node
// Thin shim: all logic lives in src/cli.ts (compiled to dist/ by `npm ci` / `npm run build`).
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2));
