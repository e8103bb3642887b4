import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import { useEffect, useMemo } from 'react';
import L from 'leaflet';
import 'leaflet.markercluster';
import { Circle, MapContainer, TileLayer, useMap } from 'react-leaflet';
import { useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import type { EssFamily, SearchMapPointsQuery } from '../../gql/graphql';
import { essFamilyLabel } from '../../lib/essFamily';
import { formatStructureCount } from '@essor/web-ui';
import { paths } from '../../lib/paths';
import { toSearchVariables, type SearchFilters } from '../../lib/searchParams';
import { SEARCH_MAP_POINTS_QUERY } from './searchDocuments';

const DEFAULT_TILE_URL = 'https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png';
const TILE_URL = import.meta.env.VITE_TILE_URL || DEFAULT_TILE_URL;
const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.fr/">OpenStreetMap France</a> | © <a href="https://www.openstreetmap.org/copyright">les contributeurs OpenStreetMap</a>';

/** Sambre-Avesnois: initial view before the points arrive. */
const TERRITORY_CENTER: L.LatLngTuple = [50.2, 3.93];
const TERRITORY_ZOOM = 10;

type MapPoint = SearchMapPointsQuery['searchStructures']['mapPoints'][number];

export interface SearchMapProps {
  filters: SearchFilters;
  /** Centre and radius of a proximity search, drawn on the map. */
  proximity?: { latitude: number; longitude: number; radiusKm: number } | null;
}

function markerIcon(family: EssFamily): L.DivIcon {
  return L.divIcon({
    className: `essor-marker essor-marker--${family.toLowerCase()}`,
    html: '<span class="essor-marker__dot"></span>',
    iconSize: [26, 26],
    iconAnchor: [13, 13],
    popupAnchor: [0, -12],
  });
}

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const count = cluster.getChildCount();
  const size = count < 10 ? 34 : count < 100 ? 40 : 48;
  return L.divIcon({
    className: 'essor-cluster',
    html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${formatStructureCount(count)}</span>`,
    iconSize: [size, size],
  });
}

/** Clustered markers (leaflet.markercluster), with a popup leading to the structure page. */
function ClusterLayer({ points, fit }: { points: MapPoint[]; fit: boolean }) {
  const map = useMap();
  const navigate = useNavigate();

  useEffect(() => {
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    });
    const markers = points.map((point) => {
      const marker = L.marker([point.latitude, point.longitude], {
        icon: markerIcon(point.essFamily),
        title: point.name,
        keyboard: true,
        riseOnHover: true,
      });
      marker.on('add', () => {
        const element = marker.getElement();
        element?.setAttribute('aria-label', `${point.name} (${essFamilyLabel(point.essFamily)})`);
        element?.setAttribute('data-structure-id', point.id);
      });
      marker.bindPopup(() => {
        const container = document.createElement('div');
        container.className = 'map-popup';
        const link = document.createElement('a');
        link.href = paths.structure(point.id);
        link.className = 'map-popup__link';
        link.textContent = point.name;
        link.addEventListener('click', (event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          void navigate(paths.structure(point.id));
        });
        const family = document.createElement('span');
        family.className = 'map-popup__family';
        family.textContent = essFamilyLabel(point.essFamily);
        container.append(link, family);
        return container;
      });
      return marker;
    });
    group.addLayers(markers);
    map.addLayer(group);
    if (fit && markers.length > 0) {
      map.fitBounds(group.getBounds(), { padding: [32, 32], maxZoom: 14, animate: false });
    }
    return () => {
      map.removeLayer(group);
    };
  }, [map, points, fit, navigate]);

  return null;
}

/** Frames the proximity area when there is no point to show. */
function FitProximity({ proximity }: { proximity: NonNullable<SearchMapProps['proximity']> }) {
  const map = useMap();
  useEffect(() => {
    const bounds = L.latLng(proximity.latitude, proximity.longitude).toBounds(proximity.radiusKm * 2000);
    map.fitBounds(bounds, { animate: false });
  }, [map, proximity.latitude, proximity.longitude, proximity.radiusKm]);
  return null;
}

export function SearchMap({ filters, proximity }: SearchMapProps) {
  const { data, previousData, loading, error, refetch } = useQuery(SEARCH_MAP_POINTS_QUERY, {
    variables: toSearchVariables(filters),
  });
  const result = data?.searchStructures ?? (loading ? previousData?.searchStructures : undefined);
  const points = useMemo(() => result?.mapPoints ?? [], [result]);

  return (
    <div className="search-map" data-testid="map" data-point-count={points.length} aria-busy={loading}>
      <h2 className="visually-hidden">Carte des résultats</h2>
      <p className="visually-hidden">
        La carte situe les structures de la liste de résultats ; chaque marqueur ouvre une bulle avec un lien vers la fiche.
      </p>
      <MapContainer
        center={TERRITORY_CENTER}
        zoom={TERRITORY_ZOOM}
        className="search-map__canvas"
        scrollWheelZoom
        attributionControl
      >
        <TileLayer url={TILE_URL} attribution={ATTRIBUTION} maxZoom={18} />
        {proximity ? (
          <Circle
            center={[proximity.latitude, proximity.longitude]}
            radius={proximity.radiusKm * 1000}
            pathOptions={{ color: '#0b6e4f', weight: 2, fillOpacity: 0.06, interactive: false }}
          />
        ) : null}
        <ClusterLayer points={points} fit={!loading} />
        {proximity && !loading && points.length === 0 ? <FitProximity proximity={proximity} /> : null}
      </MapContainer>
      <div className="search-map__status" aria-live="polite">
        {loading ? <span className="search-map__badge">Chargement de la carte…</span> : null}
        {!loading && result ? (
          <span className="search-map__badge">
            {points.length === 0 ? 'Aucune structure localisée' : `${formatStructureCount(points.length)} sur la carte`}
          </span>
        ) : null}
      </div>
      {error ? (
        <div role="alert" className="search-map__error notice notice--error">
          <p>Les points de la carte n'ont pas pu être chargés.</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              void refetch().catch(() => undefined);
            }}
          >
            Réessayer
          </button>
        </div>
      ) : null}
    </div>
  );
}
