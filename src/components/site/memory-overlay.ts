import { html } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import {
  hasProgress,
  MEMORY_LEGEND,
  pageSummary,
  sectionLevel,
  type CardMemory,
  type MemoryLevel,
} from '../../lib/reading/memory.ts';
import type { MemoryCalls } from '../../lib/reading/reading-protocol.ts';
import { connect } from '../../lib/worker-rpc.ts';

/**
 * The guide's memory overlay, loaded when the browser is idle: asks the memory
 * worker for this page's cards, then fills "N cards here · M due now" and marks
 * the table of contents. Nothing shows for a reader with no progress here.
 */

const MARKS: Record<MemoryLevel, { glyph: string; word: string }> = {
  unseen: { glyph: '○', word: 'unseen' },
  strong: { glyph: '●', word: 'strong' },
  fading: { glyph: '◐', word: 'fading' },
  forgotten: { glyph: '✕', word: 'forgotten' },
};

function markToc(bySection: Map<string, CardMemory[]>): void {
  const toc = document.querySelector('table-of-contents');
  if (!toc) return;
  for (const [slug, cards] of bySection) {
    const link = slug && toc.querySelector(`a[href="#${CSS.escape(slug)}"]`);
    if (!link) continue;
    const level = sectionLevel(cards);
    const { glyph, word } = MARKS[level];
    link.querySelector('.toc-mark')?.remove();
    link.append(
      html(
        'span',
        { className: `toc-mark toc-${level}`, attrs: { title: `${word}. ${MEMORY_LEGEND}`, 'data-level': level } },
        html('span', { attrs: { 'aria-hidden': 'true' } }, glyph),
        html('span', { className: 'visually-hidden' }, ` (${word})`),
      ),
    );
  }
  const legend = toc.querySelector<HTMLElement>('[data-memory-legend]');
  if (legend) legend.hidden = false;
}

export async function showMemory(root: HTMLElement): Promise<void> {
  const page = root.dataset['page'];
  const link = root.querySelector<HTMLAnchorElement>('[data-memory-link]');
  if (!page || !link || typeof Worker === 'undefined') return;
  const placed = (root.dataset['cards'] ?? '').split(',').map((pair) => pair.split(' '));
  const cardIds = placed.map(([id = '']) => id);
  // A module worker bundled by Vite into /_astro/: same origin, so the CSP's script-src 'self' allows it.
  const worker = new Worker(new URL('../../lib/reading/memory-worker.ts', import.meta.url), {
    type: 'module',
    name: 'memory',
  });
  // Never shown: the overlay is an extra, so a failed worker leaves the page as it is.
  const client = connect<MemoryCalls>(worker, { crashMessage: 'The memory overlay worker failed.' });
  const ask = () => client.call('memory', { page, cardIds, now: Date.now() });
  try {
    let answer = await ask();
    if (answer.stale) {
      // Rare (the replay is saved by /review/ and after each grade here): the grading worker, on demand.
      const { gradingWorker } = await import('../../lib/reading/grading-client.ts');
      await gradingWorker().call('save-replay', null);
      answer = await ask();
    }
    const all = answer.memories;
    if (!all || !hasProgress(all)) return;
    const summary = pageSummary(all, Date.now());
    link.textContent = `${plural(summary.cards, 'card')} here · ${summary.due} due now`;
    link.title = 'Review the cards of this guide';
    link.hidden = false;
    const bySection = new Map<string, CardMemory[]>();
    placed.forEach(([, slug = ''], i) => bySection.set(slug, [...(bySection.get(slug) ?? []), all[i] ?? null]));
    markToc(bySection);
  } finally {
    worker.terminate();
  }
}
