import { z } from 'zod';

/**
 * The shape of a census: the single source of truth for built-in censuses (src/census/<name>/)
 * and for tables carried inline in a config. Semantic checks (keys known, sums) live in
 * check-census.ts because they need the whole spec at once.
 */

const weight = z.number();

/** One row of a distribution: value → weight. Probabilities must sum to 1; counts are normalised. */
export const distributionSchema = z.record(z.string(), weight);

export const unitSchema = z.enum(['probability', 'count']).default('probability');

export const attributeSchema = z.strictObject({
  /** Output key, e.g. `ethnicity`. */
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower snake_case expected'),
  /** All values, in order. The order is what ordinal comparisons (`gte`, `lt` …) use. */
  values: z.array(z.string().min(1)).min(1),
  /** `integer`: values are decimal integers, emitted as JSON numbers (e.g. `age`). */
  type: z.enum(['category', 'integer']).default('category'),
  /** Attributes this one is conditioned on; each must be declared earlier. */
  parents: z.array(z.string()).default([]),
  /**
   * Conditional table. Without parents: one row keyed `"*"`. With parents: rows keyed by the
   * parents' values joined with `|` (`"Nord|urban"`), `*` matching any value; the first matching
   * row in declaration order wins, and every parent combination must be matched by some row.
   */
  table: z.record(z.string(), distributionSchema),
  unit: unitSchema,
  /** Where the numbers come from, or how they were modelled. */
  source: z.string().optional(),
  /** Omit the attribute from output records (e.g. a helper used only for conditioning). */
  hidden: z.boolean().default(false),
});

const scalar = z.union([z.string(), z.number()]);
export const predicateSchema = z.strictObject({
  in: z.array(scalar).optional(),
  notIn: z.array(scalar).optional(),
  lt: scalar.optional(),
  lte: scalar.optional(),
  gt: scalar.optional(),
  gte: scalar.optional(),
});

export const constraintSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** All of these must hold for the constraint to apply (an empty `if` always applies). */
  if: z.record(z.string(), predicateSchema).default({}),
  /** …and then all of these must hold, or the proposal is rejected. */
  then: z.record(z.string(), predicateSchema),
});

export const targetSchema = z.strictObject({
  distribution: distributionSchema,
  unit: unitSchema,
  source: z.string().optional(),
});

/**
 * A published conditional share, e.g. 81.2 % Gagauz among residents of ATU Găgăuzia. `where` may only name
 * parents of `attribute` (the factor is applied to the matching rows of its table). Values not listed are
 * pooled under `"*"` (the rest).
 */
export const conditionalTargetSchema = z.strictObject({
  name: z.string().min(1),
  attribute: z.string(),
  where: z.record(z.string(), predicateSchema),
  distribution: distributionSchema,
  unit: unitSchema,
  source: z.string().optional(),
});

export const derivedSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower snake_case expected'),
  /** `{attr}` placeholders, e.g. `"{first_name} {last_name}"`. */
  template: z.string(),
});

export const censusSpecSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Fixed fields added to every record, e.g. `{ "country": "Moldova" }`. */
  constants: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  attributes: z.array(attributeSchema).min(1),
  derived: z.array(derivedSchema).default([]),
  /** Marginal targets per controlled attribute; online calibration steers the output onto them. */
  targets: z.record(z.string(), targetSchema).default({}),
  /** Published shares inside a subpopulation (a region, a district), calibrated like the marginals. */
  conditionalTargets: z.array(conditionalTargetSchema).default([]),
  constraints: z.array(constraintSchema).default([]),
  /** Attribute pairs whose conditionals `validate` compares with the model (total variation distance). */
  joints: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** Output key order; defaults to id, attributes, derived, constants. */
  outputOrder: z.array(z.string()).optional(),
});

export type CensusSpecInput = z.input<typeof censusSpecSchema>;
export type CensusSpec = z.output<typeof censusSpecSchema>;
export type AttributeSpec = z.output<typeof attributeSchema>;
export type ConditionalTargetSpec = z.output<typeof conditionalTargetSchema>;
export type ConstraintSpec = z.output<typeof constraintSchema>;
export type Predicate = z.output<typeof predicateSchema>;
export type Distribution = z.output<typeof distributionSchema>;
