const numberFormat = new Intl.NumberFormat('fr-FR');

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
