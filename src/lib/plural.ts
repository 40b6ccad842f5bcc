/**
 * "1 review", "3 reviews": the count with the word in the right number. English
 * only; pass the plural when it is not the singular plus "s" ("1 entry", "2 entries").
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
