// Chinese map coordinate systems (RULES §8). Phones give WGS-84; 天地图 uses CGCS2000 (within
// centimeters of WGS-84, treated as equal); Gaode and Tencent use GCJ-02 (WGS-84 with the state's
// nonlinear offset, ~100–700 m); Baidu uses BD-09 (GCJ-02 with a further rotation and shift).
// We store WGS-84 and convert at the edges. The formulas are the well-known public ones
// (Krasovsky ellipsoid a = 6378245, ee = 0.00669342162296594323; BD-09 with x_pi = π·3000/180).
// The inverses have no closed form: they are solved by fixed-point iteration to < 1e-9 degrees.

export type CoordSystem = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';
export const COORD_SYSTEMS: readonly CoordSystem[] = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'];

export type LngLat = [lng: number, lat: number];

const A = 6378245.0;
const EE = 0.006693421622965943; // 0.00669342162296594323, as a double
const PI = Math.PI;
const X_PI = (PI * 3000.0) / 180.0;
const TOLERANCE = 1e-9;
const MAX_ITERATIONS = 20;

/**
 * Rough bounding box of China (lng 73.5–135.1, lat 3.8–53.6): inside it the GCJ-02 offset applies;
 * outside it the offset is skipped and intake rejects the point as outside China.
 */
export function isInChina(lng: number, lat: number): boolean {
  return lng >= 73.5 && lng <= 135.1 && lat >= 3.8 && lat <= 53.6;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * PI) + 40.0 * Math.sin((y / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * PI) + 320 * Math.sin((y * PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * PI) + 40.0 * Math.sin((x / 3.0) * PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * PI) + 300.0 * Math.sin((x / 30.0) * PI)) * 2.0) / 3.0;
  return ret;
}

/** WGS-84 → GCJ-02 (exact: this is the definition). Outside China the point is returned unchanged. */
export function wgs84ToGcj02(lng: number, lat: number): LngLat {
  if (!isInChina(lng, lat)) return [lng, lat];
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return [lng + dLng, lat + dLat];
}

/**
 * Solves forward(w) = target for w, starting from `start`: w ← w − (forward(w) − target). The forward
 * maps are the identity plus a slowly varying offset, so each step gains several digits.
 */
function invert(forward: (lng: number, lat: number) => LngLat, target: LngLat, start: LngLat): LngLat {
  let [lng, lat] = start;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const [fLng, fLat] = forward(lng, lat);
    const eLng = fLng - target[0];
    const eLat = fLat - target[1];
    lng -= eLng;
    lat -= eLat;
    if (Math.abs(eLng) < TOLERANCE && Math.abs(eLat) < TOLERANCE) break;
  }
  return [lng, lat];
}

/** GCJ-02 → WGS-84, by iteration to < 1e-9 degrees. Outside China the point is returned unchanged. */
export function gcj02ToWgs84(lng: number, lat: number): LngLat {
  if (!isInChina(lng, lat)) return [lng, lat];
  const [gLng, gLat] = wgs84ToGcj02(lng, lat);
  return invert(wgs84ToGcj02, [lng, lat], [2 * lng - gLng, 2 * lat - gLat]);
}

/** GCJ-02 → BD-09 (exact: the definition). */
export function gcj02ToBd09(lng: number, lat: number): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** BD-09 → GCJ-02: the usual closed-form inverse, refined by iteration to < 1e-9 degrees. */
export function bd09ToGcj02(lng: number, lat: number): LngLat {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return invert(gcj02ToBd09, [lng, lat], [z * Math.cos(theta), z * Math.sin(theta)]);
}

/** BD-09 → WGS-84. */
export function bd09ToWgs84(lng: number, lat: number): LngLat {
  const [gLng, gLat] = bd09ToGcj02(lng, lat);
  return gcj02ToWgs84(gLng, gLat);
}

/** WGS-84 → BD-09. */
export function wgs84ToBd09(lng: number, lat: number): LngLat {
  const [gLng, gLat] = wgs84ToGcj02(lng, lat);
  return gcj02ToBd09(gLng, gLat);
}

/** A point from a client in `system` as WGS-84 (CGCS2000 is taken as WGS-84). */
export function toWgs84(lng: number, lat: number, system: CoordSystem): LngLat {
  switch (system) {
    case 'wgs84':
    case 'cgcs2000':
      return [lng, lat];
    case 'gcj02':
      return gcj02ToWgs84(lng, lat);
    case 'bd09':
      return bd09ToWgs84(lng, lat);
  }
}

/** A stored WGS-84 point in `system`, for a client that draws on a Gaode, Tencent or Baidu map. */
export function fromWgs84(lng: number, lat: number, system: CoordSystem): LngLat {
  switch (system) {
    case 'wgs84':
    case 'cgcs2000':
      return [lng, lat];
    case 'gcj02':
      return wgs84ToGcj02(lng, lat);
    case 'bd09':
      return wgs84ToBd09(lng, lat);
  }
}
