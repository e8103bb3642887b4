export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Valeur affichée à côté de la barre. */
  valueText: string;
  /** Variante de couleur (famille de l'ESS) : la barre n'est jamais le seul porteur de l'information. */
  tone?: string;
}

/**
 * Diagramme en barres horizontales en CSS : une liste (nommée par `label`, qui porte l'unité) dont chaque
 * entrée donne son libellé et sa valeur en texte ; la barre, proportionnelle à la plus grande valeur, est décorative.
 */
export function BarList({ label, items }: { label: string; items: readonly BarItem[] }) {
  const max = Math.max(0, ...items.map((item) => item.value));
  return (
    <ul className="obs-bars" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className="obs-bars__item">
          <span className="obs-bars__row">
            <span className="obs-bars__label">{item.label}</span> <span className="obs-bars__value">{item.valueText}</span>
          </span>
          <span className="obs-bars__track" aria-hidden="true">
            <span
              className={item.tone ? `obs-bars__fill obs-bars__fill--${item.tone}` : 'obs-bars__fill'}
              style={{ width: `${max > 0 ? (Math.max(0, item.value) / max) * 100 : 0}%` }}
            />
          </span>
        </li>
      ))}
    </ul>
  );
}
