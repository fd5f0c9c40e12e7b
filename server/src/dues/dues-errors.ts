// The dues capability's errors: each with a stable code and a message in Chinese and English.
import { badRequest, forbidden, unprocessable } from '../platform/errors/errors.ts';

export const duesErrors = {
  badMonth: (field: string, value: string) =>
    badRequest(
      'DUES_MONTH_INVALID',
      `月份 ${value} 无效，请按 YYYY-MM 填写。`,
      `The month ${value} is not valid: use YYYY-MM.`,
      {
        field,
        value,
      },
    ),
  badBase: (value: number) =>
    unprocessable(
      'DUES_BASE_INVALID',
      `党费基数 ${value} 分无效：应为不小于 0 的整数（单位：分）。`,
      `The dues base ${value} fen is not valid: it must be a whole number of fen, 0 or more.`,
      { value },
    ),
  badPayment: (memberId: number, value: number) =>
    unprocessable(
      'DUES_PAYMENT_INVALID',
      `党员 ${memberId} 的交纳金额 ${value} 分无效：应为大于 0 的整数（单位：分）。`,
      `The payment of ${value} fen for member ${memberId} is not valid: it must be a whole number of fen above 0.`,
      { memberId, value },
    ),
  duplicate: (memberId: number) =>
    badRequest(
      'DUES_PAYMENT_DUPLICATE',
      `党员 ${memberId} 在本次登记中出现了不止一次。`,
      `Member ${memberId} appears more than once.`,
      {
        memberId,
      },
    ),
  notInBranch: (memberIds: number[], orgName: string) =>
    unprocessable(
      'DUES_MEMBER_NOT_IN_BRANCH',
      `有 ${memberIds.length} 人不是 ${orgName} 的党员（编号 ${memberIds.join('、')}），只能登记本支部党员的党费。`,
      `${memberIds.length} member(s) are not members of ${orgName} (ids ${memberIds.join(', ')}): record only the branch's members.`,
      { memberIds },
    ),
  futureMonth: (month: string, current: string) =>
    unprocessable(
      'DUES_MONTH_FUTURE',
      `${month} 晚于本月（${current}），不能预先登记。`,
      `${month} is after this month (${current}): payments cannot be recorded in advance.`,
      { month, current },
    ),
  rateTable: (problem: string) =>
    unprocessable(
      'DUES_RATE_TABLE_INVALID',
      `党费比例表有误（${problem}）：档次须按上限递增，最后一档不设上限，比例为 0–10000 个基点。`,
      `The rate table is not valid (${problem}): brackets ascend, the last has no limit, rates are 0–10000 basis points.`,
      { problem },
    ),
  cityOnly: () =>
    forbidden(
      'DUES_RATES_CITY_ONLY',
      '党费比例表只能由市委组织部维护。',
      "Only the city's organization department maintains the dues rate table.",
    ),
};
