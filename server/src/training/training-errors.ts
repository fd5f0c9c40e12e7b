// The training capability's errors: each with a stable code and a message in Chinese and English.
import { badRequest, conflict, unprocessable } from '../platform/errors/errors.ts';

export const trainingErrors = {
  badDate: (field: string, value: string) =>
    badRequest(
      'TRAINING_DATE_INVALID',
      `日期 ${value} 无效，请按 YYYY-MM-DD 填写。`,
      `The date ${value} is not valid: use YYYY-MM-DD.`,
      {
        field,
        value,
      },
    ),
  badPeriod: (startsOn: string, endsOn: string) =>
    unprocessable(
      'TRAINING_PERIOD_INVALID',
      `结束日期 ${endsOn} 早于开始日期 ${startsOn}。`,
      `The end date ${endsOn} is before the start date ${startsOn}.`,
      { startsOn, endsOn },
    ),
  sessionOutside: (heldOn: string, startsOn: string, endsOn: string) =>
    unprocessable(
      'TRAINING_SESSION_OUTSIDE_CLASS',
      `课程日期 ${heldOn} 不在培训班期间（${startsOn} 至 ${endsOn}）内。`,
      `The session date ${heldOn} is outside the class (${startsOn} to ${endsOn}).`,
      { heldOn, startsOn, endsOn },
    ),
  notInScope: (what: 'member' | 'applicant', ids: number[]) =>
    unprocessable(
      'TRAINING_PERSON_NOT_IN_SCOPE',
      `有 ${ids.length} 个${what === 'member' ? '党员' : '入党申请人'}不在本培训班组织单位的范围内（编号 ${ids.join('、')}）。`,
      `${ids.length} ${what}(s) are not within the scope of the class's org (ids ${ids.join(', ')}).`,
      { what, ids },
    ),
  notEnrolled: (ids: number[]) =>
    unprocessable(
      'TRAINING_NOT_ENROLLED',
      `编号 ${ids.join('、')} 不是本培训班的学员，请先报名。`,
      `Enrollment(s) ${ids.join(', ')} do not belong to this class: enroll first.`,
      { ids },
    ),
  hoursAboveSession: (hours: number, max: number) =>
    unprocessable(
      'TRAINING_HOURS_ABOVE_SESSION',
      `登记学时 ${hours} 超过本次课程的学时 ${max}。`,
      `${hours} class hours exceed the session's ${max}.`,
      { hours, max },
    ),
  alreadyRecorded: (ids: number[]) =>
    conflict(
      'TRAINING_ATTENDANCE_EXISTS',
      `本次课程已登记过这些学员的出勤（报名编号 ${ids.join('、')}）。`,
      `Attendance at this session was already recorded for enrollment(s) ${ids.join(', ')}.`,
      { ids },
    ),
};
