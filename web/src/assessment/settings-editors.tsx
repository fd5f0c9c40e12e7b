// The parts of the assessment settings page (issue 15): each village category's indicators and
// weights (summing to 100), the indicator catalog (names, how a figure is scored), and the grades
// (forced shares or score thresholds, the allowance of each). Pure editors over a draft the page holds.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useDictionary } from '../deliberation/village-text.ts';
import { phoneListProps, stackColumns } from '../shell/phone-list.tsx';
import { usePhone } from '../shell/use-phone.ts';
import { SOURCE_NAMES, useNames } from './assessment-text.ts';
import type { AssessmentSettings, GradeDef, IndicatorDef } from './settings-api.ts';

const zh = {
  category: '村类别',
  categoryName: '类别名称',
  addCategory: '新增村类别',
  newCategory: '新类别',
  indicator: '指标',
  source: '数据来源',
  weight: '权重',
  sum: '权重合计 {sum}（须为 100）',
  addIndicator: '加入指标',
  name: '名称',
  unit: '计量',
  zero: '零分值',
  full: '满分值',
  steps: '分档计分',
  description: '说明',
  addManual: '新增镇街评分指标',
  newIndicator: '新指标',
  newDescription: '镇（街）评分，附佐证材料',
  method: '分档办法',
  forced: '按比例强制分布',
  threshold: '按分数线',
  group: '强制分布范围',
  byCategory: '同类别村内',
  byCounty: '全县（市、区）',
  grade: '档次',
  share: '比例份数',
  minScore: '最低分',
  annual: '年度奖励（元）',
  monthly: '每月补贴增减（元）',
  appealDays: '公布后可申诉天数',
  remove: '移除',
  'unit.rate': '比例（0–1）',
  'unit.count': '个数',
  'unit.hours': '学时',
  'unit.growth': '增长率（0.15 即 15%）',
  'unit.yuan': '元',
  'unit.score': '分',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  category: 'Category',
  categoryName: 'Category name',
  addCategory: 'Add a category',
  newCategory: 'New category',
  indicator: 'Indicator',
  source: 'Source',
  weight: 'Weight',
  sum: 'Weights total {sum} (must be 100)',
  addIndicator: 'Add an indicator',
  name: 'Name',
  unit: 'Unit',
  zero: 'Zero at',
  full: 'Full at',
  steps: 'Scored in steps',
  description: 'Description',
  addManual: 'Add a town-scored indicator',
  newIndicator: 'New indicator',
  newDescription: 'Scored by the town, with evidence',
  method: 'Grading method',
  forced: 'Forced distribution',
  threshold: 'Score thresholds',
  group: 'Distribution within',
  byCategory: 'Each category',
  byCounty: 'The whole county',
  grade: 'Grade',
  share: 'Share',
  minScore: 'Lowest score',
  annual: 'Yearly bonus (yuan)',
  monthly: 'Monthly change (yuan)',
  appealDays: 'Days to appeal after publication',
  remove: 'Remove',
  'unit.rate': 'Rate (0–1)',
  'unit.count': 'Count',
  'unit.hours': 'Hours',
  'unit.growth': 'Growth (0.15 = 15%)',
  'unit.yuan': 'Yuan',
  'unit.score': 'Score',
};

type WeightRow = AssessmentSettings['sets'][string][number];
export type Patch = (change: (draft: AssessmentSettings) => void) => void;
interface EditorProps {
  settings: AssessmentSettings;
  patch: Patch;
  readOnly: boolean;
}

