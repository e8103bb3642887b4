/**
 * SIREN (9 digits) and SIRET (14 digits) checks: length, digits and the Luhn key.
 * La Poste's establishments (SIREN 356000000) follow INSEE's special rule:
 * the sum of the SIRET's digits is a multiple of 5.
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const LA_POSTE_SIREN = '356000000';

export function isValidSiren(value: string): boolean {
  return /^[0-9]{9}$/.test(value) && luhnValid(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^[0-9]{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    const sum = [...value].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value) && isValidSiren(value.slice(0, 9));
}

/** Removes the spaces, dots and dashes people type in identifiers. */
export function normaliseIdentifier(value: string): string {
  return value.replace(/[\s.\-\u00a0]/g, '');
}

/** Appends the Luhn key to a string of digits (used by the demo data generator). */
export function withLuhnKey(digits: string): string {
  for (let k = 0; k <= 9; k++) {
    if (luhnValid(digits + k)) return digits + k;
  }
  throw new Error('unreachable');
}
