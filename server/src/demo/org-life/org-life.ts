// The demo's organizational life, dated up to the seeding day (issue 11): meetings and the monthly
// checklists, dues, training, recruitment at every stage, transfers and mobile members, the grid
// workers' patrols of the last four weeks, and the notices of the last days. Each part in its own file; this runs them in order and reports the counts.
import { seedChecklists } from './checklist-demo.ts';
import { dropContext, type OrgLifeOptions, prepareContext, type Tx } from './context.ts';
import { seedDues } from './dues-demo.ts';
import { seedMeetings } from './meeting-demo.ts';
import { seedNotifications } from './notification-demo.ts';
import { seedPatrols } from './patrol-demo.ts';
import { seedRecruitment } from './recruitment-demo.ts';
import { seedTraining } from './training-demo.ts';
import { seedTransfers } from './transfer-demo.ts';

export interface OrgLifeSummary {
  orgs: number;
  meetings: number;
  attendance: number;
  checklistTasks: number;
  duesPayments: number;
  trainingClasses: number;
  trainingAttendance: number;
  recruitments: number;
  transfers: number;
  mobileMembers: number;
  patrols: number;
  patrolCheckins: number;
  notifications: number;
  ms: Record<string, number>;
}

export async function seedOrgLife(
  tx: Tx,
  options: OrgLifeOptions & {
    onProgress?: (part: string, done: number, total: number) => void;
    /** the grid workers' patrols (default true) */
    patrols?: boolean;
  },
): Promise<OrgLifeSummary> {
  const ms: Record<string, number> = {};
  const parts = [
    'context',
    'meetings',
    'checklists',
    'dues',
    'training',
    'recruitment',
    'transfers',
    'patrols',
    'notifications',
  ];
  let done = 0;
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const out = await run();
    ms[name] = Math.round(performance.now() - started);
    options.onProgress?.('org life', ++done, parts.length);
    return out;
  };
  const ctx = await timed('context', () => prepareContext(tx, options));
  const meetings = await timed('meetings', () => seedMeetings(tx, ctx));
  const checklists = await timed('checklists', () => seedChecklists(tx, ctx));
  const dues = await timed('dues', () => seedDues(tx, ctx));
  const training = await timed('training', () => seedTraining(tx, ctx));
  const recruitment = await timed('recruitment', () => seedRecruitment(tx, ctx));
  const transfers = await timed('transfers', () => seedTransfers(tx, ctx));
  const patrols = await timed('patrols', () =>
    options.patrols === false ? Promise.resolve({ patrols: 0, checkins: 0 }) : seedPatrols(tx, ctx),
  );
  const notices = await timed('notifications', () => seedNotifications(tx, ctx));
  await dropContext(tx);
  return {
    orgs: ctx.orgs,
    meetings: meetings.meetings,
    attendance: meetings.attendance,
    checklistTasks: checklists.tasks,
    duesPayments: dues.payments,
    trainingClasses: training.classes,
    trainingAttendance: training.attendance,
    recruitments: recruitment.recruitments,
    transfers: transfers.transfers,
    mobileMembers: transfers.mobile,
    patrols: patrols.patrols,
    patrolCheckins: patrols.checkins,
    notifications: notices.notifications,
    ms,
  };
}
