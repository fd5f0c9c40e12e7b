// A small map of today's route: the grids of the worker's scope, the check-ins joined in time order,
// the ones outside the worker's own grids in orange and those still waiting to be sent in grey.

import { Spin } from 'antd';
import { LineChart, LinesChart } from 'echarts/charts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { echarts } from '../cases/echarts.ts';
import { areaLabel, boundingCoords, type CaseGeo, loadCaseGeo } from '../cases/geo.ts';
import { useChart } from '../cases/use-chart.ts';

echarts.use([LinesChart, LineChart]);

export interface RoutePoint {
  lng: number;
  lat: number;
  at: string;
  outside: boolean;
  queued: boolean;
}

const COLORS = { own: '#c8161d', outside: '#fa8c16', queued: '#8c8c8c' };

function colorOf(p: RoutePoint): string {
  return p.queued ? COLORS.queued : p.outside ? COLORS.outside : COLORS.own;
}

function bboxOf(geo: CaseGeo, points: RoutePoint[]): [number, number, number, number] {
  let [minLng, minLat, maxLng, maxLat] = geo.bbox;
  for (const p of points) {
    minLng = Math.min(minLng, p.lng);
    maxLng = Math.max(maxLng, p.lng);
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
  }
  return [minLng, minLat, maxLng, maxLat];
}

export default function RouteMap({ points }: { points: RoutePoint[] }) {
  const element = useRef<HTMLDivElement>(null);
  const [geo, setGeo] = useState<CaseGeo | null>(null);
  useEffect(() => {
    void loadCaseGeo(true).then(setGeo);
  }, []);

  const option = useMemo(() => {
    if (!geo) return null;
    const sorted = [...points].sort((a, b) => a.at.localeCompare(b.at));
    const coords = sorted.map((p) => [p.lng, p.lat]);
    const dots = sorted.map((p) => ({ value: [p.lng, p.lat], itemStyle: { color: colorOf(p) } }));
    const [[left, top], [right, bottom]] = boundingCoords(bboxOf(geo, sorted));
    if (geo.registered) {
      return {
        animation: false,
        geo: {
          map: geo.map,
          label: { show: true, formatter: areaLabel, fontSize: 11, color: '#8c7b6b' },
          regions: geo.regions,
          roam: true,
          boundingCoords: [
            [left, top],
            [right, bottom],
          ],
          silent: true,
          itemStyle: { areaColor: '#fbf6ef', borderColor: '#b9a999', borderWidth: 0.6 },
          emphasis: { disabled: true },
        },
        series: [
          {
            type: 'lines',
            coordinateSystem: 'geo',
            polyline: true,
            data: coords.length > 1 ? [{ coords }] : [],
            lineStyle: { color: COLORS.own, width: 2, opacity: 0.7 },
          },
          { type: 'scatter', coordinateSystem: 'geo', data: dots, symbolSize: 9 },
        ],
      };
    }
    return {
      animation: false,
      grid: { left: 40, right: 10, top: 10, bottom: 24 },
      xAxis: { type: 'value', min: left, max: right },
      yAxis: { type: 'value', min: bottom, max: top },
      series: [
        { type: 'line', data: coords, lineStyle: { color: COLORS.own }, symbol: 'none' },
        { type: 'scatter', data: dots, symbolSize: 9 },
      ],
    };
  }, [geo, points]);

  const { ready } = useChart(element, option);
  return (
    <div>
      {!geo && <Spin />}
      <div
        ref={element}
        className="qj-route-map"
        data-testid="patrol-route-map"
        data-ready={ready ? 'true' : 'false'}
        data-points={points.length}
      />
    </div>
  );
}
