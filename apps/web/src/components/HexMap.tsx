import { useEffect, useId, useState } from 'react';
import { HEX_SIZE, hexGrid } from './chart-maths.js';

type Layout = 'DISTRICTS_2023' | 'UPPER_TIER';
interface Hex {
  n: string;
  q: number;
  r: number;
}

/**
 * The UK hex maps (Open Innovations, MIT) come from @synapse/reference-data, the same files the API reads.
 * They are fetched only when a map is shown, so they add nothing to the first page load.
 */
const LOADERS: Record<Layout, () => Promise<{ default: string }>> = {
  DISTRICTS_2023: () => import('@synapse/reference-data/data/uk-local-authority-districts-2023.hexjson?raw'),
  UPPER_TIER: () => import('@synapse/reference-data/data/uk-upper-tier-local-authorities.hexjson?raw'),
};
const loaded = new Map<Layout, Promise<Record<string, Hex>>>();

function loadHexes(layout: Layout): Promise<Record<string, Hex>> {
  if (!loaded.has(layout)) loaded.set(layout, LOADERS[layout]().then((module) => JSON.parse(module.default).hexes));
  return loaded.get(layout)!;
}

export interface Place {
  gssCode: string | null;
  name: string;
  hexPosition: { layout: string } | null;
}

/** Which map to draw: districts, unless a place (a county) is only on the upper-tier map. */
export function layoutFor(places: Place[]): Layout | null {
  const layouts = places.flatMap((place) => (place.hexPosition ? [place.hexPosition.layout as Layout] : []));
  if (layouts.length === 0) return null;
  return layouts.includes('UPPER_TIER') ? 'UPPER_TIER' : 'DISTRICTS_2023';
}

const HEX_POINTS = Array.from({ length: 6 }, (_, i) => {
  const angle = (Math.PI / 180) * (60 * i - 30);
  return `${(HEX_SIZE * Math.cos(angle)).toFixed(2)},${(HEX_SIZE * Math.sin(angle)).toFixed(2)}`;
}).join(' ');

/**
 * An equal-area hex map of UK councils with the given places filled in. Its meaning never rests on colour
 * alone: the map has a text alternative naming the places, and pages list them in words too.
 */
export function HexMap({ places, label, related = [], relatedLabel = '' }: { places: Place[]; label: string; related?: Place[]; relatedLabel?: string }) {
  const titleId = useId();
  const layout = layoutFor([...places, ...related]);
  const [hexes, setHexes] = useState<Record<string, Hex> | null>(null);
  useEffect(() => {
    if (!layout) return;
    let current = true;
    loadHexes(layout).then((result) => current && setHexes(result));
    return () => {
      current = false;
    };
  }, [layout]);
  if (!layout) return null;
  if (!hexes) return <div className="synapse-hexmap synapse-hexmap--loading" />;

  const marked = new Set(places.map((place) => place.gssCode));
  // Related places (a council's neighbours) are drawn in a lighter fill, and named in the text alternative.
  const relatedCodes = new Set(related.map((place) => place.gssCode).filter((code) => !marked.has(code)));
  const relatedNames = related.filter((place) => place.gssCode && relatedCodes.has(place.gssCode) && hexes[place.gssCode]).map((place) => place.name);
  const relatedText = relatedNames.length ? `; ${relatedLabel}: ${relatedNames.join(', ')}` : '';
  const entries = Object.entries(hexes);
  const { centre, width, height } = hexGrid(entries.map(([, hex]) => hex));
  const names = places.filter((place) => place.gssCode && hexes[place.gssCode]).map((place) => place.name);
  // Marked hexagons last, so their outline is drawn on top of their neighbours'.
  const ordered = [
    ...entries.filter(([code]) => !marked.has(code) && !relatedCodes.has(code)),
    ...entries.filter(([code]) => relatedCodes.has(code)),
    ...entries.filter(([code]) => marked.has(code)),
  ];

  return (
    <figure className="synapse-hexmap">
      <svg viewBox={`0 0 ${width.toFixed(0)} ${height.toFixed(0)}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{`${label}: ${names.join(', ') || 'none'}${relatedText}`}</title>
        {ordered.map(([code, hex]) => {
          const { x, y } = centre(hex);
          const isMarked = marked.has(code);
          return (
            <polygon
              key={code}
              points={HEX_POINTS}
              transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
              className={isMarked ? 'synapse-hex synapse-hex--marked' : relatedCodes.has(code) ? 'synapse-hex synapse-hex--related' : 'synapse-hex'}
              data-gss={code}
            >
              <title>{hex.n}</title>
            </polygon>
          );
        })}
      </svg>
      <figcaption className="govuk-body-s">
        {label}: {names.join(', ') || 'none'}
        {relatedText}. Each hexagon is a council, drawn the same size whatever its area.
      </figcaption>
    </figure>
  );
}
