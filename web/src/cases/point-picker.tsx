// A small map to pick a point: click anywhere, the point is read back in WGS-84 (the map's data).
import { Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { areaLabel, boundingCoords, type CaseGeo, loadCaseGeo } from './geo.ts';
import { useChart } from './use-chart.ts';

export interface PickedPoint {
  lng: number;
  lat: number;
}

export default function PointPicker({
  value,
  onPick,
  withGrids = true,
}: {
  value: PickedPoint | null;
  onPick: (point: PickedPoint) => void;
  withGrids?: boolean;
}) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const [geo, setGeo] = useState<CaseGeo | null>(null);
  useEffect(() => {
    void loadCaseGeo(withGrids).then(setGeo);
  }, [withGrids]);

  const option = useMemo(() => {
    if (!geo) return null;
    const point = value ? [{ value: [value.lng, value.lat] }] : [];
    const [[left, top], [right, bottom]] = boundingCoords(geo.bbox);
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
            type: 'scatter',
            coordinateSystem: 'geo',
            data: point,
            symbol: 'pin',
            symbolSize: 30,
            itemStyle: { color: '#c8161d' },
          },
        ],
      };
    }
    return {
      animation: false,
      grid: { left: 40, right: 10, top: 10, bottom: 24 },
      xAxis: { type: 'value', min: left, max: right, splitLine: { show: true } },
      yAxis: { type: 'value', min: bottom, max: top },
      series: [
        { type: 'scatter', data: point, symbol: 'pin', symbolSize: 30, itemStyle: { color: '#c8161d' } },
      ],
    };
  }, [geo, value]);

  const { chart, ready } = useChart(element, option);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !geo) return;
    const zr = instance.getZr();
    const handler = (event: { offsetX: number; offsetY: number }) => {
      const finder = geo.registered ? { geoIndex: 0 } : { gridIndex: 0 };
      const coord = instance.convertFromPixel(finder as never, [event.offsetX, event.offsetY]) as
        | number[]
        | undefined;
      if (!coord || coord.length < 2 || !Number.isFinite(coord[0]) || !Number.isFinite(coord[1])) return;
      onPick({ lng: Number((coord[0] as number).toFixed(6)), lat: Number((coord[1] as number).toFixed(6)) });
    };
    zr.on('click', handler);
    return () => zr.off('click', handler);
  }, [chart, geo, onPick]);

  return (
    <div>
      {!geo && <Spin />}
      <div
        ref={element}
        className="qj-picker"
        data-testid="point-picker"
        data-ready={ready ? 'true' : 'false'}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('report.mapHint')}
      </Typography.Text>
    </div>
  );
}
