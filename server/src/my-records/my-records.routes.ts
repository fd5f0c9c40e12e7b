// "My records" (issue 5 item 8): a member's own membership, meetings, dues and training. Thin: call one
// service function.
import { route } from '../platform/http/route.ts';
import { myRecords } from './my-records.service.ts';
import { getMeRecords } from './my-records-responses.ts';

const TAGS = ['org-checks'];

export const myRecordsRoutes = [
  route({
    method: 'GET',
    url: '/api/me/records',
    access: 'member:self',
    summary:
      '我的档案（党员本人）：组织关系、历史、参加会议 / My records: a member’s own membership and meetings',
    tags: TAGS,
    response: { 200: getMeRecords },
    async handler({ db, actor, audit }) {
      return myRecords(db, actor, audit);
    },
  }),
];
