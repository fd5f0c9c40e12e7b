import type { ReactNode } from 'react';

export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="qj-page-title">
      <h2>{title}</h2>
      {extra && <div>{extra}</div>}
    </div>
  );
}

export function formatCount(n: number | null | undefined): string {
  return (n ?? 0).toLocaleString('zh-CN');
}
