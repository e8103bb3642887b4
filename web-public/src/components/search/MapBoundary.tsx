import { Component, type ReactNode } from 'react';

interface MapBoundaryState {
  failed: boolean;
}

/** When the map's module fails to load (network), the list stays usable. */
export class MapBoundary extends Component<{ children: ReactNode }, MapBoundaryState> {
  state: MapBoundaryState = { failed: false };

  static getDerivedStateFromError(): MapBoundaryState {
    return { failed: true };
  }

  render() {
    if (this.state.failed) {
      return (
        <div role="alert" className="notice notice--error search-map search-map--failed">
          <p>La carte n'a pas pu être chargée. La liste des résultats reste disponible.</p>
        </div>
      );
    }
    return this.props.children;
  }
}
