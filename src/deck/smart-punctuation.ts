import type { Nodes, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Smart punctuation as Astro's Markdown processor (satteri, `smartypants` on by
 * default) applies it: `--`/`---` to dashes, `...` to an ellipsis, straight
 * quotes to curly ones. Heading ids are slugged from the smartened text, so a
 * heading `A -- B` gets the id `a--b`, not `a----b`; the deck must agree.
 * Characters written as escapes (`\-`) or references (`&#45;`) stay literal.
 */
export function smartenPhrasing(parent: Nodes, source: string): void {
  const leaves: { node: Nodes; text: string }[] = [];
  collectLeaves(parent, leaves);
  for (let k = 0; k < leaves.length; k++) {
    const leaf = leaves[k];
    if (!leaf || leaf.node.type !== 'text') continue;
    const before = leaves[k - 1]?.text ?? '';
    const after = leaves[k + 1]?.text ?? '';
    const node = leaf.node;
    node.value = smartenText(node.value, literalMask(node, source), before.at(-1) ?? '', after[0] ?? '');
  }
}

function collectLeaves(tree: Nodes, out: { node: Nodes; text: string }[]): void {
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') out.push({ node, text: node.value });
    else if (node.type === 'break') out.push({ node, text: '\n' });
  });
}

/** Which characters of a text node's value came from escapes or character references. */
export function literalMask(node: Text, source: string): boolean[] {
  const value = node.value;
  const mask = new Array<boolean>(value.length).fill(false);
  const startOffset = node.position?.start.offset;
  const endOffset = node.position?.end.offset;
  if (startOffset === undefined || endOffset === undefined) return mask;
  const src = source.slice(startOffset, endOffset);
  let i = 0;
  let j = 0;
  while (i < src.length && j < value.length) {
    const c = src[i] ?? '';
    const next = src[i + 1] ?? '';
    if (c === '\\' && isAsciiPunctuation(next) && value[j] === next) {
      mask[j] = true;
      i += 2;
      j += 1;
      continue;
    }
    if (c === '&') {
      const semi = src.indexOf(';', i);
      if (semi > i + 1 && semi - i <= 40 && isReferenceName(src.slice(i + 1, semi))) {
        const reference = src.slice(i, semi + 1);
        if (value.startsWith(reference, j)) {
          i += reference.length;
          j += reference.length;
          continue;
        }
        // A decoded reference is one or two code units; take the shortest that realigns.
        const resume = src[semi + 1];
        let k = 1;
        while (k < 2 && j + k < value.length && value[j + k] !== resume) k++;
        for (let m = j; m < j + k; m++) mask[m] = true;
        i = semi + 1;
        j += k;
        continue;
      }
    }
    if (c === value[j]) j++;
    // Otherwise the source character was dropped from the value (indentation, line prefixes).
    i++;
  }
  return mask;
}

export function smartenText(value: string, mask: readonly boolean[], before: string, after: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i] ?? '';
    if (mask[i]) {
      out += c;
      i++;
      continue;
    }
    if (c === '-') {
      let n = 0;
      while (value[i + n] === '-' && !mask[i + n]) n++;
      out += n >= 2 ? dashes(n) : '-';
      i += n;
      continue;
    }
    if (c === '.' && value[i + 1] === '.' && value[i + 2] === '.' && !mask[i + 1] && !mask[i + 2]) {
      out += '…';
      i += 3;
      continue;
    }
    if (c === '"' || c === "'") {
      const prev = i === 0 ? before : (value[i - 1] ?? '');
      const next = i === value.length - 1 ? after : (value[i + 1] ?? '');
      out += curlyQuote(c, prev, next);
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** CommonMark's smart-dash rule: all em dashes, else all en dashes, else em dashes then one or two en dashes. */
function dashes(n: number): string {
  let em = 0;
  let en = 0;
  if (n % 3 === 0) em = n / 3;
  else if (n % 2 === 0) en = n / 2;
  else if (n % 3 === 2) {
    en = 1;
    em = (n - 2) / 3;
  } else {
    en = 2;
    em = (n - 4) / 3;
  }
  return '—'.repeat(em) + '–'.repeat(en);
}

function curlyQuote(quote: string, prev: string, next: string): string {
  const prevSpace = prev === '' || isWhitespace(prev);
  const nextSpace = next === '' || isWhitespace(next);
  const leftFlanking = !nextSpace && (!isPunctuation(next) || prevSpace || isPunctuation(prev));
  const rightFlanking = !prevSpace && (!isPunctuation(prev) || nextSpace || isPunctuation(next));
  const opens = leftFlanking && !rightFlanking;
  if (quote === "'") return opens ? '‘' : '’';
  return opens || (!leftFlanking && !rightFlanking && prevSpace) ? '“' : '”';
}

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
}

function isPunctuation(c: string): boolean {
  return isAsciiPunctuation(c) || '‘’“”–—…«»¿¡'.includes(c);
}

function isAsciiPunctuation(c: string): boolean {
  if (c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

function isReferenceName(name: string): boolean {
  if (name.startsWith('#')) {
    const digits = name[1] === 'x' || name[1] === 'X' ? name.slice(2) : name.slice(1);
    const hex = digits !== name.slice(1);
    if (digits === '') return false;
    for (const d of digits) if (!(hex ? '0123456789abcdefABCDEF' : '0123456789').includes(d)) return false;
    return true;
  }
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!alnum) return false;
  }
  return true;
}
