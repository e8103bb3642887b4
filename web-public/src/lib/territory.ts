/**
 * EPCI (SIREN) du territoire couvert par l'annuaire : Sambre-Avesnois.
 * Surchargeable au build par VITE_TERRITORY_EPCIS (SIREN séparés par des virgules).
 */
export const TERRITORY_EPCIS: readonly string[] = (
  import.meta.env.VITE_TERRITORY_EPCIS || '200043263,200043321,200043396,200043404'
)
  .split(',')
  .map((siren) => siren.trim())
  .filter(Boolean);

export const TERRITORY_NAME = 'Sambre-Avesnois';