/** A code the user never sees: the prefix and the first free number. */
function freeCode(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

export function WeightsEditor({ settings, patch, readOnly }: EditorProps) {
  const { t } = useDictionary<K>(zh, en);
  const { pick, of } = useNames();
  const [category, setCategory] = useState(settings.categories[0]?.code ?? '');
  const current = settings.categories.find((c) => c.code === category) ?? settings.categories[0];
  const code = current?.code ?? '';
  const set = settings.sets[code] ?? [];
  const sum = Math.round(set.reduce((s, w) => s + (w.weight || 0), 0) * 100) / 100;
  const nameOf = (indicator: string) => pick(settings.indicators.find((i) => i.code === indicator)?.name);
  const unused = settings.indicators.filter((i) => !set.some((w) => w.indicator === i.code));
  const phone = usePhone();
  const columns: TableColumnsType<WeightRow> = [
    { title: t('indicator'), key: 'n', render: (_: unknown, w) => nameOf(w.indicator) },
    {
      title: t('source'),
      key: 's',
      width: 120,
      render: (_: unknown, w) =>
        of(SOURCE_NAMES, settings.indicators.find((i) => i.code === w.indicator)?.source),
    },
    {
      title: t('weight'),
      key: 'w',
      width: 110,
      render: (_: unknown, w, k) => (
        <InputNumber
          value={w.weight}
          min={0}
          max={100}
          step={1}
          disabled={readOnly}
          style={{ width: 90 }}
          data-testid={`weight-${w.indicator}`}
          onChange={(v) =>
            patch((d) => {
              const row = d.sets[code]?.[k];
              if (row) row.weight = Number(v ?? 0);
            })
          }
        />
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            title: '',
            key: 'x',
            width: 50,
            render: (_: unknown, _w: unknown, k: number) => (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('remove')}
                onClick={() => patch((d) => void d.sets[code]?.splice(k, 1))}
              />
            ),
          },
        ]),
  ];
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={code}
          style={{ width: 160 }}
          onChange={setCategory}
          options={settings.categories.map((c) => ({ value: c.code, label: pick(c.name) }))}
          data-testid="settings-category"
        />
        {!readOnly && (
          <Input
            value={current?.name.zh}
            maxLength={40}
            style={{ width: 160 }}
            aria-label={t('categoryName')}
            onChange={(e) =>
              patch((d) => {
                const c = d.categories.find((x) => x.code === code);
                if (c) c.name = { zh: e.target.value, en: c.name.en || e.target.value };
              })
            }
          />
        )}
        {!readOnly && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              const next = freeCode(
                'category',
                settings.categories.map((c) => c.code),
              );
              patch((d) => {
                d.categories.push({ code: next, name: { zh: t('newCategory'), en: 'New category' } });
                d.sets[next] = [];
              });
              setCategory(next);
            }}
          >
            {t('addCategory')}
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey="indicator"
        pagination={false}
        dataSource={set}
        {...phoneListProps(phone, 480)}
        data-testid="settings-weights"
        columns={phone ? stackColumns(columns) : columns}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Tag color={sum === 100 ? 'green' : 'red'} data-testid="settings-weight-sum">
          {t('sum', { sum })}
        </Tag>
        {!readOnly && unused.length > 0 && (
          <Select
            placeholder={t('addIndicator')}
            value={null}
            style={{ width: 200 }}
            options={unused.map((i) => ({ value: i.code, label: pick(i.name) }))}
            onChange={(v: string) =>
              patch((d) => {
                d.sets[code] = [...(d.sets[code] ?? []), { indicator: v, weight: 1 }];
              })
            }
          />
        )}
      </Space>
    </Card>
  );
}

export function IndicatorsEditor({ settings, patch, readOnly }: EditorProps) {
  const { t } = useDictionary<K>(zh, en);
  const { of } = useNames();
  const edit = (code: string, change: (i: IndicatorDef) => void) =>
    patch((d) => {
      const i = d.indicators.find((x) => x.code === code);
      if (i) change(i);
    });
  const phone = usePhone();
  const columns: TableColumnsType<IndicatorDef> = [
    {
      title: t('name'),
      key: 'n',
      width: 190,
      render: (_: unknown, i: IndicatorDef) => (
        <Input
          value={i.name.zh}
          maxLength={40}
          disabled={readOnly}
          onChange={(e) =>
            edit(i.code, (x) => {
              x.name = { zh: e.target.value, en: x.name.en || e.target.value };
            })
          }
        />
      ),
    },
    {
      title: t('source'),
      key: 's',
      width: 110,
      render: (_: unknown, i: IndicatorDef) => of(SOURCE_NAMES, i.source),
    },
    {
      title: t('unit'),
      key: 'u',
      width: 130,
      render: (_: unknown, i: IndicatorDef) => t(`unit.${i.unit}` as K),
    },
    {
      title: `${t('zero')} / ${t('full')}`,
      key: 'sc',
      width: 200,
      render: (_: unknown, i: IndicatorDef) => {
        const s = i.scoring;
        if (s.kind !== 'linear') return t('steps');
        return (
          <Space>
            <InputNumber
              value={s.zero}
              disabled={readOnly}
              style={{ width: 80 }}
              aria-label={t('zero')}
              onChange={(v) =>
                edit(i.code, (x) => {
                  if (x.scoring.kind === 'linear') x.scoring.zero = Number(v ?? 0);
                })
              }
            />
            <InputNumber
              value={s.full}
              disabled={readOnly}
              style={{ width: 80 }}
              aria-label={t('full')}
              onChange={(v) =>
                edit(i.code, (x) => {
                  if (x.scoring.kind === 'linear') x.scoring.full = Number(v ?? 0);
                })
              }
            />
          </Space>
        );
      },
    },
    {
      title: t('description'),
      key: 'd',
      render: (_: unknown, i: IndicatorDef) => (
        <Input.TextArea
          value={i.description.zh}
          maxLength={200}
          autoSize={{ minRows: 1, maxRows: 3 }}
          disabled={readOnly}
          onChange={(e) =>
            edit(i.code, (x) => {
              x.description = { zh: e.target.value, en: x.description.en };
            })
          }
        />
      ),
    },
  ];
  return (
    <Card size="small">
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() =>
            patch((d) => {
              d.indicators.push({
                code: freeCode(
                  'manual',
                  d.indicators.map((i) => i.code),
                ),
                name: { zh: t('newIndicator'), en: 'New indicator' },
                source: 'manual',
                unit: 'score',
                scoring: { kind: 'linear', zero: 0, full: 100 },
                description: { zh: t('newDescription'), en: 'Scored by the town, with evidence' },
              });
            })
          }
        >
          {t('addManual')}
        </Button>
      )}
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={settings.indicators}
        {...phoneListProps(phone, 900)}
        data-testid="settings-indicators"
        columns={phone ? stackColumns(columns) : columns}
      />
    </Card>
  );
}

