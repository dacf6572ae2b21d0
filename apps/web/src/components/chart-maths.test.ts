import { describe, expect, it } from 'vitest';
import { BAR_MAX, barLengths, HEX_SIZE, HEX_WIDTH, hexGrid } from './chart-maths.js';

describe('bar lengths', () => {
  it('draws both figures on one scale from zero, the larger at full length', () => {
    expect(barLengths(50, 100)).toEqual([BAR_MAX / 2, BAR_MAX]);
    expect(barLengths(300, 75)).toEqual([BAR_MAX, BAR_MAX / 4]);
  });

  it('compares sizes when a figure is negative, and still shows a zero as a sliver', () => {
    expect(barLengths(-40, 20)).toEqual([BAR_MAX, BAR_MAX / 2]);
    expect(barLengths(0, 10)).toEqual([2, BAR_MAX]);
    expect(barLengths(0, 0)).toEqual([2, 2]);
  });
});

describe('hex grid', () => {
  it('puts the northernmost row at the top and shifts odd rows half a hexagon right', () => {
    const grid = hexGrid([
      { q: 0, r: 0 },
      { q: 1, r: 0 },
      { q: 0, r: 1 },
    ]);
    expect(grid.centre({ q: 0, r: 1 })).toEqual({ x: HEX_WIDTH, y: HEX_SIZE });
    expect(grid.centre({ q: 0, r: 0 })).toEqual({ x: HEX_WIDTH / 2, y: HEX_SIZE * 2.5 });
    expect(grid.centre({ q: 1, r: 0 }).x).toBeCloseTo(HEX_WIDTH * 1.5);
    expect(grid.width).toBeCloseTo(2.5 * HEX_WIDTH);
    expect(grid.height).toBe(HEX_SIZE * 3.5);
  });

  it('treats negative odd rows as odd too', () => {
    const grid = hexGrid([{ q: 0, r: -1 }, { q: 0, r: 0 }]);
    expect(grid.centre({ q: 0, r: -1 }).x).toBeCloseTo(HEX_WIDTH);
  });
});
