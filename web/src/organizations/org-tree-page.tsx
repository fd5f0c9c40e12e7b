import { Button, Card, Col, Descriptions, Empty, Row, Spin, Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { OrgNode } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LEVEL_NAMES } from '../i18n/messages.ts';
import { useFeedback } from '../shell/feedback.ts';
import { formatCount, PageTitle } from '../shell/page-title.tsx';
import { OrgKindTag } from './org-kind-tag.tsx';
import { OrgSearch } from './org-search.tsx';
import './organizations.css';

interface TreeItem extends DataNode {
  key: string;
  org: OrgNode;
  children?: TreeItem[];
}

function toItem(org: OrgNode): TreeItem {
  return { key: String(org.id), org, isLeaf: org.childCount === 0 };
}

function withChildren(items: TreeItem[], key: string, children: TreeItem[]): TreeItem[] {
  return items.map((item) => {
    if (item.key === key) return { ...item, children };
    if (item.children) return { ...item, children: withChildren(item.children, key, children) };
    return item;
  });
}

function fetchChildren(parentId?: number): Promise<OrgNode[]> {
  return api
    .get<{ nodes: OrgNode[] }>('/api/orgs/tree', parentId === undefined ? undefined : { parentId })
    .then((answer) => answer.nodes);
}

function NodeTitle({ org }: { org: OrgNode }) {
  const { t } = useI18n();
  return (
    <span className="qj-tree-node" data-testid="org-node" data-code={org.code}>
      <span className="qj-tree-name">{org.name}</span>
      <OrgKindTag kind={org.kind} />
      <span className="qj-tree-meta">
        {t('orgs.memberCount', { n: formatCount(org.memberCount) })} ·{' '}
        {t('orgs.gridCount', { n: formatCount(org.gridCount) })}
      </span>
    </span>
  );
}

function OrgSummary({ org }: { org: OrgNode | null }) {
  const { t, name } = useI18n();
  if (!org) return <Empty description={t('orgs.selectHint')} />;
  return (
    <div data-testid="org-summary">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {org.name}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('org.code')}>{org.code}</Descriptions.Item>
        <Descriptions.Item label={t('org.kind')}>
          <OrgKindTag kind={org.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('org.level')}>{name(LEVEL_NAMES, org.level)}</Descriptions.Item>
        <Descriptions.Item label={t('home.members')}>{formatCount(org.memberCount)}</Descriptions.Item>
        <Descriptions.Item label={t('home.grids')}>{formatCount(org.gridCount)}</Descriptions.Item>
        <Descriptions.Item label={t('home.households')}>{formatCount(org.householdCount)}</Descriptions.Item>
        <Descriptions.Item label={t('home.childOrgs')}>{formatCount(org.childCount)}</Descriptions.Item>
      </Descriptions>
      <Link to={`/orgs/${org.id}`}>
        <Button type="primary" style={{ marginTop: 16 }} data-testid="open-org">
          {t('orgs.openPage')}
        </Button>
      </Link>
    </div>
  );
}

export default function OrgTreePage() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [items, setItems] = useState<TreeItem[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<string[]>([]);
  const [selected, setSelected] = useState<OrgNode | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const roots = (await fetchChildren()).map(toItem);
      let next = roots;
      const first = roots[0];
      const opened: string[] = [];
      if (first && roots.length === 1 && first.org.childCount > 0) {
        next = withChildren(roots, first.key, (await fetchChildren(first.org.id)).map(toItem));
        opened.push(first.key);
      }
      if (cancelled) return;
      setItems(next);
      setExpanded(opened);
      setLoaded(opened);
      setSelected(first?.org ?? null);
    })().catch((error: unknown) => !cancelled && feedback.error(error));
    return () => {
      cancelled = true;
    };
  }, [feedback]);

  const loadData = useCallback(
    async (node: EventDataNode<TreeItem>) => {
      if (node.children) return;
      try {
        const children = (await fetchChildren(node.org.id)).map(toItem);
        setItems((current) => (current ? withChildren(current, node.key, children) : current));
        setLoaded((current) => [...current, node.key]);
      } catch (error) {
        feedback.error(error);
      }
    },
    [feedback],
  );

  return (
    <div data-testid="org-tree-page">
      <PageTitle title={t('orgs.title')} />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('orgs.tree')}>
            <OrgSearch onActive={setSearching} />
            <div style={{ marginTop: 12, display: searching ? 'none' : 'block' }}>
              {items === null ? (
                <Spin />
              ) : (
                <Tree<TreeItem>
                  data-testid="org-tree"
                  className="qj-org-tree"
                  treeData={items}
                  loadData={loadData}
                  loadedKeys={loaded}
                  expandedKeys={expanded}
                  onExpand={(keys) => setExpanded(keys as string[])}
                  selectedKeys={selected ? [String(selected.id)] : []}
                  onSelect={(_, info) => setSelected(info.node.org)}
                  titleRender={(item) => <NodeTitle org={item.org} />}
                  height={620}
                  virtual
                  blockNode
                  showLine
                />
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless">
            <OrgSummary org={selected} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
