/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** URL template of the map tiles (default: OpenStreetMap France). */
  readonly VITE_TILE_URL?: string;
  /** SIRENs of the territory's EPCIs, comma-separated (default: Sambre-Avesnois). */
  readonly VITE_TERRITORY_EPCIS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
