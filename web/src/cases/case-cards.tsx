// The case list on a phone: one card per case (light, title, number, state, place, the step's
// deadline), the whole card a large touch target opening the case. Same rows and paging as the table.
import { Empty, Pagination, Spin, Tag } from 'antd';
import { Link } from 'react-router';
import type { CaseRow } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatTime } from './case-api.ts';
import { CHANNEL_NAMES } from './names.ts';
import { LightDot, StateTag, SupervisionTag } from './parts.tsx';

/** 中共江南街道工作委员会 → 江南街道: the place, not the party organization's full name. */
function placeName(orgName: string | null | undefined): string {
  if (!orgName) return '';
  return orgName.replace(/^中共/, '').replace(/(工作委员会|委员会|党工委|党委)$/, '');
}

export function casePlace(row: Pick<CaseRow, 'townName' | 'gridName'>): string {
  return [placeName(row.townName), row.gridName].filter(Boolean).join(' · ');
}

export function CaseCards({
  rows,
  loading,
  page,
  pageSize,
  total,
  onPage,
}: {
  rows: CaseRow[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t, name } = useI18n();
  return (
    <Spin spinning={loading}>
      <div className="qj-case-cards" data-testid="case-cards">
        {rows.length === 0 && !loading ? <Empty /> : null}
        {rows.map((row) => (
          <Link
            key={row.id}
            to={`/cases/${row.id}`}
            className="qj-case-card"
            data-testid="case-row"
            data-case-no={row.caseNo}
            data-state={row.state}
          >
            <div className="qj-case-card-head">
              <LightDot light={row.light} />
              <b className="qj-case-card-title">{row.title}</b>
              <StateTag state={row.state} label={row.stateName} />
            </div>
            <div className="qj-case-card-meta">
              <span data-testid="case-link">{row.caseNo}</span>
              {row.urgent ? <Tag color="red">{t('cases.urgent')}</Tag> : null}
              <SupervisionTag level={row.supervision} />
            </div>
            <div className="qj-case-card-meta">
              {[row.categoryName, name(CHANNEL_NAMES, row.channel), casePlace(row)]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {row.stepDeadline ? (
              <div className="qj-case-card-meta">
                {t('cases.deadline')}：{formatTime(row.stepDeadline)}
              </div>
            ) : null}
          </Link>
        ))}
      </div>
      {total > pageSize ? (
        <Pagination
          simple
          align="center"
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          style={{ marginTop: 12 }}
        />
      ) : null}
    </Spin>
  );
}
