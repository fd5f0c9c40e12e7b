// Response schemas of classifier.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schemas.ts';

export const ClassifierInfo = Type.Object({
  version: Type.Number(),
  trainedAt: Type.String({ format: 'date-time' }),
  trainedBy: Type.String(),
  sampleCount: Type.Number(),
  holdoutCount: Type.Number(),
  accuracy: Nullable(Type.Number()),
  top3Accuracy: Nullable(Type.Number()),
  departmentAccuracy: Nullable(Type.Number()),
  trainingMs: Type.Number(),
});

/** GET /api/case-classifier */
export const getCaseClassifier = Type.Object({
  items: Type.Array(ClassifierInfo),
});

/** POST /api/case-classifier/train */
export const postCaseClassifierTrain = Type.Composite([
  Type.Object({
    readMs: Type.Number(),
    featureMs: Type.Number(),
    fitMs: Type.Number(),
    categories: Type.Number(),
    departmentKinds: Type.Number(),
    features: Type.Number(),
  }),
  ClassifierInfo,
]);
