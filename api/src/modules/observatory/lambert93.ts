/**
 * Lambert-93 (EPSG:2154, metres) → WGS84 latitude/longitude (degrees), by IGN's inverse
 * of the conformal conic projection on GRS80 (RGF93 and WGS84 differ by less than a metre).
 */
const N = 0.725607765053267;
const C = 11754255.426096;
const XS = 700000;
const YS = 12655612.049876;
const E = 0.0818191910428158;
const LON0 = (3 * Math.PI) / 180;

export function lambert93ToWgs84(x: number, y: number): { latitude: number; longitude: number } {
  const dx = x - XS;
  const dy = y - YS;
  const r = Math.hypot(dx, dy);
  const gamma = Math.atan(dx / -dy);
  const longitude = LON0 + gamma / N;
  const latIso = -Math.log(Math.abs(r / C)) / N;
  let lat = 2 * Math.atan(Math.exp(latIso)) - Math.PI / 2;
  for (let i = 0; i < 20; i++) {
    const s = E * Math.sin(lat);
    const next = 2 * Math.atan(Math.pow((1 + s) / (1 - s), E / 2) * Math.exp(latIso)) - Math.PI / 2;
    if (Math.abs(next - lat) < 1e-12) {
      lat = next;
      break;
    }
    lat = next;
  }
  return { latitude: (lat * 180) / Math.PI, longitude: (longitude * 180) / Math.PI };
}
