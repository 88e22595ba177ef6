import type { ConfigIssue } from '../errors.js';
import { formatPath } from '../io/issue-path.js';
import { unmatchedRows } from './compile.js';
import type { CensusSpec, Distribution, Predicate } from './schema.js';

/** Tolerance for probability rows: finite, non-negative, summing to 1 within this. */
export const SUM_TOLERANCE = 1e-6;
/** A conditional table may not expand to more parent combinations than this (memory and start-up time). */
export const MAX_COMBINATIONS = 1_000_000;

type Path = readonly PropertyKey[];

function checkDistribution(
  dist: Distribution,
  unit: 'probability' | 'count',
  known: ReadonlySet<string> | null,
  path: Path,
  issues: ConfigIssue[],
): void {
  let sum = 0;
  let bad = false;
  for (const [key, w] of Object.entries(dist)) {
    // Formatted only when an issue needs it: a name table has thousands of keys and nearly never an issue.
    const p = () => formatPath([...path, key]);
    if (known && !known.has(key)) issues.push({ path: p(), message: `unknown value "${key}"` });
    if (!Number.isFinite(w)) {
      issues.push({ path: p(), message: `weight must be a finite number, received ${String(w)}` });
      bad = true;
    } else if (w < 0) {
      issues.push({ path: p(), message: `weight must be >= 0, received ${w}` });
      bad = true;
    } else sum += w;
  }
  if (bad) return;
  if (unit === 'probability' && Math.abs(sum - 1) > SUM_TOLERANCE) {
    issues.push({
      path: formatPath(path),
      message: `probabilities sum to ${+sum.toPrecision(10)}, expected 1 (±${SUM_TOLERANCE}); give "unit": "count" to have weights normalised`,
    });
  } else if (!(sum > 0)) {
    issues.push({ path: formatPath(path), message: 'weights sum to 0: at least one value needs weight > 0' });
  }
}

function checkPredicate(
  pred: Predicate,
  values: readonly string[],
  numeric: boolean,
  path: Path,
  issues: ConfigIssue[],
): void {
  const known = new Set(values);
  for (const [op, operand] of Object.entries(pred)) {
    if (operand === undefined) continue;
    const list = Array.isArray(operand) ? operand : [operand];
    for (const v of list) {
      if (numeric ? !Number.isFinite(Number(v)) : !known.has(String(v))) {
        issues.push({
          path: formatPath([...path, op]),
          message: numeric ? `expected a number, received ${JSON.stringify(v)}` : `unknown value ${JSON.stringify(v)}`,
        });
      }
    }
  }
}

