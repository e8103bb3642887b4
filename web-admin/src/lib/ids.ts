/** Relay global ids are base64url("<Type>:<row id>"). */
export function decodeGlobalId(id: string): { type: string; key: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  try {
    const b64 = id.replace(/-/g, '+').replace(/_/g, '/');
    const decoded = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const sep = decoded.indexOf(':');
    if (sep <= 0 || sep === decoded.length - 1) return null;
    return { type: decoded.slice(0, sep), key: decoded.slice(sep + 1) };
  } catch {
    return null;
  }
}

/** The numeric row id of a global id of the given type (the audit log is keyed by it). */
export function rowIdOf(id: string, type: string): string | null {
  const d = decodeGlobalId(id);
  return d && d.type === type && /^[0-9]+$/.test(d.key) ? d.key : null;
}

export function toGlobalId(type: string, key: string): string {
  return btoa(`${type}:${key}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
