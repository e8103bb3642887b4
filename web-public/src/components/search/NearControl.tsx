import { useId, useState } from 'react';
import { RADIUS_OPTIONS } from '../../lib/searchParams';

export interface CommuneOption {
  code: string;
  name: string;
}

interface NearControlProps {
  communes: CommuneOption[];
  communesLoading: boolean;
  /** Centre commune (INSEE code) or null. */
  commune: string | null;
  usingPosition: boolean;
  radius: number;
  onCommune: (code: string | null) => void;
  onPosition: (latitude: number, longitude: number) => void;
  onRadius: (km: number) => void;
}

const POSITION_VALUE = '__position__';

type LocateState = { status: 'idle' } | { status: 'locating' } | { status: 'error'; message: string };

function geolocationMessage(error: GeolocationPositionError): string {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return "Vous n'avez pas autorisé l'accès à votre position. Choisissez plutôt une commune.";
    case error.TIMEOUT:
      return 'Votre position met trop de temps à être obtenue. Réessayez ou choisissez une commune.';
    default:
      return "Votre position n'a pas pu être obtenue. Choisissez plutôt une commune.";
  }
}

/** « À proximité »: a commune of the territory or the user's position, and a radius. */
export function NearControl({
  communes,
  communesLoading,
  commune,
  usingPosition,
  radius,
  onCommune,
  onPosition,
  onRadius,
}: NearControlProps) {
  const communeId = useId();
  const radiusId = useId();
  const [locate, setLocate] = useState<LocateState>({ status: 'idle' });
  const geolocationAvailable = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const radiusOptions: number[] = RADIUS_OPTIONS.includes(radius as (typeof RADIUS_OPTIONS)[number])
    ? [...RADIUS_OPTIONS]
    : [...RADIUS_OPTIONS, radius].sort((a, b) => a - b);
  const selectValue = usingPosition ? POSITION_VALUE : (commune ?? '');
  const selectedKnown = !commune || communes.some((c) => c.code === commune);

  function handleLocate() {
    if (!geolocationAvailable) return;
    setLocate({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocate({ status: 'idle' });
        // ~100 m of precision is enough, and the shared URL does not give the exact address.
        onPosition(Math.round(position.coords.latitude * 1000) / 1000, Math.round(position.coords.longitude * 1000) / 1000);
      },
      (error) => setLocate({ status: 'error', message: geolocationMessage(error) }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  return (
    <fieldset className="facet near">
      <legend className="facet__legend">À proximité</legend>
      <div className="field">
        <label htmlFor={communeId} className="field__label">
          Autour de la commune
        </label>
        <select
          id={communeId}
          className="input"
          value={selectValue}
          onChange={(event) => {
            const value = event.target.value;
            if (value !== POSITION_VALUE) onCommune(value || null);
          }}
        >
          <option value="">Tout le territoire</option>
          {usingPosition ? <option value={POSITION_VALUE}>Ma position</option> : null}
          {!selectedKnown && commune ? <option value={commune}>{commune}</option> : null}
          {communesLoading && communes.length === 0 ? (
            <option disabled value="__loading__">
              Chargement des communes…
            </option>
          ) : null}
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {geolocationAvailable ? (
        <button
          type="button"
          className="button button--secondary button--small near__locate"
          onClick={handleLocate}
          aria-disabled={locate.status === 'locating'}
        >
          <span aria-hidden="true">⌖</span> {usingPosition ? 'Actualiser ma position' : 'Utiliser ma position'}
        </button>
      ) : null}
      <p className="near__status" aria-live="polite">
        {locate.status === 'locating' ? 'Recherche de votre position…' : null}
      </p>
      {locate.status === 'error' ? (
        <p role="alert" className="field__error">
          {locate.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={radiusId} className="field__label">
          Rayon
        </label>
        <select id={radiusId} className="input" value={String(radius)} onChange={(event) => onRadius(Number(event.target.value))}>
          {radiusOptions.map((km) => (
            <option key={km} value={km}>
              {km} km
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
