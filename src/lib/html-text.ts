/** The text of an HTML fragment, whitespace collapsed (for a screen-reader announcement). */
export function htmlToText(markup: string): string {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return (template.content.textContent ?? '').replace(/\s+/gu, ' ').trim();
}