/** Semantic checks zod cannot express: every name and key known, every row a valid distribution. */
export function checkCensus(spec: CensusSpec, base: Path): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const declared = new Map<string, { values: string[]; numeric: boolean }>();
  spec.attributes.forEach((attr, ai) => {
    const at: Path = [...base, 'attributes', ai];
    if (declared.has(attr.name)) issues.push({ path: formatPath([...at, 'name']), message: `duplicate attribute "${attr.name}"` });
    if (new Set(attr.values).size !== attr.values.length) {
      issues.push({ path: formatPath([...at, 'values']), message: 'duplicate values' });
    }
    if (attr.type === 'integer') {
      attr.values.forEach((v, vi) => {
        if (!/^-?\d+$/.test(v)) issues.push({ path: formatPath([...at, 'values', vi]), message: `integer attribute value expected, received "${v}"` });
      });
    }
    let combos = 1;
    const parentValues: string[][] = [];
    attr.parents.forEach((p, pi) => {
      const parent = declared.get(p);
      if (!parent) {
        issues.push({
          path: formatPath([...at, 'parents', pi]),
          message: p === attr.name ? 'an attribute cannot be its own parent' : `unknown attribute "${p}" (parents must be declared before the attribute that uses them)`,
        });
      } else {
        combos *= parent.values.length;
        parentValues.push(parent.values);
      }
    });
    if (combos > MAX_COMBINATIONS) {
      issues.push({ path: formatPath([...at, 'parents']), message: `${combos} parent combinations exceed the limit of ${MAX_COMBINATIONS}` });
    }
    const known = new Set(attr.values);
    const rowKeys = Object.keys(attr.table);
    if (rowKeys.length === 0) issues.push({ path: formatPath([...at, 'table']), message: 'table has no rows' });
    for (const key of rowKeys) {
      const rp: Path = [...at, 'table', key];
      const parts = key.split('|');
      if (attr.parents.length === 0) {
        if (key !== '*') issues.push({ path: formatPath(rp), message: `a table without parents has one row keyed "*", received "${key}"` });
      } else if (parts.length !== attr.parents.length) {
        issues.push({ path: formatPath(rp), message: `row key needs ${attr.parents.length} part(s) (${attr.parents.join('|')}), received ${parts.length}` });
      } else if (parentValues.length === attr.parents.length) {
        parts.forEach((part, i) => {
          if (part !== '*' && !parentValues[i].includes(part)) {
            issues.push({ path: formatPath(rp), message: `unknown value "${part}" for parent "${attr.parents[i]}"` });
          }
        });
      }
      checkDistribution(attr.table[key], attr.unit, known, rp, issues);
    }
    if (parentValues.length === attr.parents.length && attr.parents.length > 0 && combos <= MAX_COMBINATIONS) {
      for (const combo of unmatchedRows(spec, ai)) {
        issues.push({ path: formatPath([...at, 'table']), message: `no row matches parents ${attr.parents.join('|')} = "${combo}" (add the row or a "*" wildcard row)` });
      }
    }
    declared.set(attr.name, { values: attr.values, numeric: attr.type === 'integer' });
  });

  for (const [name, target] of Object.entries(spec.targets)) {
    const tp: Path = [...base, 'targets', name];
    const attr = declared.get(name);
    if (!attr) issues.push({ path: formatPath(tp), message: `unknown attribute "${name}"` });
    checkDistribution(target.distribution, target.unit, attr ? new Set(attr.values) : null, [...tp, 'distribution'], issues);
  }

  spec.conditionalTargets.forEach((ct, ci) => {
    const cp: Path = [...base, 'conditionalTargets', ci];
    const attr = declared.get(ct.attribute);
    const attrSpec = spec.attributes.find((a) => a.name === ct.attribute);
    if (!attr || !attrSpec) issues.push({ path: formatPath([...cp, 'attribute']), message: `unknown attribute "${ct.attribute}"` });
    for (const [name, pred] of Object.entries(ct.where)) {
      const w = declared.get(name);
      if (!w) issues.push({ path: formatPath([...cp, 'where', name]), message: `unknown attribute "${name}"` });
      else if (attrSpec && !attrSpec.parents.includes(name)) {
        issues.push({ path: formatPath([...cp, 'where', name]), message: `"${name}" is not a parent of "${ct.attribute}" (parents: ${attrSpec.parents.join(', ') || 'none'})` });
      } else checkPredicate(pred, w.values, w.numeric, [...cp, 'where', name], issues);
    }
    checkDistribution(ct.distribution, ct.unit, attr ? new Set([...attr.values, '*']) : null, [...cp, 'distribution'], issues);
  });

  spec.constraints.forEach((c, ci) => {
    const cp: Path = [...base, 'constraints', ci];
    for (const part of ['if', 'then'] as const) {
      for (const [name, pred] of Object.entries(c[part])) {
        const attr = declared.get(name);
        if (!attr) issues.push({ path: formatPath([...cp, part, name]), message: `unknown attribute "${name}"` });
        else checkPredicate(pred, attr.values, attr.numeric, [...cp, part, name], issues);
      }
    }
  });

  spec.joints.forEach((pair, ji) => {
    pair.forEach((name, k) => {
      if (!declared.has(name)) issues.push({ path: formatPath([...base, 'joints', ji, k]), message: `unknown attribute "${name}"` });
    });
  });

  const outputs = new Set<string>(['id', ...declared.keys(), ...Object.keys(spec.constants)]);
  spec.derived.forEach((d, di) => {
    for (const m of d.template.matchAll(/\{([^}]*)\}/g)) {
      if (!declared.has(m[1])) issues.push({ path: formatPath([...base, 'derived', di, 'template']), message: `unknown attribute "{${m[1]}}"` });
    }
    if (outputs.has(d.name)) issues.push({ path: formatPath([...base, 'derived', di, 'name']), message: `"${d.name}" is already defined` });
    outputs.add(d.name);
  });
  outputs.add('big_five');
  spec.outputOrder?.forEach((key, i) => {
    if (!outputs.has(key)) issues.push({ path: formatPath([...base, 'outputOrder', i]), message: `unknown output field "${key}"` });
  });
  return issues;
}
