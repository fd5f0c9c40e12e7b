import { AimOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { keys } from '../api/query-keys.ts';
import type { MapGrid } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { echarts } from './echarts.ts';
import { GridDrawer } from './grid-drawer.tsx';
import { type MapPayload, takeMapPayload } from './map-api.ts';
import {
  boundingCoords,
  COUNTY_PREFIX,
  type CountyInfo,
  combinedGeoJson,
  countyInfo,
  GRID_PREFIX,
  ringCenter,
} from './map-data.ts';
import './map.css';

const MAP_NAME = 'qj-jiangmen-scope';

type GeoRegion = Record<string, unknown>;

function buildOption(
  payload: MapPayload,
  counties: CountyInfo[],
  hidden: ReadonlySet<string>,
  gridByName: Map<string, MapGrid>,
  view?: { center: [number, number]; zoom: number },
) {
  const colorOf = new Map(counties.map((c) => [c.code, c.color]));
  const nameOf = new Map(counties.map((c) => [c.code, c.name]));
  const regions: GeoRegion[] = [
    ...counties.map((c) => ({
      name: COUNTY_PREFIX + c.code,
      silent: true,
      itemStyle: {
        areaColor: c.inScope ? '#fbf6ef' : '#ececec',
        borderColor: '#8c7b6b',
        borderWidth: 1.2,
      },
      label: { show: true },
    })),
    ...payload.grids.grids.map((g) => {
      const off = hidden.has(g.countyCode);
      return {
        name: GRID_PREFIX + g.code,
        silent: off,
        itemStyle: {
          areaColor: off ? 'rgba(0,0,0,0)' : (colorOf.get(g.countyCode) ?? '#999'),
          borderColor: off ? 'rgba(0,0,0,0)' : 'rgba(255,255,255,0.85)',
          borderWidth: 0.4,
        },
      };
    }),
  ];
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    geo: {
      map: MAP_NAME,
      roam: true,
      boundingCoords: boundingCoords(payload.grids.bbox),
      ...(view ? { center: view.center, zoom: view.zoom } : {}),
      scaleLimit: { min: 0.3, max: 400 },
      selectedMode: 'single',
      label: {
        show: false,
        color: '#5c4b3b',
        fontSize: 13,
        fontWeight: 'bold',
        textBorderColor: '#fff',
        textBorderWidth: 2,
        formatter: (p: { name: string }) =>
          p.name.startsWith(COUNTY_PREFIX) ? (nameOf.get(p.name.slice(COUNTY_PREFIX.length)) ?? '') : '',
      },
      itemStyle: { areaColor: '#f5f5f5', borderColor: '#fff', borderWidth: 0.4 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#c8161d' } },
      select: {
        label: { show: false },
        itemStyle: { areaColor: '#c8161d', borderColor: '#ffd700', borderWidth: 1.5 },
      },
      regions,
      tooltip: {
        show: true,
        formatter: (p: { name: string }) => {
          const grid = gridByName.get(p.name);
          if (!grid) return '';
          const county = nameOf.get(grid.countyCode) ?? '';
          return `<b>${grid.name}</b><br/>${grid.code}<br/>${county} · ${grid.households.toLocaleString('zh-CN')} 户`;
        },
      },
    },
  };
}

export default function MapPage() {
  const { t, lang } = useI18n();
  const payload = useQuery({ queryKey: keys.map.payload, queryFn: takeMapPayload });
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [openGridId, setOpenGridId] = useState<number | null>(null);
  const [ready, setReady] = useState(false);

  const counties = useMemo(
    () => (payload.data ? countyInfo(payload.data.counties, payload.data.grids.grids) : []),
    [payload.data],
  );
  const gridByName = useMemo(
    () => new Map((payload.data?.grids.grids ?? []).map((g) => [GRID_PREFIX + g.code, g])),
    [payload.data],
  );

  // register the scope's map once per payload
  useEffect(() => {
    if (!payload.data) return;
    echarts.registerMap(MAP_NAME, combinedGeoJson(payload.data.counties, payload.data.grids.grids) as never);
  }, [payload.data]);

  // the chart lives as long as the page
  useEffect(() => {
    const element = container.current;
    if (!element || !payload.data) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const name = (params as { name?: string }).name ?? '';
      const grid = gridByName.get(name);
      if (grid) setOpenGridId(grid.id);
    });
    instance.on('finished', () => setReady(true));
    let size = `${element.clientWidth}x${element.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const next = `${element.clientWidth}x${element.clientHeight}`;
      // a box of 0×0 for a moment (a full-page screenshot re-lays the page) leaves the map's
      // transform without an inverse, and ECharts throws while drawing: keep the last size
      if (next === size || element.clientWidth === 0 || element.clientHeight === 0) return;
      size = next;
      instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [payload.data, gridByName]);

  useEffect(() => {
    if (!payload.data || !chart.current) return;
    chart.current.setOption(buildOption(payload.data, counties, hidden, gridByName) as never, {
      notMerge: true,
    });
  }, [payload.data, counties, hidden, gridByName]);

  function resetView() {
    if (!payload.data || !chart.current) return;
    chart.current.setOption(buildOption(payload.data, counties, hidden, gridByName) as never, {
      notMerge: true,
    });
  }

  function locate(grid: MapGrid) {
    if (!payload.data || !chart.current) return;
    const center = ringCenter(grid.boundary[0]);
    const [minLng, , maxLng] = payload.data.grids.bbox;
    const ring = grid.boundary[0] ?? [];
    const lngs = ring.map((p) => p[0]);
    const width = Math.max(Math.max(...lngs) - Math.min(...lngs), 0.001);
    const zoom = Math.min(Math.max(((maxLng - minLng) / width) * 0.25, 1), 300);
    if (center) {
      chart.current.setOption(
        buildOption(payload.data, counties, hidden, gridByName, { center, zoom }) as never,
        {
          notMerge: true,
        },
      );
      chart.current.dispatchAction({ type: 'geoSelect', geoIndex: 0, name: GRID_PREFIX + grid.code });
    }
    setOpenGridId(grid.id);
  }

  const gridOptions = useMemo(
    () =>
      (payload.data?.grids.grids ?? []).map((g) => ({
        value: g.id,
        label: `${g.name}（${g.code}）`,
      })),
    [payload.data],
  );

  if (payload.error) return <Result status="error" title={errorText(payload.error, lang)} />;
  const total = payload.data?.grids.grids.length ?? 0;
  const inScopeCounties = counties.filter((c) => c.gridCount > 0);

  return (
    <div data-testid="map-page" className="qj-map-page">
      <PageTitle
        title={t('map.title')}
        extra={
          <Space wrap>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('map.locate')}
              style={{ width: 320 }}
              options={gridOptions}
              virtual
              allowClear
              data-testid="grid-locate"
              onChange={(id: number | undefined) => {
                const grid = payload.data?.grids.grids.find((g) => g.id === id);
                if (grid) locate(grid);
              }}
            />
            <Button icon={<AimOutlined />} onClick={resetView}>
              {t('map.resetView')}
            </Button>
          </Space>
        }
      />
      <div className="qj-map-body">
        <Card variant="borderless" className="qj-map-card" styles={{ body: { padding: 0, height: '100%' } }}>
          {!payload.data && (
            <div className="qj-map-loading">
              <Spin size="large" />
              <Typography.Text type="secondary">{t('map.loading')}</Typography.Text>
            </div>
          )}
          <div
            ref={container}
            className="qj-map-canvas"
            data-testid="grid-map"
            data-ready={ready ? 'true' : 'false'}
            data-grid-count={total}
          />
        </Card>
        <Card variant="borderless" className="qj-map-side" title={t('map.legend')} data-testid="map-legend">
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            <span data-testid="map-grid-total">
              {t('map.gridsTotal', { n: total.toLocaleString('zh-CN') })}
            </span>
            <br />
            {t('map.clickHint')}
          </Typography.Paragraph>
          <ul className="qj-legend">
            {inScopeCounties.map((c) => {
              const off = hidden.has(c.code);
              return (
                <li key={c.code}>
                  <button
                    type="button"
                    className={off ? 'qj-legend-item off' : 'qj-legend-item'}
                    data-testid={`legend-county-${c.code}`}
                    data-count={c.gridCount}
                    aria-pressed={!off}
                    onClick={() =>
                      setHidden((current) => {
                        const next = new Set(current);
                        if (next.has(c.code)) next.delete(c.code);
                        else next.add(c.code);
                        return next;
                      })
                    }
                  >
                    <span className="qj-legend-swatch" style={{ background: off ? '#ccc' : c.color }} />
                    <span className="qj-legend-name">{c.name}</span>
                    <span className="qj-legend-count">{c.gridCount.toLocaleString('zh-CN')}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </Card>
      </div>
      <GridDrawer gridId={openGridId} counties={counties} onClose={() => setOpenGridId(null)} />
    </div>
  );
}
