/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Modèle d'URL des tuiles de la carte (défaut : OpenStreetMap France). */
  readonly VITE_TILE_URL?: string;
  /** SIREN des EPCI du territoire, séparés par des virgules (défaut : Sambre-Avesnois). */
  readonly VITE_TERRITORY_EPCIS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
