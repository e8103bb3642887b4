import { ErrorCode, UserInputError } from '../errors';

/** Relay global object id: base64url("<Type>:<key>"). */
export function toGlobalId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`).toString('base64url');
}

export function fromGlobalId(id: string): { type: string; key: string } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const sep = decoded.indexOf(':');
  if (sep <= 0 || sep === decoded.length - 1) {
    throw new UserInputError(ErrorCode.INVALID_ID, `Identifiant invalide : « ${id.slice(0, 80)} ».`, { field: 'id' });
  }
  return { type: decoded.slice(0, sep), key: decoded.slice(sep + 1) };
}

/** Decodes a global id that must designate `type` and a numeric row id. */
export function rowIdOf(id: string, type: string): string {
  const decoded = fromGlobalId(id);
  if (decoded.type !== type || !/^[0-9]{1,18}$/.test(decoded.key)) {
    throw new UserInputError(ErrorCode.INVALID_ID, `L'identifiant ne désigne pas un objet ${type}.`, { field: 'id' });
  }
  return decoded.key;
}
