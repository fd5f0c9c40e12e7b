// Distances on the earth in meters between WGS-84 points given as (lng, lat) in degrees.
// haversine: exact on the sphere at any distance; equirectangular: a flat approximation, good to a
// few centimeters over a city (it drifts by ~0.1% at 100 km); point-to-segment: in the flat plane
// around the point, for segments of a grid boundary (meters to a few kilometers).

/** The earth's mean radius (IUGG), meters. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Meters in one degree of latitude (and of longitude at the equator) on that sphere. */
export const METERS_PER_DEGREE = EARTH_RADIUS_M * RAD;

/** Great-circle distance in meters. */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLng / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Fast flat-earth distance in meters (longitudes shrunk by the cosine of the mean latitude). */
export function equirectangularM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  let dLng = lng2 - lng1;
  if (dLng > 180) dLng -= 360;
  else if (dLng < -180) dLng += 360;
  const x = dLng * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = lat2 - lat1;
  return Math.sqrt(x * x + y * y) * METERS_PER_DEGREE;
}

/** The point of segment a–b nearest to p, as [lng, lat], in the flat plane around p. */
export function closestPointOnSegment(
  lng: number,
  lat: number,
  aLng: number,
  aLat: number,
  bLng: number,
  bLat: number,
): [number, number] {
  const kx = Math.cos(lat * RAD);
  const ux = (bLng - aLng) * kx;
  const uy = bLat - aLat;
  const len2 = ux * ux + uy * uy;
  let t = len2 > 0 ? ((lng - aLng) * kx * ux + (lat - aLat) * uy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  return [aLng + (bLng - aLng) * t, aLat + (bLat - aLat) * t];
}

/** Distance in meters from point p to the segment a–b (0 when p lies on it). */
export function pointToSegmentM(
  lng: number,
  lat: number,
  aLng: number,
  aLat: number,
  bLng: number,
  bLat: number,
): number {
  const [cLng, cLat] = closestPointOnSegment(lng, lat, aLng, aLat, bLng, bLat);
  return equirectangularM(lng, lat, cLng, cLat);
}
