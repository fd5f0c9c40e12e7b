import { Card, Col, Row } from 'antd';
import { useMemo, useRef } from 'react';
import type { CaseStats } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CHANNEL_NAMES, LIGHT_COLORS, LIGHT_NAMES } from './names.ts';
import { useChart } from './use-chart.ts';
import './cases.css';

function Chart({ option, testId }: { option: unknown; testId: string }) {
  const element = useRef<HTMLDivElement>(null);
  const { ready } = useChart(element, option);
  return (
    <div ref={element} className="qj-stat-chart" data-testid={testId} data-ready={ready ? 'true' : 'false'} />
  );
}

export default function StatsCharts({ stats }: { stats: CaseStats }) {
  const { t, name } = useI18n();
  const channel = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          data: Object.entries(stats.byChannel).map(([k, n]) => ({ name: name(CHANNEL_NAMES, k), value: n })),
          label: { position: 'inside', formatter: '{c}', color: '#fff' },
        },
      ],
    }),
    [stats, name],
  );
  const category = useMemo(() => {
    const top = [...stats.byCategory]
      .sort((a, b) => b.n - a.n)
      .slice(0, 12)
      .reverse();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 30, top: 10, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: top.map((c) => c.name),
        axisLabel: { width: 100, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: top.map((c) => c.n),
          itemStyle: { color: '#c8161d' },
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [stats]);
  const light = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: '65%',
          data: (['green', 'yellow', 'red'] as const).map((l) => ({
            name: name(LIGHT_NAMES, l),
            value: stats.byLight?.[l] ?? 0,
            itemStyle: { color: LIGHT_COLORS[l] },
          })),
          label: { position: 'inside', formatter: '{c}', color: '#fff' },
        },
      ],
    }),
    [stats, name],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card variant="borderless" title={t('stats.byChannel')}>
          <Chart option={channel} testId="chart-channel" />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card variant="borderless" title={t('stats.byCategory')}>
          <Chart option={category} testId="chart-category" />
        </Card>
      </Col>
      <Col xs={24} lg={6}>
        <Card variant="borderless" title={t('stats.byLight')}>
          <Chart option={light} testId="chart-light" />
        </Card>
      </Col>
    </Row>
  );
}
