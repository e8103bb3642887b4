import { lambert93ToWgs84 } from './lambert93';

describe('Lambert-93 → WGS84', () => {
  it('maps the projection origin to 46°30′ N, 3° E', () => {
    const { latitude, longitude } = lambert93ToWgs84(700000, 6600000);
    expect(latitude).toBeCloseTo(46.5, 6);
    expect(longitude).toBeCloseTo(3, 6);
  });
  it('puts a point of Maubeuge in Maubeuge', () => {
    // Lambert-93 coordinates of a point near Maubeuge's town hall (about 50.28 N, 3.97 E).
    const { latitude, longitude } = lambert93ToWgs84(769000, 7025000);
    expect(latitude).toBeGreaterThan(50.2);
    expect(latitude).toBeLessThan(50.35);
    expect(longitude).toBeGreaterThan(3.9);
    expect(longitude).toBeLessThan(4.05);
  });
});
