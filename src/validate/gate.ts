/** A pass/fail check of validate: a failed gate makes it exit 1. */
export interface Gate {
  name: string;
  passed: boolean;
  detail: string;
}
