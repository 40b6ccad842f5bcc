/**
 * Whether `concept` (a concept URL: a guide page, or one of its `#` sections)
 * falls under `wanted`: the same concept, or a section of the page `wanted`
 * names. One rule for every "questions or cards of this page" lookup.
 */
export function conceptWithin(concept: string, wanted: string): boolean {
  return concept === wanted || (!wanted.includes('#') && concept.startsWith(`${wanted}#`));
}