const yuanOf = (fen: number) => Math.round(fen) / 100;

export function GradesEditor({ settings, patch, readOnly }: EditorProps) {
  const { t } = useDictionary<K>(zh, en);
  const edit = (k: number, change: (g: GradeDef) => void) =>
    patch((d) => {
      const g = d.grades[k];
      if (g) change(g);
    });
  const forced = settings.method === 'forced';
  const phone = usePhone();
  const columns: TableColumnsType<GradeDef> = [
    {
      title: t('grade'),
      key: 'n',
      width: 120,
      render: (_: unknown, g: GradeDef, k) => (
        <Input
          value={g.name.zh}
          maxLength={40}
          disabled={readOnly}
          onChange={(e) =>
            edit(k, (x) => {
              x.name = { zh: e.target.value, en: x.name.en };
            })
          }
        />
      ),
    },
    forced
      ? {
          title: t('share'),
          key: 's',
          width: 100,
          render: (_: unknown, g: GradeDef, k: number) => (
            <InputNumber
              value={g.share}
              min={0}
              max={100}
              disabled={readOnly}
              style={{ width: 80 }}
              onChange={(v) =>
                edit(k, (x) => {
                  x.share = Number(v ?? 0);
                })
              }
            />
          ),
        }
      : {
          title: t('minScore'),
          key: 'm',
          width: 100,
          render: (_: unknown, g: GradeDef, k: number) =>
            k === settings.grades.length - 1 ? (
              '—'
            ) : (
              <InputNumber
                value={g.minScore}
                min={0}
                max={100}
                disabled={readOnly}
                style={{ width: 80 }}
                data-testid={`grade-min-${k}`}
                onChange={(v) =>
                  edit(k, (x) => {
                    x.minScore = v === null ? null : Number(v);
                  })
                }
              />
            ),
        },
    {
      title: t('annual'),
      key: 'a',
      width: 140,
      render: (_: unknown, g: GradeDef, k) => (
        <InputNumber
          value={yuanOf(g.annualBonusFen)}
          disabled={readOnly}
          style={{ width: 110 }}
          onChange={(v) =>
            edit(k, (x) => {
              x.annualBonusFen = Math.round(Number(v ?? 0) * 100);
            })
          }
        />
      ),
    },
    {
      title: t('monthly'),
      key: 'mo',
      width: 150,
      render: (_: unknown, g: GradeDef, k) => (
        <InputNumber
          value={yuanOf(g.monthlyFen)}
          disabled={readOnly}
          style={{ width: 110 }}
          onChange={(v) =>
            edit(k, (x) => {
              x.monthlyFen = Math.round(Number(v ?? 0) * 100);
            })
          }
        />
      ),
    },
  ];
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('method')}</Typography.Text>
          <Radio.Group
            value={settings.method}
            disabled={readOnly}
            onChange={(e) =>
              patch((d) => {
                d.method = e.target.value;
              })
            }
            options={[
              { value: 'forced', label: t('forced') },
              { value: 'threshold', label: t('threshold') },
            ]}
          />
        </Space>
        {forced && (
          <Space wrap>
            <Typography.Text>{t('group')}</Typography.Text>
            <Radio.Group
              value={settings.distributionGroup}
              disabled={readOnly}
              onChange={(e) =>
                patch((d) => {
                  d.distributionGroup = e.target.value;
                })
              }
              options={[
                { value: 'category', label: t('byCategory') },
                { value: 'county', label: t('byCounty') },
              ]}
            />
          </Space>
        )}
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={settings.grades}
          {...phoneListProps(phone, 640)}
          data-testid="settings-grades"
          columns={phone ? stackColumns(columns) : columns}
        />
        <Space wrap>
          <Typography.Text>{t('appealDays')}</Typography.Text>
          <InputNumber
            value={settings.appealDays}
            min={1}
            max={90}
            precision={0}
            disabled={readOnly}
            onChange={(v) =>
              patch((d) => {
                d.appealDays = Number(v ?? 15);
              })
            }
          />
        </Space>
      </Space>
    </Card>
  );
}
