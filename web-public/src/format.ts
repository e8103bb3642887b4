const numberFormat = new Intl.NumberFormat('fr-FR');
const pluralRules = new Intl.PluralRules('fr-FR');

/** « 0 structure », « 1 structure », « 312 structures », « 1 204 structures ». */
export function formatStructureCount(count: number): string {
  const noun = pluralRules.select(count) === 'one' ? 'structure' : 'structures';
  return `${numberFormat.format(count)} ${noun}`;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
