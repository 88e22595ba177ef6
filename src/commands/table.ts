/** The commands of the CLI, in the order help lists them. Parsing, help and dispatch all come from here. */
import { batchExport } from './batch-export.js';
import { audit } from './audit.js';
import { batchImport } from './batch-import.js';
import { card } from './card.js';
import type { Command } from './command.js';
import { dedup } from './dedup.js';
import { describe } from './describe.js';
import { judge } from './judge.js';
import { main } from './main.js';
import { mockLlm } from './mock-llm.js';
import { narrate } from './narrate.js';
import { personaToPersona } from './persona-to-persona.js';
import { sample } from './sample.js';
import { textToPersona } from './text-to-persona.js';
import { validate } from './validate.js';
import { write } from './write.js';

export const COMMANDS: readonly Command[] = [main, sample, narrate, write, dedup, textToPersona, personaToPersona, batchExport, batchImport, judge, card, validate, audit, describe, mockLlm];

export const commandNamed = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);
