// A table as a one-column list on a phone (qj-phone-list, app-layout.css): each row is one item, its main
// name first, then its fields on short lines, then its state tags and actions. The desktop keeps its columns
// and its scroll width.
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The table props for a phone list on a phone, and the desktop scroll width otherwise. */
export function phoneListProps(phone: boolean, x: number | string) {
  return phone ? { tableLayout: 'fixed' as const, className: 'qj-phone-list' } : { scroll: { x } };
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
