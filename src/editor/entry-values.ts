// What a saved form means for the file: the form's values for the fields it shows, the file's own values for
// everything else (keys the form does not know, nulls left null), empty answers left out.
import { isDeepStrictEqual } from 'node:util';
import type { DecapField } from './decap-fields.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** No answer: an empty text, list or group, or nothing at all. */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return Object.values(v).every(isEmpty);
  return false;
}

const ABSENT = Symbol('absent');

function fieldValue(field: DecapField, next: unknown, old: unknown): unknown {
  let value: unknown = next;
  if (field.widget === 'object' && field.fields) {
    value = isPlainObject(next)
      ? mergeFields(field.fields, next, isPlainObject(old) ? old : undefined)
      : next;
  } else if (field.widget === 'list' && Array.isArray(next)) {
    const olds = Array.isArray(old) ? old : [];
    value = field.fields
      ? next.map((item, i) =>
          isPlainObject(item) ? mergeFields(field.fields!, item, olds[i] as never) : item,
        )
      : next.filter((item) => !isEmpty(item));
  } else if (field.widget === 'number' && typeof next === 'string') {
    value = next.trim() === '' ? undefined : Number(next);
  }
  // A checkbox left at its default says nothing the schema does not already say: do not add the key.
  if (
    field.widget === 'boolean' &&
    old === undefined &&
    (field.default === undefined ? value === false : value === field.default)
  )
    return ABSENT;
  // A required group stays even when all its fields are empty (`requests: {}` says "nothing confirmed").
  if (field.widget === 'object' && field.required !== false) return isPlainObject(value) ? value : {};
  if (!isEmpty(value)) return value;
  // An empty answer keeps what the file says when that is empty too (null, [], {}); otherwise the key goes.
  if (old !== undefined && isEmpty(old) && (old === null || typeof old === 'object')) return old;
  return ABSENT;
}

/** The object the file should hold for these fields, given the form's values and the file's current object. */
export function mergeFields(
  fields: readonly DecapField[],
  next: Record<string, unknown>,
  old: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const known = new Set(fields.map((f) => f.name));
  const out: Record<string, unknown> = {};
  // Keys the form does not show keep their place and value.
  for (const [key, value] of Object.entries(old ?? {})) if (!known.has(key)) out[key] = value;
  for (const field of fields) {
    const value = fieldValue(field, next[field.name], old?.[field.name]);
    if (value !== ABSENT) out[field.name] = value;
  }
  // In the form's order: a key new to the file is written after the one the form shows before it.
  return out;
}

export const sameValue = isDeepStrictEqual;
