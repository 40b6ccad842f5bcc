import { html, svg } from '../../lib/dom.ts';
import { introductionFigure } from '../../lib/plan/plan-wording.ts';
import type { Plan } from '../../lib/plan/plan.ts';
import type { RecallGroup } from '../../lib/plan/readiness.ts';
import type { ReviewPace } from '../../lib/plan/review-pace.ts';
import { plural } from '../../lib/plural.ts';
import { withBase } from '../../lib/urls.ts';
import { formatDay, formatInstant, percent } from './plan-format.ts';

const VERDICT_TEXT: Record<Plan['verdict'], string> = {
  'on-track': 'On track',
  tight: 'Tight',
  'not-feasible': 'Not feasible as it stands',
};

/** Reviews a day as bars, with the day and count as text for screen readers and small screens. */
function chart(plan: Plan): SVGSVGElement {
  const width = 360;
  const height = 120;
  const top = plan.days.reduce((most, d) => Math.max(most, d.reviews), 1);
  const bar = width / Math.max(1, plan.days.length);
  const label = `Projected reviews a day: ${plan.days.map((d) => `${formatDay(d.start)} ${d.reviews}`).join(', ')}`;
  return svg(
    'svg',
    { class: 'plan-chart', viewBox: `0 0 ${width} ${height + 14}`, role: 'img', 'aria-label': label },
    ...plan.days.map((day, i) => {
      const h = Math.round((day.reviews / top) * (height - 12));
      return svg(
        'g',
        {},
        svg('rect', { x: i * bar + 1, y: height - h, width: Math.max(1, bar - 2), height: h }),
        plan.days.length <= 21
          ? svg('text', { x: i * bar + bar / 2, y: height + 11, 'text-anchor': 'middle' }, day.reviews)
          : null,
      );
    }),
  );
}

function remedies(plan: Plan, dropLabels: readonly string[]): HTMLElement | null {
  const { minutes, postponeDays, newPerDay } = plan.remedies;
  const items = [
    newPerDay !== undefined ? `Raise “New cards per day” in Settings to ${newPerDay}.` : null,
    minutes !== undefined ? `Give ${minutes} minutes on the busiest day.` : null,
    postponeDays !== undefined ? `Move the interview ${plural(postponeDays, 'day')} later.` : null,
    dropLabels.length > 0 ? `Leave out ${dropLabels.join(', ')} (filter the review to the rest).` : null,
  ].filter((item): item is string => item !== null);
  if (items.length === 0) return null;
  return html(
    'div',
    {},
    html('p', { text: 'What would make it fit:' }),
    html('ul', {}, ...items.map((text) => html('li', { text }))),
  );
}

/** The plan: the per-day figure first, then the verdict, the chart and the time it takes. */
export function planView(
  plan: Plan,
  interviewAt: number,
  marginDays: number,
  pace: ReviewPace,
  dropLabels: readonly string[],
): Node[] {
  const figure = introductionFigure(plan, marginDays, formatDay);
  const measured = pace.fromLog
    ? `your median of ${pace.seconds.toFixed(1)} s a review (from ${plural(pace.measured, 'review')} within sittings)`
    : `${pace.seconds} s a review (not enough of your reviews yet to measure your own pace)`;
  return [
    html('p', { className: 'plan-figure', attrs: { 'data-plan-figure': true }, text: figure }),
    html(
      'p',
      {},
      html('strong', { attrs: { 'data-plan-verdict': plan.verdict }, text: VERDICT_TEXT[plan.verdict] }),
      ` — ${plan.newCards} of the cards in scope still new, ${plural(plan.daysLeft, 'day')} to ${formatInstant(interviewAt)}.`,
    ),
    ...plan.reasons.map((text) => html('p', { text })),
    remedies(plan, dropLabels),
    chart(plan),
    html('p', {
      text: `Busiest day: ${Math.ceil(plan.peakMinutes)} min at ${measured}. The projection assumes every answer is Good; lapses add some.`,
    }),
  ].filter((node) => node !== null);
}

/** Readiness at the interview if no more reviews were made, and the weakest concepts with links to study them. */
export function readinessView(overall: RecallGroup, weakest: readonly RecallGroup[], interviewAt: number): Node[] {
  return [
    html('h3', { text: 'Readiness on the day' }),
    html('p', {
      attrs: { 'data-plan-readiness': true },
      text: `With no further reviews, at ${formatInstant(interviewAt)} you would recall ${percent(overall.recall)} of the cards in scope (${overall.studied} of ${overall.cards} studied).`,
    }),
    weakest.length === 0
      ? null
      : html(
          'ul',
          {},
          ...weakest.map((group) =>
            html(
              'li',
              {},
              html('a', { attrs: { href: withBase(group.key) }, text: group.title }),
              ` ${percent(group.recall)} · `,
              html('a', {
                attrs: { href: `${withBase('/review/')}?concepts=${encodeURIComponent(group.key)}` },
                text: 'review its cards',
              }),
            ),
          ),
        ),
  ].filter((node) => node !== null);
}
