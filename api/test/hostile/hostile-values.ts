// Hostile values, by the GraphQL input type of the slot they are put in (and a few name hints).
// Each value belongs to a class: the suite's counts and its failures are grouped by class, so a
// failure names the class, the field and the argument.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/** A hostile value for one slot (an argument, or a field of an input object). */
export interface Hostile {
  /** Class of the audit (`nul-byte`, `forged-id`…). */
  cls: string;
  /** Short label of the value, for failure messages. */
  label: string;
  value: unknown;
  /** Leave the variable out of the request (missing variable) instead of sending `value`. */
  omit?: boolean;
  /** Send the value inline as a GraphQL literal rather than as a variable. */
  literal?: boolean;
  /** A list of this many plausible items (input objects, filled when the request is built). */
  repeat?: number;
  /**
   * Heavy: a query sends it as ADMIN only (validation runs after the access check, so an anonymous
   * call of a guarded field would not reach it anyway).
   */
  heavy?: boolean;
  /**
   * Sent for root arguments only, not for every field of their input objects: a variant of a value
   * the fields get anyway, which the same code checks (keeps the suite within its time).
   */
  argumentOnly?: boolean;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export const LONG_STRING = 'a'.repeat(100_000);
/** The same word composed (U+00E9) and decomposed (e + U+0301). */
export const COMPOSED = 'insertion économique';
export const DECOMPOSED = 'insertion e\u0301conomique';

/** Strings every String slot receives. */
function stringValues(): Hostile[] {
  return [
    { cls: 'long-string', label: '100,000 characters', value: LONG_STRING },
    { cls: 'nul-byte', label: 'NUL inside', value: 'Ess\u0000ai' },
    { cls: 'nul-byte', label: 'NUL literal', value: 'Ess\u0000ai', literal: true, argumentOnly: true },
    { cls: 'lone-surrogate', label: 'lone high surrogate', value: 'Ess\ud800ai' },
    { cls: 'lone-surrogate', label: 'lone low surrogate', value: '\udc00', argumentOnly: true },
    { cls: 'tsquery-operators', label: '& | ! <-> :* ( )', value: "a & b | !c <-> d:* (e) 'f' \\" },
    { cls: 'sql-looking', label: "'; DROP TABLE … % _ \\", value: "'; DROP TABLE structure; -- %_\\%\\\\_" },
    { cls: 'empty-string', label: 'empty', value: '' },
    { cls: 'wrong-variable-type', label: 'object for a String', value: { a: 1 } },
  ];
}

/** Slot names that carry dates (YYYY-MM-DD or ISO date-times) in a String. */
const DATE_NAME = /(On|At|^since|Date)$/;

function dateValues(): Hostile[] {
  return [
    { cls: 'bad-date', label: '2026-02-30', value: '2026-02-30' },
    { cls: 'bad-date', label: 'year 99999', value: '99999-01-01' },
    { cls: 'bad-date', label: 'not a date', value: 'hier' },
  ];
}

/** DateTimeISO values its scalar refuses (a coercion error, like a wrong variable type). */
function dateTimeValues(): Hostile[] {
  return [
    { cls: 'bad-date-time', label: 'month 13', value: '2026-13-45T99:00:00Z' },
    { cls: 'bad-date-time', label: 'not a date', value: 'demain' },
    { cls: 'bad-date-time', label: 'year -271821 (JS min)', value: '-271821-04-20T00:00:00.000Z' },
    { cls: 'bad-date-time', label: 'year 275760 (JS max)', value: '+275760-09-13T00:00:00.000Z' },
    { cls: 'bad-date-time', label: 'number for a date-time', value: 1e20 },
  ];
}

/** Int slots; `first`-like names get the page-size class. */
function intValues(name: string): Hostile[] {
  const cls = /^(first|pageSize|page|last)$/.test(name) ? 'page-size' : 'out-of-range-number';
  return [
    { cls, label: '2147483647', value: 2147483647 },
    { cls, label: '-2147483648', value: -2147483648, argumentOnly: true },
    { cls, label: 'zero', value: 0 },
    { cls, label: '-1', value: -1 },
    { cls: 'wrong-variable-type', label: '2^31 (not an Int)', value: 2147483648 },
    { cls: 'wrong-variable-type', label: '1e309 (Infinity in JSON)', value: Infinity },
    { cls: 'wrong-variable-type', label: '1.5', value: 1.5 },
    { cls: 'wrong-variable-type', label: 'string for an Int', value: '12' },
  ];
}

/** Float slots: coordinates, radius, values. JSON has no NaN/Infinity: strings, or 1e309. */
function floatValues(name: string): Hostile[] {
  const out: Hostile[] = [
    { cls: 'nan-infinity', label: '"NaN"', value: 'NaN' },
    { cls: 'nan-infinity', label: '"Infinity"', value: 'Infinity' },
    { cls: 'nan-infinity', label: '"-Infinity"', value: '-Infinity', argumentOnly: true },
    { cls: 'nan-infinity', label: '1e309', value: Infinity },
    { cls: 'nan-infinity', label: '-1e309', value: -Infinity, argumentOnly: true },
    { cls: 'out-of-range-number', label: '1e308', value: 1e308 },
    { cls: 'out-of-range-number', label: '-1e308', value: -1e308, argumentOnly: true },
    { cls: 'out-of-range-number', label: '5e-324', value: 5e-324 },
  ];
  if (/latitude/i.test(name)) out.push({ cls: 'out-of-range-number', label: 'latitude 91', value: 91 });
  if (/longitude/i.test(name)) out.push({ cls: 'out-of-range-number', label: 'longitude -181', value: -181 });
  if (/radius/i.test(name)) {
    out.push({ cls: 'radius', label: 'radius 0', value: 0 }, { cls: 'radius', label: 'radius 1e9', value: 1e9 });
  }
  return out;
}

/** Forged Relay ids: `expected` is the type the slot designates. */
export function forgedIds(expected: string): Hostile[] {
  const other = expected === 'Commune' ? 'Structure' : 'Commune';
  return [
    { cls: 'forged-id', label: 'random base64', value: b64('\x8f\x13\xfe\x01garbage') },
    { cls: 'forged-id', label: 'not base64', value: '!!!%%%', argumentOnly: true },
    { cls: 'forged-id', label: 'valid id of another type', value: b64(`${other}:59392`) },
    { cls: 'forged-id', label: 'unknown type', value: b64('Spaceship:1'), argumentOnly: true },
    { cls: 'forged-id', label: 'non-numeric key', value: b64(`${expected}:abc`) },
    { cls: 'forged-id', label: 'huge number', value: b64(`${expected}:99999999999999999999999`) },
    { cls: 'forged-id', label: '18 digits (not found)', value: b64(`${expected}:999999999999999999`), argumentOnly: true },
    { cls: 'forged-id', label: 'negative', value: b64(`${expected}:-1`), argumentOnly: true },
    { cls: 'forged-id', label: 'NUL in the key', value: b64(`${expected}:1\u0000`) },
    {
      cls: 'forged-id',
      label: 'invalid UTF-8 in the key',
      value: b64(Buffer.from([...Buffer.from(`${expected}:`), 0xc3, 0x28])),
    },
    { cls: 'forged-id', label: 'NUL in a code key', value: b64('Commune:5\u00009392'), argumentOnly: true },
    { cls: 'forged-id', label: 'long code key', value: b64(`Region:${'3'.repeat(140)}`), argumentOnly: true },
    { cls: 'forged-id', label: 'bare huge number', value: '99999999999999999999', argumentOnly: true },
    { cls: 'forged-id', label: 'bare negative number', value: '-1', argumentOnly: true },
    { cls: 'forged-id', label: 'empty', value: '' },
    { cls: 'wrong-variable-type', label: 'number for an ID', value: 12 },
  ];
}

/** Forged cursors (`after`). */
export function forgedCursors(): Hostile[] {
  return [
    { cls: 'forged-cursor', label: 'random base64', value: b64('\x8f\x13\xfe\x01garbage') },
    { cls: 'forged-cursor', label: 'wrong arity', value: b64('[1,2,3,4,5]') },
    { cls: 'forged-cursor', label: 'string key', value: b64('["abc"]') },
    { cls: 'forged-cursor', label: 'huge number key', value: b64('[1e30]') },
    { cls: 'forged-cursor', label: 'NUL in the key', value: b64('["\\u0000", "\\u0000"]') },
    { cls: 'forged-cursor', label: 'two strings', value: b64('["abc", "def"]') },
    { cls: 'forged-cursor', label: 'three mixed', value: b64('[1.5, "x", -1]') },
    { cls: 'forged-cursor', label: 'object', value: b64('{"id": 1}') },
  ];
}

/** What a slot of this type receives (the type of the slot itself, non-null or not). */
export function hostileValuesFor(type: GraphQLInputType, name: string, idType: string): Hostile[] {
  const out: Hostile[] = [];
  if (isNonNullType(type)) {
    out.push({ cls: 'missing-variable', label: 'null for a non-null', value: null, argumentOnly: true });
    out.push({ cls: 'missing-variable', label: 'left out', value: undefined, omit: true });
    type = type.ofType;
  }
  if (isListType(type)) {
    const item = type.ofType as GraphQLInputType;
    const named = getNamedType(item);
    const sample = isScalarType(named) && named.name !== 'Float' && named.name !== 'Int' && named.name !== 'Boolean' ? '1' : 1;
    if (isInputObjectType(named)) {
      out.push({ cls: 'huge-list', label: '100,000 items', value: [], repeat: 100_000, heavy: true });
      out.push({ cls: 'huge-list', label: '1,000 items', value: [], repeat: 1000 });
      return out;
    }
    const itemValue = isEnumType(named) ? named.getValues()[0].value : sample;
    out.push({ cls: 'huge-list', label: '100,000 items', value: Array.from({ length: 100_000 }, () => itemValue), heavy: true });
    out.push({ cls: 'huge-list', label: '1,000 items', value: Array.from({ length: 1000 }, () => itemValue) });
    if (isNonNullType(item)) out.push({ cls: 'missing-variable', label: 'null item', value: [null] });
    out.push({ cls: 'wrong-variable-type', label: 'list of lists', value: [[itemValue]] });
    // The item's own hostile values, in a one-item list (input objects recurse in schema-walk.ts).
    for (const h of hostileValuesFor(isNonNullType(item) ? item.ofType : item, name, idType)) {
      if (h.omit || h.literal || h.cls === 'huge-list') continue;
      out.push({ ...h, label: `[${h.label}]`, value: [h.value] });
    }
    return out;
  }
  if (isEnumType(type)) {
    out.push({ cls: 'wrong-variable-type', label: 'unknown enum value', value: 'NOPE' });
    out.push({ cls: 'wrong-variable-type', label: 'lowercase enum value', value: type.getValues()[0].value.toLowerCase() });
    out.push({ cls: 'nul-byte', label: 'NUL in an enum', value: `${type.getValues()[0].value}\u0000` });
    return out;
  }
  if (isInputObjectType(type)) {
    out.push({ cls: 'wrong-variable-type', label: 'string for an input object', value: 'objet' });
    out.push({ cls: 'wrong-variable-type', label: 'unknown field', value: { nope: 1 } });
    return out;
  }
  switch (type.name) {
    case 'String':
      out.push(...stringValues());
      if (DATE_NAME.test(name)) out.push(...dateValues());
      if (name === 'after') out.push(...forgedCursors());
      break;
    case 'ID':
      out.push(...forgedIds(idType));
      out.push({ cls: 'long-string', label: '100,000 characters', value: LONG_STRING });
      out.push({ cls: 'nul-byte', label: 'NUL inside', value: 'Ess\u0000ai' });
      out.push({ cls: 'lone-surrogate', label: 'lone high surrogate', value: '\ud800' });
      break;
    case 'Int':
      out.push(...intValues(name));
      break;
    case 'Float':
      out.push(...floatValues(name));
      break;
    case 'Boolean':
      out.push({ cls: 'wrong-variable-type', label: '"true" string', value: 'true' });
      out.push({ cls: 'wrong-variable-type', label: '1 for a Boolean', value: 1 });
      break;
    case 'DateTimeISO':
      out.push(...dateTimeValues());
      out.push({ cls: 'nul-byte', label: 'NUL inside', value: '2026-01-15T09:00:00Z\u0000' });
      break;
    default:
      out.push({ cls: 'wrong-variable-type', label: `object for a ${type.name}`, value: { a: 1 } });
  }
  return out;
}
