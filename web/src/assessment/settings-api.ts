// The assessment settings (GET/PUT /api/assessment/settings, server/src/assessment/domain/
// assessment-settings.ts) and the village categories (GET/PUT /api/assessment/categories), as the
// settings page edits them.
import { api } from '../api/client.ts';
import type { Coded, Named } from './assessment-api.ts';

export type Scoring =
  | { kind: 'linear'; zero: number; full: number }
  | { kind: 'steps'; below: number; steps: { min: number; score: number }[] };

export interface IndicatorDef {
  code: string;
  name: Named;
  source: string;
  unit: string;
  scoring: Scoring;
  description: Named;
}

export interface GradeDef {
  code: string;
  name: Named;
  share: number;
  minScore: number | null;
  annualBonusFen: number;
  monthlyFen: number;
}

export interface AssessmentSettings {
  categories: Coded[];
  indicators: IndicatorDef[];
  sets: Record<string, { indicator: string; weight: number }[]>;
  method: 'forced' | 'threshold';
  distributionGroup: 'category' | 'county';
  grades: GradeDef[];
  appealDays: number;
  categoryOfCommunity: string;
  categoryOfVillage: string;
}

export interface VillageCategories {
  categories: Coded[];
  counts: Record<string, number>;
  total: number;
  page: number;
  pageSize: number;
  items: {
    orgId: number;
    code: string;
    name: string;
    townId: number;
    divisionKind: string;
    category: string;
    classified: boolean;
  }[];
}

export const settingsApi = {
  get: () =>
    api.get<{ settings: AssessmentSettings; defaults: AssessmentSettings }>('/api/assessment/settings'),
  save: (s: AssessmentSettings) => api.put<AssessmentSettings>('/api/assessment/settings', s),
  villages: (q: { q?: string; category?: string; page?: number }) =>
    api.get<VillageCategories>('/api/assessment/categories', { ...q, pageSize: 20 }),
  classify: (items: { orgId: number; category: string }[]) =>
    api.put<{ saved: number }>('/api/assessment/categories', { items }),
};
