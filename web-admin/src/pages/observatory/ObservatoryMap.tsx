import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, TileLayer, Tooltip } from 'react-leaflet';
import { formatNumber } from '@essor/web-ui';

/** Map of the territory (Leaflet, loaded with this module only). The same figures are in the tables. */

export interface MapSymbol {
  key: string;
  name: string;
  latitude: number;
  longitude: number;
  value: number;
}

// OSM France by default; VITE_TILE_URL="" shows the symbols without a background (offline).
const TILE_URL: string = import.meta.env.VITE_TILE_URL ?? 'https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png';
const ATTRIBUTION = '&copy; les contributeurs d’<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
const CENTER: [number, number] = [50.17, 3.92];

/** Radius in pixels so that the area is proportional to the value. */
export function symbolRadius(value: number, max: number, maxRadius: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(2, maxRadius * Math.sqrt(value / max));
}

export function ProportionalMap({ communes, epcis }: { communes: readonly MapSymbol[]; epcis: readonly MapSymbol[] }) {
  const maxCommune = Math.max(0, ...communes.map((c) => c.value));
  const maxEpci = Math.max(0, ...epcis.map((c) => c.value));
  return (
    <div className="map" aria-hidden="true">
      <MapContainer center={CENTER} zoom={9} scrollWheelZoom={false} className="map__canvas" attributionControl>
        {TILE_URL && <TileLayer url={TILE_URL} attribution={ATTRIBUTION} />}
        {epcis.map((e) => (
          <CircleMarker
            key={`epci-${e.key}`}
            center={[e.latitude, e.longitude]}
            radius={symbolRadius(e.value, maxEpci, 48)}
            pathOptions={{ color: '#7a4a00', weight: 2, fillColor: '#f2b134', fillOpacity: 0.25, dashArray: '4 4' }}
          >
            <Tooltip>
              {e.name} : {formatNumber(e.value)} établissements
            </Tooltip>
          </CircleMarker>
        ))}
        {communes
          .filter((c) => c.value > 0)
          .map((c) => (
            <CircleMarker
              key={c.key}
              center={[c.latitude, c.longitude]}
              radius={symbolRadius(c.value, maxCommune, 22)}
              pathOptions={{ color: '#085a40', weight: 1, fillColor: '#0b6e4f', fillOpacity: 0.55 }}
            >
              <Tooltip>
                {c.name} : {formatNumber(c.value)} établissements
              </Tooltip>
            </CircleMarker>
          ))}
      </MapContainer>
      <p className="map__legend">
        <span className="map__legend-commune" /> Communes — <span className="map__legend-epci" /> EPCI (cercles proportionnels au
        nombre d'établissements)
      </p>
    </div>
  );
}
