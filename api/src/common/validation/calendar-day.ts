import { ValidateBy, type ValidationOptions } from 'class-validator';
import { commonErrors } from '../domain-error';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day that exists, as YYYY-MM-DD (a PostgreSQL `date`): « 2026-02-30 » has the form but
 * no day, and PostgreSQL would refuse it. Years 1000–9999 (four digits).
 */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  if (!m || +m[1] < 1000) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === value;
}

export const CALENDAR_DAY_MESSAGE = 'Cette date n’existe pas (forme AAAA-MM-JJ).';

/** class-validator rule: a calendar day (see `isCalendarDay`). */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDay', validator: { validate: (v) => isCalendarDay(v), defaultMessage: () => CALENDAR_DAY_MESSAGE } },
    { message: CALENDAR_DAY_MESSAGE, ...options },
  );
}

/**
 * An optional day argument, checked: undefined, null or blank → null (no date); otherwise a
 * calendar day, or BAD_USER_INPUT on `field`.
 */
export function optionalDay(value: string | null | undefined, field: string): string | null {
  if (value == null || value.trim() === '') return null;
  return requiredDay(value, field);
}

/** A required day argument, checked (BAD_USER_INPUT on `field` otherwise). */
export function requiredDay(value: string, field: string): string {
  if (!isCalendarDay(value)) throw commonErrors.invalidDay({ field });
  return value;
}
