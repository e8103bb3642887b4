/**
 * EPCIs (SIREN) of the territory the directory covers: Sambre-Avesnois.
 * Overridable at build time by VITE_TERRITORY_EPCIS (comma-separated SIRENs).
 */
export const TERRITORY_EPCIS: readonly string[] = (
  import.meta.env.VITE_TERRITORY_EPCIS || '200043263,200043321,200043396,200043404'
)
  .split(',')
  .map((siren) => siren.trim())
  .filter(Boolean);

export const TERRITORY_NAME = 'Sambre-Avesnois';
