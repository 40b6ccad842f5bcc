/** How the plan and the map write figures and dates (the reader's locale). */

/** 0.873 → "87%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function formatDay(at: number): string {
  return new Date(at).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

export function formatInstant(at: number): string {
  return new Date(at).toLocaleString(undefined, { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'long' });
}
