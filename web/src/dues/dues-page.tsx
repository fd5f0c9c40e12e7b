// A branch's dues for a month: each member's base, due, paid and arrears; the secretary fills the
// month's payments (in yuan, sent in fen) and records them in one batch; below, the six-month warnings.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, InputNumber, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { useUrlState } from '../shell/use-url-state.ts';
import { type DuesRow, duesApi, yuan } from './dues-api.ts';
import { type DuesMessageKey, useDuesText } from './dues-messages.ts';

export default function DuesPage() {
  const { t } = useDuesText();
  const { me } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const orgId = url.number('orgId') || (me?.scope.id ?? 0);
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [pay, setPay] = useState<Record<number, number | null>>({});
  const [bases, setBases] = useState<Record<number, number | null>>({});
  const [saving, setSaving] = useState(false);
  const invalidate = useInvalidate();
  const dues = useQuery({
    queryKey: keys.dues.branch(orgId, month),
    queryFn: () => duesApi.branch(orgId, month),
    enabled: orgId > 0,
  });
  const warnings = useQuery({
    queryKey: keys.dues.warnings(orgId, month),
    queryFn: () => duesApi.warnings(orgId, month),
    enabled: orgId > 0,
  });
  // a payment or a declared base shows here and on the member's own branch page
  const changed = () => void invalidate(keys.dues.all, keys.myBranch.all);
  const d = dues.data;

  const fillDue = () => {
    const next: Record<number, number | null> = { ...pay };
    for (const r of d?.members ?? [])
      if ((r.dueFen ?? 0) > r.paidFen && next[r.member.id] == null) next[r.member.id] = (r.dueFen ?? 0) / 100;
    setPay(next);
  };
  const record = async () => {
    const payments = Object.entries(pay)
      .filter(([, v]) => v != null && v > 0)
      .map(([id, v]) => ({ memberId: Number(id), paidFen: Math.round((v as number) * 100) }));
    if (!payments.length) return;
    setSaving(true);
    try {
      await duesApi.pay(orgId, { month, paidOn: dayjs().format('YYYY-MM-DD'), payments });
      feedback.success(t('d.recorded', { n: payments.length }));
      setPay({});
      changed();
    } catch (error) {
      feedback.error(error);
    } finally {
      setSaving(false);
    }
  };
  const declare = async (memberId: number) => {
    const v = bases[memberId];
    if (v == null) return;
    try {
      await duesApi.declareBase(memberId, Math.round(v * 100), month);
      feedback.success(t('d.declared'));
      setBases((b) => ({ ...b, [memberId]: null }));
      changed();
    } catch (error) {
      feedback.error(error);
    }
  };

  const columns = [
    { title: t('d.member'), key: 'name', render: (_: unknown, r: DuesRow) => r.member.name },
    {
      title: t('d.category'),
      dataIndex: 'category',
      width: 90,
      render: (c: string) => t(`d.cat.${c}` as DuesMessageKey),
    },
    {
      title: t('d.base'),
      key: 'base',
      width: 230,
      render: (_: unknown, r: DuesRow) => (
        <Space size={4}>
          <span>{yuan(r.baseFen)}</span>
          {(r.category === 'in_service' || r.category === 'retired') && (
            <>
              <InputNumber
                size="small"
                min={0}
                precision={2}
                style={{ width: 100 }}
                value={bases[r.member.id] ?? null}
                onChange={(v) => setBases((b) => ({ ...b, [r.member.id]: v }))}
                aria-label={`${t('d.declare')} ${r.member.name}`}
              />
              <Button size="small" onClick={() => declare(r.member.id)}>
                {t('d.declare')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
    { title: t('d.due'), key: 'due', width: 100, render: (_: unknown, r: DuesRow) => yuan(r.dueFen) },
    { title: t('d.paid'), key: 'paid', width: 100, render: (_: unknown, r: DuesRow) => yuan(r.paidFen) },
    {
      title: t('d.pay'),
      key: 'pay',
      width: 130,
      render: (_: unknown, r: DuesRow) => (
        <InputNumber
          size="small"
          min={0.01}
          precision={2}
          value={pay[r.member.id] ?? null}
          onChange={(v) => setPay((p) => ({ ...p, [r.member.id]: v }))}
          aria-label={`${t('d.pay')} ${r.member.name}`}
          data-testid={`pay-${r.member.id}`}
        />
      ),
    },
    {
      title: t('d.arrears'),
      key: 'arrears',
      render: (_: unknown, r: DuesRow) =>
        r.arrearsMonths.length ? (
          <Tag color="red" data-testid={`arrears-${r.member.id}`}>
            {t('d.arrearsMonths', { n: r.arrearsMonths.length, amount: yuan(r.arrearsFen) })}
          </Tag>
        ) : (
          <span data-testid={`arrears-${r.member.id}`}>—</span>
        ),
    },
  ];

  return (
    <div>
      <PageTitle
        title={`${t('d.title')}${d ? ` · ${d.org.name}` : ''}`}
        extra={
          <Space>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(v) => v && setMonth(v.format('YYYY-MM'))}
              aria-label={t('d.month')}
            />
            <Button onClick={fillDue}>{t('d.fillDue')}</Button>
            <Button type="primary" loading={saving} onClick={record} data-testid="dues-record">
              {t('d.record')}
            </Button>
          </Space>
        }
      />
      {d && (
        <div data-testid="dues-totals" style={{ marginBottom: 12 }}>
          {t('d.totals', {
            due: yuan(d.totals.dueFen),
            paid: yuan(d.totals.paidFen),
            arrears: yuan(d.totals.arrearsFen),
            unpaid: d.totals.unpaid,
          })}
        </div>
      )}
      <Card variant="borderless">
        <Table<DuesRow>
          rowKey={(r) => r.member.id}
          size="middle"
          loading={dues.isFetching}
          dataSource={d?.members ?? []}
          columns={columns}
          pagination={{ pageSize: 50 }}
        />
      </Card>
      {warnings.data && (
        <Card
          size="small"
          style={{ marginTop: 12 }}
          title={t('d.warnings', { from: warnings.data.window.from, to: warnings.data.window.to })}
        >
          {warnings.data.items.length === 0
            ? t('d.noWarnings')
            : warnings.data.items.map((w) => (
                <Tag key={w.member.id} color="orange" style={{ marginBottom: 4 }}>
                  {w.member.name} ·{' '}
                  {[w.dues && t('d.noDues'), w.orgLife && t('d.noLife')].filter(Boolean).join('、')}
                </Tag>
              ))}
        </Card>
      )}
    </div>
  );
}
