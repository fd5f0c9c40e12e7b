// Open cases of the scope on the map, coloured by light (lazy chunk with ECharts).

import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { keys } from '../api/query-keys.ts';
import type { CaseRow, Light } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorText } from '../shell/feedback.ts';
import { getCase, listCases } from './case-api.ts';
import { areaLabel, boundingCoords, type CaseGeo, loadCaseGeo } from './geo.ts';
import { LIGHT_COLORS, LIGHT_NAMES, OPEN_STATES } from './names.ts';
import { LightDot } from './parts.tsx';
import { useChart } from './use-chart.ts';

export default function CasesMap() {
  const { t, name, lang } = useI18n();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);
  const [geo, setGeo] = useState<CaseGeo | null>(null);
  const cases = useQuery({
    queryKey: keys.cases.map,
    queryFn: async () => {
      const page = await listCases({
        state: OPEN_STATES.join(','),
        sort: 'deadline',
        order: 'asc',
        pageSize: 200,
      });
      // CaseRow carries no coordinates yet (contract): read them from the most urgent cases' details
      if (page.items.some((c) => typeof c.lng === 'number')) return page;
      const head = page.items.slice(0, 60);
      const located = new Map<number, { lng: number | null; lat: number | null }>();
      for (let i = 0; i < head.length; i += 6) {
        const details = await Promise.all(head.slice(i, i + 6).map((c) => getCase(c.id).catch(() => null)));
        for (const d of details) if (d) located.set(d.id, { lng: d.lng, lat: d.lat });
      }
      return { ...page, items: page.items.map((c) => ({ ...c, ...located.get(c.id) })) };
    },
  });
  useEffect(() => {
    // the frame is the scope's grids: a town sees its town, not the whole city
    void loadCaseGeo(true).then(setGeo);
  }, []);

  const open = useMemo(
    () => (cases.data?.items ?? []).filter((c) => OPEN_STATES.includes(c.state)),
    [cases.data],
  );
  const placed = useMemo(
    () => open.filter((c) => typeof c.lng === 'number' && typeof c.lat === 'number'),
    [open],
  );
  const total = `${cases.data?.countExact === false ? '~' : ''}${(cases.data?.count ?? cases.data?.total ?? 0).toLocaleString('zh-CN')}`;

  const option = useMemo(() => {
    if (!geo) return null;
    const byLight = (light: Light) =>
      placed
        .filter((c) => (c.light ?? 'green') === light)
        .map((c) => ({ name: c.caseNo, value: [c.lng, c.lat], id: c.id, title: c.title }));
    const series = (['green', 'yellow', 'red'] as const).map((light) => ({
      name: name(LIGHT_NAMES, light),
      type: 'scatter',
      coordinateSystem: geo.registered ? 'geo' : 'cartesian2d',
      data: byLight(light),
      symbolSize: light === 'red' ? 12 : 9,
      itemStyle: { color: LIGHT_COLORS[light], borderColor: '#fff', borderWidth: 1 },
      tooltip: {
        formatter: (p: { data: CaseRow & { name: string; title: string } }) =>
          `${p.data.name}<br/>${p.data.title}`,
      },
    }));
    const [[left, top], [right, bottom]] = boundingCoords(geo.bbox);
    return {
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { top: 8, left: 8 },
      ...(geo.registered
        ? {
            geo: {
              map: geo.map,
              label: { show: true, formatter: areaLabel, fontSize: 11, color: '#8c7b6b' },
              regions: geo.regions,
              roam: true,
              boundingCoords: [
                [left, top],
                [right, bottom],
              ],
              itemStyle: { areaColor: '#fbf6ef', borderColor: '#8c7b6b' },
              emphasis: { disabled: true },
              silent: true,
            },
          }
        : {
            grid: { left: 50, right: 20, top: 40, bottom: 30 },
            xAxis: { type: 'value', min: left, max: right },
            yAxis: { type: 'value', min: bottom, max: top },
          }),
      series,
    };
  }, [geo, placed, name]);

  const { chart, ready } = useChart(element, option);
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const onClick = (p: unknown) => {
      const id = (p as { data?: { id?: number } }).data?.id;
      if (id) navigate(`/cases/${id}`);
    };
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [chart, navigate]);

  return (
    <div data-testid="cases-map">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">{t('cases.mapHint')}</Typography.Text>
        <Typography.Text data-testid="cases-map-count">
          {t('cases.mapCount', { n: placed.length, total })}
        </Typography.Text>
        {(['red', 'yellow', 'green'] as const).map((l) => (
          <Space key={l} size={4}>
            <LightDot light={l} />
            {open.filter((c) => (c.light ?? 'green') === l).length}
          </Space>
        ))}
      </Space>
      {cases.error ? <Alert type="error" title={errorText(cases.error, lang)} /> : null}
      <div ref={element} className="qj-cases-map" data-ready={ready ? 'true' : 'false'} />
    </div>
  );
}
