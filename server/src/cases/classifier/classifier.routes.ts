// The dispatcher's classifier as an administered resource: its stored versions and a retraining.
// The model learns from the closed cases of the whole city, so only the city's administrators retrain it
// (permission case:train_classifier, and a city-level scope).
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/handle.ts';
import { forbidden } from '../../platform/errors/errors.ts';
import { route } from '../../platform/http/route.ts';
import { orgLevel } from './classifier.repository.ts';
import * as responses from './classifier-responses.ts';
import { classifierVersions, saveClassifier, useClassifier } from './classifier-store.ts';
import { trainFromCases, trainingSummary } from './classifier-training.ts';

async function requireCityScope(db: Db, actor: Actor): Promise<void> {
  if ((await orgLevel(db, actor.scopeOrgId)) !== 'city') {
    throw forbidden(
      'CLASSIFIER_CITY_ONLY',
      '分类模型由全市的结案案件训练，只有市级管理员可以重新训练。',
      'The classifier learns from the whole city’s closed cases: only a city administrator retrains it.',
    );
  }
}

export const classifierRoutes = [
  route({
    method: 'GET',
    url: '/api/case-classifier',
    access: 'case:train_classifier',
    summary: '案件分类模型的版本与准确率 / The case classifier’s versions and accuracy',
    tags: ['cases'],
    response: { 200: responses.getCaseClassifier },
    async handler({ db }) {
      return { items: await classifierVersions(db) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/case-classifier/train',
    access: 'case:train_classifier',
    summary: '用结案案件重新训练分类模型 / Retrain the case classifier from closed cases',
    tags: ['cases'],
    response: { 201: responses.postCaseClassifierTrain },
    async handler({ db, actor, write, reply }) {
      await requireCityScope(db, actor);
      // reading and fitting happen outside the transaction; only the new version is written in it
      const trained = await trainFromCases(db, actor.username);
      const info = await write(async (trx, audit) => {
        const saved = await saveClassifier(trx, trained);
        await audit({
          action: 'case.classifier_train',
          targetType: 'case_classifier',
          targetId: saved.version,
          after: {
            version: saved.version,
            sampleCount: saved.sampleCount,
            accuracy: saved.accuracy,
            departmentAccuracy: saved.departmentAccuracy,
          },
        });
        return saved;
      });
      useClassifier(db, { info, model: trained.model });
      reply.status(201);
      return trainingSummary(info, trained);
    },
  }),
];
