/** What flows between the structured stages: a run of consecutive records as value codes. */
export interface PersonChunk {
  /** Output index of the first record. */
  start: number;
  count: number;
  /** count × width value codes, one row per record, columns in model attribute order. */
  codes: Uint16Array;
}
