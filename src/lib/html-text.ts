/** The text of an HTML fragment, whitespace collapsed (for a screen-reader announcement). */
export function htmlToText(markup: string): string {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return (template.content.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The text of an HTML attribute value or of a `<title>`, without a DOM (the build's scripts and
 * the service worker have none): the named references a serializer writes and every numeric one,
 * in one pass, so `&amp;lt;` is the text `&lt;`, not `<`. Anything else stays as written.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|([a-z]+));/giu,
    (reference: string, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_REFERENCES[name] ?? reference;
      const codePoint = hex === undefined ? Number.parseInt(decimal ?? '', 10) : Number.parseInt(hex, 16);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
    },
  );
}
