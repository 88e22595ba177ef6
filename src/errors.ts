/** Every failure gen-stream reports carries a stable code; tests assert codes, never message text. */
export type ErrorCode =
  | 'E_CONFIG'
  | 'E_INPUT'
  | 'E_RECORD'
  | 'E_INFEASIBLE'
  | 'E_CALIBRATION'
  | 'E_USAGE'
  | 'E_CHECKPOINT'
  | 'E_LLM_AUTH'
  | 'E_LLM_QUOTA'
  | 'E_LLM_REQUEST'
  | 'E_LLM_RETRIES'
  | 'E_LLM_INVALID'
  | 'E_LLM_UNREACHABLE'
  | 'E_LLM_BREAKER'
  | 'E_LLM_FAILURE_RATE'
  | 'E_DOMAIN_CAP'
  | 'E_BATCH_MISSING'
  | 'E_INCOHERENT'
  | 'E_INTERNAL'
  | 'E_IO';

export interface ConfigIssue {
  /** Where the problem is: a config path such as `census.attributes[3].table["Nord"]`, or `file:line`. */
  path: string;
  message: string;
}

export class GenStreamError extends Error {
  readonly code: ErrorCode;
  /** Process exit code the CLI uses for this error: 2 for bad input, 1 for run failures. */
  readonly exitCode: number;
  constructor(code: ErrorCode, message: string, exitCode: number) {
    super(message);
    this.name = 'GenStreamError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** An error class that is nothing but its code and exit code (most of them). */
function coded(code: ErrorCode, exitCode: number) {
  return class extends GenStreamError {
    constructor(message: string) {
      super(code, message, exitCode);
    }
  };
}

/** A config (or inline census) that cannot be used. Lists every problem found, each with its path. */
export class ConfigError extends GenStreamError {
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[], source = 'config') {
    super('E_CONFIG', `invalid ${source}:\n` + issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n'), 2);
    this.issues = issues;
  }
}

export const InputError = coded('E_INPUT', 2);
export type InputError = InstanceType<typeof InputError>;

/**
 * An input record that lacks what its stage needs (an id, a census value, a Persona Hub field), named by
 * `file:line` and field. It fails that record (the failure file), not the run; a run with any exits 2.
 */
export const RecordError = coded('E_RECORD', 2);
export type RecordError = InstanceType<typeof RecordError>;

export const UsageError = coded('E_USAGE', 2);
export type UsageError = InstanceType<typeof UsageError>;

/** The constraint set rejects (nearly) everything the model proposes. Names the worst constraint. */
export class InfeasibleError extends GenStreamError {
  readonly constraint: string;
  readonly acceptanceRate: number;
  constructor(constraint: string, acceptanceRate: number, detail: string) {
    super('E_INFEASIBLE', detail, 2);
    this.constraint = constraint;
    this.acceptanceRate = acceptanceRate;
  }
}

/**
 * A chat-completion failure. `fatal` ones (bad key, exhausted quota) stop the run; the others fail one record,
 * which goes to the failure file. Messages never contain the API key (the client redacts server text).
 */
export class LlmError extends GenStreamError {
  readonly fatal: boolean;
  readonly status: number | null;
  constructor(code: 'E_LLM_AUTH' | 'E_LLM_QUOTA' | 'E_LLM_REQUEST' | 'E_LLM_RETRIES' | 'E_LLM_INVALID', message: string, status: number | null = null) {
    super(code, message, 1);
    this.name = 'LlmError';
    this.fatal = code === 'E_LLM_AUTH' || code === 'E_LLM_QUOTA';
    this.status = status;
  }
}

/**
 * Why the LLM stage stopped itself on failing requests (a stop reason's leading code, never a thrown error):
 * the endpoint never answered, the last `llm.breaker.window` records failed the same way, or the share of
 * failed records passed `llm.maxFailureRate`. The run exits 1; records not started are left for --resume.
 */
export type BreakerCode = 'E_LLM_UNREACHABLE' | 'E_LLM_BREAKER' | 'E_LLM_FAILURE_RATE';

/** A checkpoint that cannot be used: missing, empty, corrupt, for another config, or ahead of the data. */
export const CheckpointError = coded('E_CHECKPOINT', 2);
export type CheckpointError = InstanceType<typeof CheckpointError>;

/** batch-import: a request of the export has no result in the files given (not submitted, or the file left out). */
export const BatchMissingError = coded('E_BATCH_MISSING', 1);
export type BatchMissingError = InstanceType<typeof BatchMissingError>;

/** The online calibration cannot go on: records out of order, or a saved state that does not fit this census. */
export const CalibrationError = coded('E_CALIBRATION', 2);

/** A record whose LLM narratives still contradict it after the repair attempts (narrative.repair): a per-record failure. */
export const IncoherentError = coded('E_INCOHERENT', 1);
export type CalibrationError = InstanceType<typeof CalibrationError>;

/** A broken invariant of gen-stream itself (a bug, never the user's input): reported with its code, exit 1. */
export class InternalError extends GenStreamError {
  constructor(message: string) {
    super('E_INTERNAL', `internal: ${message}`, 1);
  }
}

/** A file system error at a path the user chose (missing, unreadable, read-only, full): its code, exit 2 or 1. */
export const IoError = coded('E_IO', 2);
export type IoError = InstanceType<typeof IoError>;

