/**
 * Code-unit order for sorting strings. Unlike `localeCompare` it does not depend on
 * the machine's locale, so the same content sorts the same everywhere (the deck's
 * output must be byte-identical between builds).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
