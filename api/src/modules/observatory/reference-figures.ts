/**
 * Published reference figures, with their sources (see the project's notes on ESS figures).
 * Loaded into `reference_figure` when it is empty; the mission imports newer ones as CSV.
 */
export interface ReferenceFigureRow {
  territoryType: 'FRANCE' | 'REGION' | 'DEPARTEMENT' | 'EPCI' | 'COMMUNE' | 'ZONE';
  territoryCode: string;
  territoryName: string;
  indicator: 'ESS_ESTABLISHMENTS' | 'ESS_EMPLOYER_ESTABLISHMENTS' | 'ESS_EMPLOYEES' | 'TOTAL_EMPLOYEES' | 'ESS_SHARE_PERCENT';
  year: number;
  value: number;
  source: string;
}

export const REFERENCE_FIGURES: readonly ReferenceFigureRow[] = [
  {
    territoryType: 'FRANCE',
    territoryCode: 'FR',
    territoryName: 'France',
    indicator: 'ESS_EMPLOYER_ESTABLISHMENTS',
    year: 2021,
    value: 212718,
    source: 'INSEE, établissements employeurs de l’ESS',
  },
  {
    territoryType: 'FRANCE',
    territoryCode: 'FR',
    territoryName: 'France',
    indicator: 'ESS_EMPLOYEES',
    year: 2021,
    value: 2600000,
    source: 'INSEE (environ 2,6 millions de salariés)',
  },
  {
    territoryType: 'REGION',
    territoryCode: '32',
    territoryName: 'Hauts-de-France',
    indicator: 'ESS_ESTABLISHMENTS',
    year: 2024,
    value: 14186,
    source: 'CRESS Hauts-de-France, 2024',
  },
  {
    territoryType: 'REGION',
    territoryCode: '32',
    territoryName: 'Hauts-de-France',
    indicator: 'ESS_EMPLOYEES',
    year: 2024,
    value: 233683,
    source: 'CRESS Hauts-de-France, 2024',
  },
  {
    territoryType: 'REGION',
    territoryCode: '32',
    territoryName: 'Hauts-de-France',
    indicator: 'ESS_SHARE_PERCENT',
    year: 2024,
    value: 11.4,
    source: 'CRESS Hauts-de-France, 2024',
  },
  {
    territoryType: 'REGION',
    territoryCode: '32',
    territoryName: 'Hauts-de-France',
    indicator: 'ESS_EMPLOYEES',
    year: 2021,
    value: 210800,
    source: 'INSEE, fin 2021',
  },
  {
    territoryType: 'REGION',
    territoryCode: '32',
    territoryName: 'Hauts-de-France',
    indicator: 'ESS_SHARE_PERCENT',
    year: 2021,
    value: 10.7,
    source: 'INSEE, fin 2021',
  },
  {
    territoryType: 'ZONE',
    territoryCode: 'sambre-avesnois',
    territoryName: 'Sambre-Avesnois',
    indicator: 'ESS_EMPLOYER_ESTABLISHMENTS',
    year: 2015,
    value: 520,
    source: 'INSEE CLAP 2015 (plus de 520 structures employeuses)',
  },
  {
    territoryType: 'ZONE',
    territoryCode: 'sambre-avesnois',
    territoryName: 'Sambre-Avesnois',
    indicator: 'ESS_EMPLOYEES',
    year: 2015,
    value: 6220,
    source: 'INSEE CLAP 2015',
  },
  {
    territoryType: 'ZONE',
    territoryCode: 'sambre-avesnois',
    territoryName: 'Sambre-Avesnois',
    indicator: 'ESS_SHARE_PERCENT',
    year: 2015,
    value: 11.5,
    source: 'INSEE CLAP 2015',
  },
  {
    territoryType: 'ZONE',
    territoryCode: 'sambre-avesnois',
    territoryName: 'Sambre-Avesnois',
    indicator: 'ESS_EMPLOYER_ESTABLISHMENTS',
    year: 2009,
    value: 449,
    source: 'INSEE CLAP 2009',
  },
  {
    territoryType: 'ZONE',
    territoryCode: 'sambre-avesnois',
    territoryName: 'Sambre-Avesnois',
    indicator: 'ESS_EMPLOYEES',
    year: 2009,
    value: 6092,
    source: 'INSEE CLAP 2009',
  },
];

/** Named zones: sets of EPCIs. */
export const ZONES: Readonly<Record<string, { name: string; epcis: string[] }>> = {
  'sambre-avesnois': { name: 'Sambre-Avesnois', epcis: ['200043396', '200043321', '200043263', '200043404'] },
};
