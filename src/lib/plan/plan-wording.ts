import { plural } from '../plural.ts';
import type { Plan } from './plan.ts';

/** When the interview is: "today", "in 1 day", "in 12 days". */
function inDays(days: number): string {
  return days === 0 ? 'today' : `in ${plural(days, 'day')}`;
}

/**
 * The plan's headline: how many new cards a day, and until when. When the
 * margin is longer than the days left, there is no day "margin days before the
 * interview" still to come: every card is due today, and it says why.
 */
export function introductionFigure(
  plan: Pick<Plan, 'newCards' | 'newPerDay' | 'introductionDays' | 'daysLeft' | 'days'>,
  marginDays: number,
  formatDay: (at: number) => string,
): string {
  if (plan.newCards === 0) return 'Every card in scope has been introduced.';
  if (plan.introductionDays === 0)
    return `Introduce every card by today (${plural(plan.newCards, 'new card')}): the interview is ${inDays(plan.daysLeft)}, less than the ${marginDays}-day margin.`;
  const last = plan.days[plan.introductionDays - 1];
  return (
    `Introduce ${plural(plan.newPerDay, 'new card')} a day` +
    (last ? ` until ${formatDay(last.start)} (${plural(marginDays, 'day')} before the interview).` : '.')
  );
}
