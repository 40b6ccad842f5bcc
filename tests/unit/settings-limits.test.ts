import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_LIMITS,
  SETTINGS_LIMITS_MESSAGE,
  settingsSchema,
} from '../../src/lib/review-log/schema.ts';

const names = Object.keys(SETTINGS_LIMITS) as (keyof typeof SETTINGS_LIMITS)[];

describe('review settings limits', () => {
  it.each(names)('%s: the schema accepts the bounds and rejects one step beyond each', (name) => {
    const { min, max, step } = SETTINGS_LIMITS[name];
    const withValue = (value: number) => settingsSchema.safeParse({ ...DEFAULT_SETTINGS, [name]: value }).success;
    expect(withValue(min)).toBe(true);
    expect(withValue(max)).toBe(true);
    expect(withValue(min - step)).toBe(false);
    expect(withValue(max + step)).toBe(false);
  });

  it('the defaults are inside the limits', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('the message for a rejected form names every bound', () => {
    for (const name of names) {
      const { min, max } = SETTINGS_LIMITS[name];
      const shown = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
      expect(SETTINGS_LIMITS_MESSAGE).toContain(shown(min));
      expect(SETTINGS_LIMITS_MESSAGE).toContain(shown(max));
    }
  });
});
