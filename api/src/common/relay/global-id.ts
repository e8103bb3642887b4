import { commonErrors } from '../domain-error';

/** Relay global object id: base64url("<Type>:<key>"). */
export function toGlobalId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`).toString('base64url');
}

/** Ids are short: a type name, a colon and a row id or an official code. */
const MAX_ID_LENGTH = 200;
const TYPE_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
/**
 * A key goes into SQL as a parameter (a row id, an INSEE code): no control character (NUL), and no
 * U+FFFD, which is what invalid UTF-8 bytes decode to.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_KEY = /[\u0000-\u001f\u007f\ufffd]/;

export function fromGlobalId(id: string): { type: string; key: string } {
  const decoded =
    typeof id === 'string' && id.length <= MAX_ID_LENGTH && /^[A-Za-z0-9_-]+$/.test(id)
      ? Buffer.from(id, 'base64url').toString('utf8')
      : '';
  const sep = decoded.indexOf(':');
  const type = decoded.slice(0, sep);
  const key = decoded.slice(sep + 1);
  if (sep <= 0 || !key || !TYPE_NAME.test(type) || UNSAFE_KEY.test(key)) {
    throw commonErrors.invalidId({ shown: shown(id) }, { field: 'id' });
  }
  return { type, key };
}

// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u001f\u007f]|[\ud800-\udfff]/g;

/** The id as quoted back in a message: short, without the characters that cannot be shown. */
const shown = (id: unknown): string => String(id).slice(0, 80).replace(UNSHOWABLE, '\ufffd');

/** Decodes a global id that must designate `type` and a numeric row id. */
export function rowIdOf(id: string, type: string): string {
  const decoded = fromGlobalId(id);
  if (decoded.type !== type || !/^[0-9]{1,18}$/.test(decoded.key)) {
    throw commonErrors.idOfOtherType({ type }, { field: 'id' });
  }
  return decoded.key;
}
