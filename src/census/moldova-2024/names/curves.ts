/**
 * MODELLED weight curves for the ranked name lists (no frequency table for adults was found: ASP publishes only
 * the top names of each year's newborns, e.g. 2024: Sofia 830, Amelia 602, Eva 485; David 824, Matei 604, Mark
 * 544 — NOT_FOUND for earlier birth years and for surnames).
 *
 * Rank k (1-based) of a list gets weight (k + q)^-s, the Zipf–Mandelbrot shape that given-name and surname
 * frequencies follow in national registers. First names: s = 1, q = 4 puts the top name of a decade at ~7 % of
 * its sex (the 2024 newborn tops: Sofia ~5 % of girls). Surnames: s = 0.8, q = 10 puts the top surname at ~1.2 %
 * of its community; flatter than a whole population's curve because a list of ~1,000 names cuts off the tail of
 * rarer names that a real population has.
 */
export const firstNameCurve = { s: 1, q: 4 } as const;
export const surnameCurve = { s: 0.8, q: 10 } as const;

/** Census reference year: birth years of an age group are reckoned from it. */
export const referenceYear = 2024;

/** What was found published about names in Moldova, for the provenance lines of describe. */
export const publishedNames =
  'published: only the top names of newborns (ASP; 2024: Sofia 830, Amelia 602, Eva 485; David 824, Matei 604, Mark 544), which fit no adult cohort; NOT_FOUND: names by birth year, surname counts, surnames by region';
