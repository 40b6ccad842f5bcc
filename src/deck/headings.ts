import Slugger, { slug as slugOnce } from 'github-slugger';
import type { Heading, Nodes } from 'mdast';
import type { ConceptHeading } from './model.ts';
import type { Place, Problem } from './problems.ts';

/**
 * Tracks a page's headings in document order the way Astro's satteri processor
 * ids them: one github-slugger per file over the heading's text content (after
 * smart punctuation, which the caller applies to the tree first). Two headings
 * that would share an id are an error here, where the slugger would silently
 * suffix the second with `-1` and break links to it.
 */
export class HeadingTracker {
  readonly headings: ConceptHeading[] = [];
  readonly bySlug = new Map<string, ConceptHeading>();
  private readonly slugger = new Slugger();
  private readonly stack: ConceptHeading[] = [];
  private readonly file: string;
  private readonly pageTitle: string;
  private readonly problems: Problem[];

  constructor(file: string, pageTitle: string, problems: Problem[]) {
    this.file = file;
    this.pageTitle = pageTitle;
    this.problems = problems;
  }

  add(node: Heading, place: Place): void {
    const text = headingText(node);
    const base = slugOnce(text);
    const id = this.slugger.slug(text);
    while ((this.stack.at(-1)?.depth ?? 0) >= node.depth) this.stack.pop();
    const info: ConceptHeading = {
      slug: id,
      text: text.trim(),
      depth: node.depth,
      place,
      titlePath: [this.pageTitle, ...this.stack.map((h) => h.text), text.trim()],
    };
    const clash = this.bySlug.get(base);
    if (base === '') {
      this.report(place, `heading "${text.trim()}" has no letters or digits to make an id from`);
    } else if (clash) {
      this.report(place, `duplicate heading id "${base}" (first used at line ${clash.place.line}); rename one heading`);
    } else if (!isPlainAnchor(id)) {
      this.report(place, `heading id "${id}" may only use a-z, 0-9, "-" and "_"; rename the heading`);
    }
    this.headings.push(info);
    if (!this.bySlug.has(id)) this.bySlug.set(id, info);
    this.stack.push(info);
  }

  /** The heading a card placed here belongs to: the last one seen. */
  current(): ConceptHeading | undefined {
    return this.stack.at(-1);
  }

  private report(place: Place, message: string): void {
    this.problems.push({ file: this.file, ...place, message });
  }
}

/** The text content of a heading, as hast's textContent would see it. */
export function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'mdxTextExpression') return node.value;
  if ('children' in node) {
    let text = '';
    for (const child of node.children) text += headingText(child);
    return text;
  }
  return '';
}

function isPlainAnchor(id: string): boolean {
  for (const ch of id) {
    const ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '-' || ch === '_';
    if (!ok) return false;
  }
  return id.length > 0;
}
