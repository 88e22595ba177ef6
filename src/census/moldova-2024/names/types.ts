/**
 * Shapes of the name tables in this folder (data only; name-tables.ts turns them into conditional rows).
 */

/**
 * First names of one community. Keys are birth decades ("1930" = born 1930–1939); each list is ordered from the
 * most to the least common name given in that decade. A list's weights are not written: rank k gets the
 * Zipf–Mandelbrot weight of `firstNameCurve` (curves.ts).
 */
export interface FirstNameTable {
  /** Where the lists come from, or how they were compiled (published vs modelled). */
  readonly source: string;
  readonly female: Readonly<Record<string, readonly string[]>>;
  readonly male: Readonly<Record<string, readonly string[]>>;
}

/** Surnames of one community, most common first; rank k gets the weight of `surnameCurve` (curves.ts). */
export interface SurnameTable {
  readonly source: string;
  /**
   * `invariant`: the same form for both sexes (Romanian). `slavic`: the listed form is the masculine one and the
   * feminine is made by the East/South Slavic rule (-ov/-ev/-in → -ova/-eva/-ina, -schi → -scaia); other
   * endings (-enco, -ciuc, -oglo …) do not inflect.
   */
  readonly forms: 'invariant' | 'slavic';
  readonly names: readonly string[];
}
