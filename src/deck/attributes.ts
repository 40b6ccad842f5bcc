import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Place } from './problems.ts';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface AttributeValue {
  value: string;
  place: Place;
  /** Offset in the source where the value's first character is, when it can be known exactly. */
  valueOffset: number | undefined;
}

/**
 * Reads a card component's attributes as plain strings. Anything else (an
 * expression, a spread, a bare flag, a name the component does not take, a name
 * given twice) is reported, since the deck builder cannot evaluate JavaScript.
 */
export function readAttributes(
  element: JsxElement,
  allowed: readonly string[],
  source: string,
  report: (place: Place, message: string) => void,
  numeric: readonly string[] = [],
): Map<string, AttributeValue> {
  const values = new Map<string, AttributeValue>();
  const tag = `<${element.name ?? ''}>`;
  for (const attribute of element.attributes) {
    const place = startOf(attribute) ?? startOf(element) ?? { line: 1, column: 1 };
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(place, `${tag} does not take spread attributes; write each attribute as name="value"`);
      continue;
    }
    const name = attribute.name;
    if (!allowed.includes(name)) {
      report(place, `unknown attribute "${name}" on ${tag} (allowed: ${allowed.join(', ')})`);
      continue;
    }
    if (values.has(name)) {
      report(place, `attribute "${name}" is given twice on ${tag}`);
      continue;
    }
    const raw = attribute.value;
    if (raw === null || raw === undefined) {
      report(place, `attribute "${name}" on ${tag} needs a value: ${name}="…"`);
      continue;
    }
    if (typeof raw !== 'string') {
      // `n={2}` is natural JSX for a number; nothing else can be evaluated.
      const expression = raw.value.trim();
      if (numeric.includes(name) && isDigits(expression)) {
        values.set(name, { value: expression, place, valueOffset: undefined });
        continue;
      }
      report(place, `attribute "${name}" on ${tag} must be a quoted string, not an expression`);
      continue;
    }
    values.set(name, {
      value: raw,
      place,
      valueOffset: valueOffset(attribute.position?.start.offset, name, raw, source),
    });
  }
  return values;
}

/** Splits a space-separated attribute (`tags`, `also`) into its words with their offsets. */
export function splitWords(value: string): { word: string; index: number }[] {
  const words: { word: string; index: number }[] = [];
  let start = -1;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    const space = ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
    if (space && start !== -1) {
      words.push({ word: value.slice(start, i), index: start });
      start = -1;
    } else if (!space && start === -1) {
      start = i;
    }
  }
  return words;
}

export function startOf(node: {
  position?: { start: { line: number; column: number } } | undefined;
}): Place | undefined {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

export function isDigits(text: string): boolean {
  if (text === '') return false;
  for (const ch of text) if (ch < '0' || ch > '9') return false;
  return true;
}

// The attribute node spans `name="value"`; find where the value starts so a
// problem can point at one word inside it. Only when the source matches verbatim
// (no character references that would shift offsets).
function valueOffset(
  attributeStart: number | undefined,
  name: string,
  value: string,
  source: string,
): number | undefined {
  if (attributeStart === undefined) return undefined;
  let i = attributeStart + name.length;
  while (source[i] === ' ' || source[i] === '\t') i++;
  if (source[i] !== '=') return undefined;
  i++;
  while (source[i] === ' ' || source[i] === '\t') i++;
  if (source[i] !== '"' && source[i] !== "'") return undefined;
  const start = i + 1;
  return source.startsWith(value, start) ? start : undefined;
}

/** Whether the element names the attribute at all, valid or not (so a bad value is not also reported as missing). */
export function hasAttribute(element: JsxElement, name: string): boolean {
  return element.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === name);
}

/** `allow="rule: reason"`: a linter finding on this card that its reader decided to keep, and why. */
export interface RuleAllowance {
  rule: string;
  reason: string;
  place: Place;
}

/**
 * Reads `allow="cloze-leak: why the cue is fine; long-list: why"`. Strict: each
 * entry names one of `rules` (the linter's warnings a reader may keep) and gives
 * a reason, so an exception is a decision someone wrote down and a misspelt rule
 * is a build error rather than an allowance that silently does nothing.
 */
export function readAllowances(
  attribute: AttributeValue | undefined,
  label: string,
  rules: readonly string[],
  report: (place: Place, message: string) => void,
): RuleAllowance[] {
  if (!attribute) return [];
  const allowances: RuleAllowance[] = [];
  for (const entry of attribute.value.split(';')) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(':');
    const rule = (colon === -1 ? entry : entry.slice(0, colon)).trim();
    const reason = colon === -1 ? '' : entry.slice(colon + 1).trim();
    if (!rules.includes(rule)) {
      report(
        attribute.place,
        `${label} allow="${entry.trim()}": "${rule}" is not a rule that can be allowed (${rules.join(', ')})`,
      );
      continue;
    }
    if (reason === '') {
      report(attribute.place, `${label} allow="${entry.trim()}": write "${rule}: why the card is right as it is"`);
      continue;
    }
    if (allowances.some((a) => a.rule === rule)) {
      report(attribute.place, `${label} allows "${rule}" twice`);
      continue;
    }
    allowances.push({ rule, reason, place: attribute.place });
  }
  if (allowances.length === 0 && attribute.value.trim() === '') report(attribute.place, `${label} has an empty allow`);
  return allowances;
}
