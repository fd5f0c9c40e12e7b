// The dispatcher's help, shown where a case is reported, filed or reviewed: the likely categories with
// their probabilities (one click applies one), the department the area's routing chooses, and the likely
// duplicates with links (one click rejects the case under review as a duplicate of one).
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { keys } from '../api/query-keys.ts';
import { errorText } from '../shell/feedback.ts';
import { formatTime } from './case-api.ts';
import { type ClassifierSuggestion, type LikelyDuplicate, suggestCase } from './classifier-api.ts';
import { percent, useClassifierText } from './classifier-messages.ts';

export interface SuggestionPanelProps {
  suggestion: ClassifierSuggestion;
  /** Applies a suggested category (the tag is clickable when given). */
  onUseCategory?: ((code: string) => void) | undefined;
  /** Acts on a duplicate: reject the case under review as its duplicate, or pick it in a form. */
  duplicateAction?:
    | { label: string; confirm?: (d: LikelyDuplicate) => string; run: (d: LikelyDuplicate) => unknown }
    | undefined;
  /** Without a point the duplicates cannot be searched: say so rather than "none". */
  located?: boolean;
  /** Only the duplicates (the reject form). */
  duplicatesOnly?: boolean;
}

export function SuggestionPanel({
  suggestion,
  onUseCategory,
  duplicateAction,
  located = true,
  duplicatesOnly = false,
}: SuggestionPanelProps) {
  const { t } = useClassifierText();
  const s = suggestion;
  const rule = s.duplicateRule;
  return (
    <div className="qj-suggestion" data-testid="classifier-suggestion" data-source={s.source}>
      {!duplicatesOnly && (
        <>
          <div>
            <b>{t('suggest.categories')}：</b>
            {s.categories.length === 0 ? (
              <Typography.Text type="secondary">{t('suggest.noCategory')}</Typography.Text>
            ) : (
              s.categories.map((c) => (
                <Tag
                  key={c.code}
                  color="processing"
                  style={onUseCategory ? { cursor: 'pointer' } : undefined}
                  onClick={onUseCategory ? () => onUseCategory(c.code) : undefined}
                  data-testid="suggested-category"
                  data-code={c.code}
                  data-probability={c.probability}
                  title={c.className ?? undefined}
                >
                  {c.name} · {percent(c.probability)}
                  {onUseCategory ? ` · ${t('suggest.use')}` : ''}
                </Tag>
              ))
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="suggested-model">
            {s.model
              ? s.model.accuracy === null
                ? t('suggest.modelNoAccuracy', { version: s.model.version, samples: s.model.sampleCount })
                : t('suggest.model', {
                    version: s.model.version,
                    samples: s.model.sampleCount.toLocaleString('zh-CN'),
                    holdout: (s.model.holdoutCount ?? 0).toLocaleString('zh-CN'),
                    accuracy: percent(s.model.accuracy),
                    top3: s.model.top3Accuracy == null ? '—' : percent(s.model.top3Accuracy),
                  })
              : t('suggest.keywords')}
          </Typography.Text>
          {s.departments.length > 0 && (
            <div style={{ marginTop: 6 }}>
              {s.departments.slice(0, 3).map((d, i) => (
                <div key={d.id} data-testid={i === 0 ? 'suggested-department' : 'suggested-department-other'}>
                  <b>{d.reason === 'history' ? t('suggest.departmentHistory') : t('suggest.department')}：</b>
                  {d.name}
                </div>
              ))}
            </div>
          )}
        </>
      )}
      <div style={{ marginTop: 6 }}>
        <b>{t('suggest.duplicates')}：</b>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('suggest.duplicateRule', { radius: rule.radiusM, days: rule.days })}
        </Typography.Text>
        {!located ? (
          <div>{t('suggest.noLocation')}</div>
        ) : s.duplicates.length === 0 ? (
          <div data-testid="suggested-no-duplicates">{t('suggest.noDuplicates')}</div>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {s.duplicates.map((d) => (
              <li key={d.id} data-testid="suggested-duplicate" data-case-id={d.id}>
                <Space size={4} wrap>
                  <Link to={`/cases/${d.id}`} target="_blank">
                    {d.caseNo}
                  </Link>
                  <span>{d.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('suggest.distance', { m: d.distanceM })} · {formatTime(d.createdAt)} ·{' '}
                    {t('suggest.similarity', { p: percent(d.similarity) })}
                  </Typography.Text>
                  {duplicateAction &&
                    (duplicateAction.confirm ? (
                      <Popconfirm
                        title={duplicateAction.confirm(d)}
                        onConfirm={() => duplicateAction.run(d)}
                        okButtonProps={{ 'data-testid': 'reject-duplicate-confirm' } as never}
                      >
                        <Button size="small" danger data-testid="reject-as-duplicate">
                          {duplicateAction.label}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button
                        size="small"
                        onClick={() => duplicateAction.run(d)}
                        data-testid="pick-duplicate"
                      >
                        {duplicateAction.label}
                      </Button>
                    ))}
                </Space>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The suggestion for a case already reported (its text, point and category), itself excluded. */
export function useCaseSuggestion(
  detail: {
    id: number;
    title: string;
    description?: string | null;
    lng: number | null;
    lat: number | null;
    categoryCode: string | null;
  },
  enabled: boolean,
) {
  return useQuery({
    queryKey: keys.cases.suggestion(detail.id, detail.categoryCode),
    queryFn: () =>
      suggestCase({
        text: `${detail.title}\n${detail.description ?? ''}`.trim(),
        lng: detail.lng,
        lat: detail.lat,
        categoryCode: detail.categoryCode,
        caseId: detail.id,
      }),
    enabled,
  });
}

/** A card of suggestions on the case page while the dispatcher decides (file or reject). */
export function CaseSuggestionCard({
  detail,
  onUseCategory,
  onRejectDuplicate,
}: {
  detail: Parameters<typeof useCaseSuggestion>[0];
  onUseCategory: (code: string) => void;
  onRejectDuplicate?: ((d: LikelyDuplicate, note: string) => unknown) | undefined;
}) {
  const { t, lang } = useClassifierText();
  const suggestion = useCaseSuggestion(detail, true);
  return (
    <Card
      variant="borderless"
      title={t('suggest.title')}
      style={{ marginTop: 16 }}
      loading={suggestion.isFetching && !suggestion.data}
      data-testid="case-suggestion"
    >
      {suggestion.error ? (
        <Typography.Text type="secondary">
          {t('suggest.failed', { reason: errorText(suggestion.error, lang) })}
        </Typography.Text>
      ) : suggestion.data ? (
        <SuggestionPanel
          suggestion={suggestion.data}
          onUseCategory={onUseCategory}
          located={detail.lng !== null && detail.lat !== null}
          duplicateAction={
            onRejectDuplicate
              ? {
                  label: t('suggest.rejectDuplicate'),
                  confirm: (d) => t('suggest.rejectConfirm', { caseNo: d.caseNo }),
                  run: (d) =>
                    onRejectDuplicate(
                      d,
                      t('suggest.rejectNote', { caseNo: d.caseNo, m: d.distanceM, p: percent(d.similarity) }),
                    ),
                }
              : undefined
          }
        />
      ) : null}
    </Card>
  );
}
