// One village's collective income of one year entered by hand (PUT /api/collective-economy/incomes):
// the amount of each source, the operating expenses and what was distributed, in yuan; the server
// checks the sources, the year and that no more is distributed than the net income.

import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { keys } from '../api/query-keys.ts';
import { useDictionary, yuan } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { economyApi } from './assessment-api.ts';
import { shortOrg, useNames } from './assessment-text.ts';
import { FormError, useSubmit } from './form-error.tsx';

const zh = {
  title: '单村填报',
  hint: '填报一个村（社区）一个年度的集体收入（元），保存后替换该村该年度原有数据。',
  stored: '已显示该村 {year} 年度已填报的数据，修改后保存。',
  fresh: '该村 {year} 年度尚未填报。',
  village: '村（社区）',
  pick: '输入村名或拼音首字母查找',
  year: '年度',
  yearOf: '{year} 年度',
  operating: '经营性',
  expenses: '经营支出',
  distributed: '分配给成员',
  note: '备注',
  save: '保存',
  required: '请选择村（社区）',
  saved: '已保存：经营性收入 {operating}，净收入 {net}',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Enter one village',
  hint: 'One village’s collective income of one year (yuan); saving replaces what the village had for that year.',
  stored: 'Showing what the village entered for {year}: change it and save.',
  fresh: 'Nothing entered for the village in {year} yet.',
  village: 'Village',
  pick: 'Type a village’s name or initials',
  year: 'Year',
  yearOf: '{year}',
  operating: 'operating',
  expenses: 'Operating expenses',
  distributed: 'Distributed to members',
  note: 'Note',
  save: 'Save',
  required: 'Pick a village',
  saved: 'Saved: operating income {operating}, net income {net}',
};

interface Values {
  orgId: number;
  year: number;
  incomes: Record<string, number | null>;
  expenses: number | null;
  distributed: number | null;
  note?: string;
}

const fen = (v: number | null | undefined) => Math.round((v ?? 0) * 100);

export function IncomeEntry({
  year,
  years,
  onSaved,
}: {
  year: number;
  years: number[];
  onSaved: () => void;
}) {
  const { t } = useDictionary<K>(zh, en);
  const { pick } = useNames();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const sources = useQuery({ queryKey: keys.economy.settings, queryFn: () => economyApi.settings() });
  const villages = useQuery({
    queryKey: keys.economy.incomes({ year, q, sort: 'code' }),
    queryFn: () => economyApi.incomes({ year, q, sort: 'code' }),
  });
  const { busy, error, run } = useSubmit();
  // the chosen village-year as stored, shown in the form to be changed rather than typed again
  const orgId = Form.useWatch('orgId', form);
  const chosenYear = Form.useWatch('year', form) ?? year;
  const stored = useQuery({
    queryKey: keys.economy.villageYear(orgId ?? 0, chosenYear),
    queryFn: () => economyApi.villageYear(orgId ?? 0, chosenYear),
    enabled: Boolean(orgId),
  });
  const storedData = orgId ? stored.data : undefined;
  const sourceList = sources.data?.sources;
  useEffect(() => {
    if (!storedData || !sourceList) return;
    const toYuan = (v: number | undefined) => (v ? v / 100 : null);
    form.setFieldsValue({
      incomes: Object.fromEntries(sourceList.map((s) => [s.code, toYuan(storedData.incomes[s.code])])),
      expenses: toYuan(storedData.expensesFen),
      distributed: toYuan(storedData.distributedFen),
      note: storedData.note,
    });
  }, [storedData, sourceList, form]);
  const submit = async (v: Values) => {
    const incomes: Record<string, number> = {};
    for (const [code, amount] of Object.entries(v.incomes ?? {})) if (amount) incomes[code] = fen(amount);
    let answer: { operatingFen: number; netFen: number } | undefined;
    const ok = await run(async () => {
      answer = await economyApi.save({
        orgId: v.orgId,
        year: v.year,
        incomes,
        expensesFen: fen(v.expenses),
        distributedFen: fen(v.distributed),
        ...(v.note ? { note: v.note } : {}),
      });
    });
    if (!ok || !answer) return;
    feedback.success(t('saved', { operating: yuan(answer.operatingFen), net: yuan(answer.netFen) }));
    onSaved();
  };
  return (
    <Card size="small" title={t('title')} style={{ marginBottom: 12 }} data-testid="income-entry">
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <FormError error={error} testId="income-entry-error" />
      {storedData && storedData.org.id === orgId && storedData.year === chosenYear ? (
        <Typography.Paragraph
          type={storedData.reported ? 'success' : 'secondary'}
          data-testid="income-stored"
        >
          {t(storedData.reported ? 'stored' : 'fresh', { year: chosenYear })}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year, incomes: {} }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label={t('village')} rules={[{ required: true, message: t('required') }]}>
              <Select
                showSearch
                filterOption={false}
                placeholder={t('pick')}
                onSearch={setQ}
                loading={villages.isFetching}
                options={(villages.data?.items ?? []).map((i) => ({
                  value: i.org.id,
                  label: shortOrg(i.org.name),
                }))}
                data-testid="income-village"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="year" label={t('year')} rules={[{ required: true }]}>
              <Select options={years.map((y) => ({ value: y, label: t('yearOf', { year: y }) }))} />
            </Form.Item>
          </Col>
          {(sources.data?.sources ?? []).map((s) => (
            <Col xs={12} md={6} key={s.code}>
              <Form.Item
                name={['incomes', s.code]}
                label={s.operating ? `${pick(s.name)}（${t('operating')}）` : pick(s.name)}
              >
                <InputNumber
                  min={0}
                  max={100_000_000}
                  precision={2}
                  style={{ width: '100%' }}
                  data-testid={`income-${s.code}`}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Form.Item name="expenses" label={t('expenses')}>
              <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="distributed" label={t('distributed')}>
              <InputNumber
                min={0}
                max={100_000_000}
                precision={2}
                style={{ width: '100%' }}
                data-testid="income-distributed"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="note" label={t('note')} rules={[{ max: 500 }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="income-save">
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
