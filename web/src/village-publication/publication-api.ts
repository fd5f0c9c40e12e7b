// Types and calls of the 村务公开 API (server/src/village-publication/*.routes.ts).
import { api, download } from '../api/client.ts';

export type ItemState = 'upcoming' | 'due' | 'overdue' | 'on_time' | 'late';

export interface Item {
  id: number;
  org: { id: number; code: string; name: string };
  kind: 'general' | 'finance' | 'major' | 'resolution' | 'result';
  kindName: string;
  period: string;
  title: string;
  dueOn: string;
  publishedOn: string | null;
  state: ItemState;
  content: string;
  place: string;
  photoAttachmentId: number | null;
  photoTakenAt: string | null;
  amountFen: number | null;
  deliberationId: number | null;
  questions: number;
}

export interface Question {
  id: number;
  askerName: string;
  phoneMasked: string | null;
  question: string;
  askedAt: string;
  replyDueOn: string;
  reply: string | null;
  repliedAt: string | null;
  overdue: boolean;
}

export interface ItemDetail extends Item {
  questionList: Question[];
}

export interface QuestionRow extends Question {
  itemId: number;
  itemTitle: string;
  org: { id: number; code: string; name: string };
}

export interface PublicationFigures {
  base: { id: number; code: string; name: string; level: string };
  year: number;
  rows: {
    org: { id: number; code: string; name: string; level: string };
    items: {
      due: number;
      onTime: number;
      late: number;
      overdue: number;
      pending: number;
      complianceRate: number | null;
    };
    questions: { asked: number; onTime: number; late: number; overdue: number; open: number };
  }[];
  totals: {
    items: {
      due: number;
      onTime: number;
      late: number;
      overdue: number;
      pending: number;
      complianceRate: number | null;
    };
    questions: { asked: number; onTime: number; late: number; overdue: number; open: number };
  };
}

export interface PublicVillage {
  village: { code: string; name: string; town: string; county: string };
  officeHolders: { name: string; post: string; postName: string; termStart: string; termEnd: string }[];
  items: {
    id: number;
    kind: string;
    kindName: string;
    title: string;
    publishedOn: string;
    dueOn: string;
    onTime: boolean;
    content: string;
    place: string;
    photoId: number | null;
    photoTakenAt: string | null;
    questions: {
      id: number;
      question: string;
      askedOn: string;
      replyDueOn: string;
      reply: string | null;
      repliedOn: string | null;
      overdue: boolean;
    }[];
  }[];
  decisions: {
    id: number;
    title: string;
    templateName: string;
    categoryName: string;
    resolvedOn: string | null;
    steps: { nameZh: string; heldOn: string }[];
    resolution: { itemId: number; publishedOn: string; content: string } | null;
    result: { itemId: number; publishedOn: string; content: string } | null;
  }[];
}

type Query = Record<string, string | number | boolean | undefined>;

export const publicationApi = {
  list: (q: {
    orgId?: number;
    state?: string;
    kind?: string;
    year?: number;
    q?: string;
    page?: number;
    pageSize?: number;
  }) =>
    api.get<{ items: Item[]; total: number; page: number; pageSize: number }>(
      '/api/publications',
      q as Query,
    ),
  get: (id: number) => api.get<ItemDetail>(`/api/publications/${id}`),
  publish: (
    id: number,
    body: {
      content: string;
      place: string;
      publishedOn?: string;
      photoAttachmentId?: number;
      photoTakenAt?: string;
    },
  ) => api.post<ItemDetail>(`/api/publications/${id}/publish`, body),
  addMajor: (body: { orgId: number; title: string; occurredOn: string; amountFen?: number }) =>
    api.post<{ id: number }>('/api/publications', body),
  questions: (q: { orgId?: number; open?: boolean; overdue?: boolean; page?: number; pageSize?: number }) =>
    api.get<{ items: QuestionRow[]; total: number }>('/api/publication-questions', q as Query),
  reply: (id: number, reply: string) =>
    api.post<{ onTime: boolean }>(`/api/publication-questions/${id}/reply`, { reply }),
  figures: (q: { orgId?: number; year?: number }) =>
    api.get<PublicationFigures>('/api/publication-figures', q as Query),
  exportExcel: (q: Query, name: string) => download('/api/publications.xlsx', q, name),
  upload: (file: File, orgId?: number) =>
    api.upload<{ id: number }>('/api/village-attachments', file, { fileName: file.name, orgId }),
  publicVillages: (q: string) =>
    api.get<{ items: { code: string; name: string; town: string; county: string }[] }>(
      '/api/public/villages',
      { q },
    ),
  publicVillage: (code: string) => api.get<PublicVillage>(`/api/public/villages/${code}`),
  ask: (itemId: number, body: { question: string; name?: string; phone?: string }) =>
    api.post<{ id: number; replyDueOn: string; replyWithinDays: number }>(
      `/api/public/publications/${itemId}/questions`,
      body,
    ),
};
