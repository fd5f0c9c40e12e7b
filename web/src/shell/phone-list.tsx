// A table as a one-column list on a phone (qj-phone-list, app-layout.css): each row is one item, its main
// name first, then its fields on short lines, then its state tags and actions. The desktop keeps its columns
// and its scroll width.
import { Space, Typography } from 'antd';
import type { Key, ReactNode } from 'react';

/** The table props for a phone list on a phone, and the desktop scroll width (if any) otherwise. */
export function phoneListProps(phone: boolean, x?: number | string) {
  if (phone) return { tableLayout: 'fixed' as const, className: 'qj-phone-list' };
  return x === undefined ? {} : { scroll: { x } };
}

/** One row of a phone list: its lines one under another, the full width of the phone. */
export function PhoneItem({ children }: { children: ReactNode }) {
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {children}
    </Space>
  );
}

/** A short line of fields under the name, in small grey text. */
export function PhoneLine({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}

/** The state tags (or buttons) of an item, wrapping on the phone's width. */
export function PhoneTags({ children }: { children: ReactNode }) {
  return (
    <Space wrap size={[4, 4]} style={{ display: 'flex' }}>
      {children}
    </Space>
  );
}

/** What stackColumns reads of a table column (an antd column fits). */
interface Stackable<T> {
  key?: Key;
  title?: unknown;
  dataIndex?: unknown;
  render?(value: unknown, row: T, index: number): unknown;
}

const cellOf = <T,>(column: Stackable<T>, row: T, index: number) => {
  const value =
    typeof column.dataIndex === 'string' ? (row as Record<string, unknown>)[column.dataIndex] : undefined;
  return (column.render ? column.render(value, row, index) : value) as ReactNode;
};

/**
 * The columns of an editing table folded into the one column of a phone list: the first column's cell
 * first, then each other column's title and cell on a line of their own (a column with no title, such
 * as a delete button, without a label).
 */
export function stackColumns<T>(columns: readonly Stackable<T>[]) {
  const [first, ...rest] = columns;
  if (!first) return [];
  return [
    {
      title: first.title as ReactNode,
      key: first.key ?? 'first',
      render: (_: unknown, row: T, index: number) => (
        <PhoneItem>
          {cellOf(first, row, index)}
          {rest.map((column) => (
            <div
              key={String(column.key)}
              style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}
            >
              {typeof column.title === 'string' && column.title && (
                <Typography.Text type="secondary">{column.title}</Typography.Text>
              )}
              {cellOf(column, row, index)}
            </div>
          ))}
        </PhoneItem>
      ),
    },
  ];
}
