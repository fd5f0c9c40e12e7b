// 考核设置 (issue 15): the village categories and their indicators with weights, the indicator
// catalog, the grades (forced shares or thresholds, allowances) — the city's organization department
// changes them (PUT /api/assessment/settings; a round keeps the settings it was graded with), others
// read them — and each village's category, which a town, county or the city sets.

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useInvalidate } from '../api/query.ts';
import { keys } from '../api/query-keys.ts';
import { useDictionary } from '../deliberation/village-text.ts';
import { useFeedback } from '../shell/feedback.ts';
import { PageTitle } from '../shell/page-title.tsx';
import { useSession } from '../shell/session.tsx';
import { useUrlState } from '../shell/use-url-state.ts';
import { FormError, useSubmit } from './form-error.tsx';
import { type AssessmentSettings, settingsApi } from './settings-api.ts';
import { GradesEditor, IndicatorsEditor, type Patch, WeightsEditor } from './settings-editors.tsx';
import { VillageCategoriesEditor } from './village-categories.tsx';

const zh = {
  title: '考核设置',
  weights: '村类别与指标权重',
  indicators: '指标体系',
  grades: '分档与补贴',
  villages: '村（社区）分类',
  save: '保存设置',
  undo: '放弃修改',
  saved: '考核设置已保存，下次计算考核时生效',
  cityOnly: '考核设置由市委组织部统一修改，本级可查看；村（社区）类别由镇（街）、县（市、区）设置。',
  changed: '有未保存的修改',
} as const;
type K = keyof typeof zh;
const en: Record<K, string> = {
  title: 'Assessment settings',
  weights: 'Categories and weights',
  indicators: 'Indicators',
  grades: 'Grades and allowances',
  villages: 'Village categories',
  save: 'Save the settings',
  undo: 'Discard changes',
  saved: 'Settings saved; they apply from the next computation',
  cityOnly:
    'The city’s organization department changes the settings; this level reads them. Towns and counties set the village categories.',
  changed: 'Unsaved changes',
};

export default function SettingsPage() {
  const { t } = useDictionary<K>(zh, en);
  const { me, can } = useSession();
  const feedback = useFeedback();
  const url = useUrlState();
  const tab = url.get('tab') ?? 'weights';
  const invalidate = useInvalidate();
  const loaded = useQuery({ queryKey: keys.assessment.settings, queryFn: () => settingsApi.get() });
  const [draft, setDraft] = useState<AssessmentSettings | null>(null);
  const [dirty, setDirty] = useState(false);
  const { busy, error, run, clear } = useSubmit();
  useEffect(() => {
    if (loaded.data) {
      setDraft(structuredClone(loaded.data.settings));
      setDirty(false);
    }
  }, [loaded.data]);
  const manage = can('assessment:manage');
  const canEdit = manage && me?.scope.level === 'city';
  const canClassify = manage && ['town', 'county', 'city'].includes(me?.scope.level ?? '');
  const patch: Patch = (change) =>
    setDraft((d) => {
      if (!d) return d;
      const next = structuredClone(d);
      change(next);
      return next;
    });
  const edited: Patch = (change) => {
    patch(change);
    setDirty(true);
  };
  const save = async () => {
    if (!draft) return;
    if (await run(() => settingsApi.save(draft))) {
      feedback.success(t('saved'));
      void invalidate(keys.assessment.all);
    }
  };
  const props = draft ? { settings: draft, patch: edited, readOnly: !canEdit } : null;
  return (
    <div>
      <PageTitle
        title={t('title')}
        extra={
          canEdit &&
          tab !== 'villages' && (
            <Space wrap>
              {dirty && (
                <Button
                  onClick={() => {
                    clear();
                    if (loaded.data) setDraft(structuredClone(loaded.data.settings));
                    setDirty(false);
                  }}
                >
                  {t('undo')}
                </Button>
              )}
              <Button
                type="primary"
                loading={busy}
                disabled={!dirty}
                onClick={save}
                data-testid="settings-save"
              >
                {t('save')}
              </Button>
            </Space>
          )
        }
      />
      {!canEdit && <Alert type="info" showIcon message={t('cityOnly')} style={{ marginBottom: 12 }} />}
      {dirty && tab !== 'villages' && (
        <Alert type="warning" message={t('changed')} style={{ marginBottom: 12 }} banner />
      )}
      <FormError error={error} testId="settings-error" />
      {!props ? (
        <Card loading />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => url.set({ tab: k })}
          items={[
            { key: 'weights', label: t('weights'), children: <WeightsEditor {...props} /> },
            { key: 'indicators', label: t('indicators'), children: <IndicatorsEditor {...props} /> },
            { key: 'grades', label: t('grades'), children: <GradesEditor {...props} /> },
            {
              key: 'villages',
              label: t('villages'),
              children: <VillageCategoriesEditor canEdit={canClassify} />,
            },
          ]}
        />
      )}
    </div>
  );
}
