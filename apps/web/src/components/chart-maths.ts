// The arithmetic behind the two drawings (MeasureChart's bars, HexMap's hexagons), kept apart from the SVG so it can
// be tested on its own.

/** The longest bar, in the chart's units; the shortest drawn is 2, so a zero still shows as a sliver. */
export const BAR_MAX = 200;
const BAR_MIN = 2;

/** Before and after bars on one scale from zero: the larger figure (by size, sign ignored) fills BAR_MAX. */
export function barLengths(before: number, after: number): [number, number] {
  const largest = Math.max(Math.abs(before), Math.abs(after)) || 1;
  const length = (value: number) => Math.max(BAR_MIN, (Math.abs(value) / largest) * BAR_MAX);
  return [length(before), length(after)];
}

/** A hexagon's radius in the map's units, and the width of a pointy-topped hexagon of that radius. */
export const HEX_SIZE = 10;
export const HEX_WIDTH = Math.sqrt(3) * HEX_SIZE;

export interface HexCell {
  q: number;
  r: number;
}

/**
 * Where each hexagon of an "odd-r" hex grid goes (odd rows sit half a hexagon to the right; r counts up towards the
 * north), and the size of the drawing that holds them all with half a hexagon to spare.
 */
export function hexGrid(cells: HexCell[]): { centre: (cell: HexCell) => { x: number; y: number }; width: number; height: number } {
  const rows = cells.map((cell) => cell.r);
  const columns = cells.map((cell) => cell.q);
  const [minR, maxR, minQ, maxQ] = [Math.min(...rows), Math.max(...rows), Math.min(...columns), Math.max(...columns)];
  return {
    centre: (cell) => ({
      x: (cell.q - minQ) * HEX_WIDTH + (Math.abs(cell.r % 2) === 1 ? HEX_WIDTH / 2 : 0) + HEX_WIDTH / 2,
      y: (maxR - cell.r) * HEX_SIZE * 1.5 + HEX_SIZE,
    }),
    width: (maxQ - minQ + 1.5) * HEX_WIDTH,
    height: (maxR - minR) * HEX_SIZE * 1.5 + HEX_SIZE * 2,
  };
}
