import { svg } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import { startOfStudyDay, studyDayStart } from '../../lib/srs/day.ts';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function dateLabel(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** A bar per day; the numbers are drawn too, so the chart reads without colour or hover. */
export function drawForecast(counts: readonly number[], now: number): SVGSVGElement {
  const width = 560;
  const height = 160;
  const barWidth = width / counts.length;
  const max = Math.max(1, ...counts);
  const dayName = (i: number) => (i === 0 ? 'today' : dateLabel(studyDayStart(now, i)));
  const described = counts.map((n, i) => `${dayName(i)}: ${n}`).join(', ');
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Cards due per day. ${described}.` },
    ...counts.flatMap((count, i) => {
      const h = (count / max) * (height - 50);
      const x = i * barWidth + 4;
      const middle = x + (barWidth - 8) / 2;
      const weekday = i === 0 ? 'Today' : (DAY_NAMES[new Date(studyDayStart(now, i)).getDay()] ?? '');
      return [
        svg(
          'rect',
          { x, y: height - 25 - h, width: barWidth - 8, height: h, class: 'chart-bar', rx: 2 },
          svg('title', {}, `${i === 0 ? 'Today' : dayName(i)}: ${count} due`),
        ),
        svg('text', { x: middle, y: height - 30 - h, 'text-anchor': 'middle', class: 'chart-text' }, count),
        svg('text', { x: middle, y: height - 8, 'text-anchor': 'middle', class: 'chart-muted' }, weekday),
      ];
    }),
  );
}

/** GitHub-style calendar: a column per week, a row per weekday, darker for more reviews. */
export function drawHeatmap(perDay: ReadonlyMap<number, number>, now: number): SVGSVGElement {
  const weeks = 27;
  const cell = 13;
  const today = startOfStudyDay(now);
  const first = studyDayStart(now, -(weeks - 1) * 7 - new Date(today).getDay());
  const max = Math.max(1, ...perDay.values());
  const total = [...perDay.values()].reduce((a, b) => a + b, 0);
  const activeDays = [...perDay.values()].filter((n) => n > 0).length;
  const chart = svg('svg', {
    viewBox: `0 0 ${weeks * cell + 30} ${7 * cell + 20}`,
    role: 'img',
    'aria-label': `${plural(total, 'review')} on ${plural(activeDays, 'day')} since ${dateLabel(first)}.`,
  });
  for (const [row, name] of [
    [1, 'Mon'],
    [3, 'Wed'],
    [5, 'Fri'],
  ] as const) {
    chart.append(svg('text', { x: 0, y: 18 + row * cell + 9, class: 'chart-muted' }, name));
  }
  for (let week = 0; week < weeks; week++) {
    for (let weekday = 0; weekday < 7; weekday++) {
      const day = studyDayStart(first, week * 7 + weekday);
      if (day > today) break;
      const count = perDay.get(day) ?? 0;
      const level = count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4));
      chart.append(
        svg(
          'rect',
          {
            x: 30 + week * cell,
            y: 18 + weekday * cell,
            width: cell - 3,
            height: cell - 3,
            rx: 2,
            class: `heat-${level}`,
          },
          svg('title', {}, `${dateLabel(day)}: ${plural(count, 'review')}`),
        ),
      );
    }
    const weekStart = new Date(studyDayStart(first, week * 7));
    if (weekStart.getDate() <= 7) {
      chart.append(
        svg(
          'text',
          { x: 30 + week * cell, y: 10, class: 'chart-muted' },
          weekStart.toLocaleDateString(undefined, { month: 'short' }),
        ),
      );
    }
  }
  return chart;
}
