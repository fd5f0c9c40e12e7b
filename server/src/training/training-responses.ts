// Response schemas of training.routes.ts: what each route sends on success (OpenAPI, and in tests every
// reply is checked against them: platform/http/response-check.ts). Written from the handlers' return types.
import { Type } from '@sinclair/typebox';
import { IdName, Ok } from '../platform/http/code-schemas.ts';
import { Literals, Nullable } from '../platform/http/schemas.ts';

export const TrainingLevelCode = Literals(['city_key', 'county_general', 'grassroots']);

/** A training class: what it is, who runs it, when. */
const TrainingClass = Type.Object({
  id: Type.Number(),
  title: Type.String(),
  level: TrainingLevelCode,
  provider: Type.String(),
  partySchool: Type.Boolean(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  org: IdName,
});

/** GET /api/training/classes */
export const getTrainingClasses = Type.Object({
  items: Type.Array(Type.Composite([TrainingClass, Type.Object({ enrolled: Type.Number() })])),
});

/** POST /api/training/classes */
export const postTrainingClasses = Type.Composite([
  TrainingClass,
  Type.Object({
    sessions: Type.Array(
      Type.Object({
        id: Type.Number(),
        heldOn: Type.String(),
        topic: Type.String(),
        hours: Type.Number(),
      }),
    ),
    enrollments: Type.Array(
      Type.Object({
        id: Type.Number(),
        kind: Literals(['member', 'applicant']),
        personId: Nullable(Type.Number()),
        name: Type.String(),
        hours: Type.Number(),
        days: Type.Number(),
        sessionIds: Type.Array(Type.Number()),
      }),
    ),
  }),
]);

/** GET /api/training/classes/:id */
export const getTrainingClassesById = postTrainingClasses;

/** POST /api/training/classes/:id/sessions */
export const postTrainingClassesByIdSessions = postTrainingClasses;

/** POST /api/training/classes/:id/enrollments */
export const postTrainingClassesByIdEnrollments = postTrainingClasses;

/** POST /api/training/classes/:id/attendance */
export const postTrainingClassesByIdAttendance = postTrainingClasses;

/** GET /api/training/progress */
export const getTrainingProgress = Type.Object({
  year: Type.Number(),
  org: IdName,
  trained: Type.Number(),
  target: Nullable(Type.Number()),
  rate: Nullable(Type.Number()),
  children: Type.Array(
    Type.Object({
      org: IdName,
      trained: Type.Number(),
      target: Nullable(Type.Number()),
      rate: Nullable(Type.Number()),
      members: Type.Number(),
    }),
  ),
});

/** PUT /api/training/targets */
export const putTrainingTargets = Ok;
