// GET /api/cases/suggest: the dispatcher's help before filing (server/src/cases/classifier/).
import { api } from '../api/client.ts';

export interface SuggestedCategory {
  code: string;
  name: string;
  className: string | null;
  probability: number;
}

export interface SuggestedDepartment {
  id: number;
  name: string;
  kind: string;
  reason: 'category' | 'history';
  probability: number;
}

export interface LikelyDuplicate {
  id: number;
  caseNo: string;
  title: string;
  state: string;
  distanceM: number;
  createdAt: string;
  similarity: number;
  score: number;
}

export interface ClassifierSuggestion {
  source: 'model' | 'keywords';
  model: {
    version: number;
    trainedAt: string;
    sampleCount: number;
    accuracy: number | null;
    holdoutCount?: number;
    top3Accuracy?: number | null;
  } | null;
  categories: SuggestedCategory[];
  department: SuggestedDepartment | null;
  departments: SuggestedDepartment[];
  duplicateRule: { categoryCodes: string[]; radiusM: number; days: number; minSimilarity: number };
  duplicates: LikelyDuplicate[];
}

export function suggestCase(input: {
  text: string;
  lng?: number | null | undefined;
  lat?: number | null | undefined;
  categoryCode?: string | null | undefined;
  caseId?: number | undefined;
}): Promise<ClassifierSuggestion> {
  return api.get<ClassifierSuggestion>('/api/cases/suggest', {
    text: input.text.slice(0, 2000),
    lng: input.lng ?? undefined,
    lat: input.lat ?? undefined,
    categoryCode: input.categoryCode ?? undefined,
    caseId: input.caseId,
  });
}
