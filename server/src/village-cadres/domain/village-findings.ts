// What a village's cadre records should show (RULES §10), pure: the secretary's post vacant, the
// term of the two committees due or overdue for 换届, too few women among the representatives, too
// few reserve cadres. Each finding names its rule, the figures and what to do.
import type { TermState } from './election-rules.ts';

export interface VillageCadreFacts {
  secretary: { name: string } | null;
  /** since when the secretary's post has been empty (the last holder left) */
  vacantSince: string | null;
  oneShoulder: boolean;
  term: { electedOn: string; endsOn: string; state: TermState } | null;
  representatives: { total: number; women: number };
  reserves: number;
}

export interface CadreFinding {
  code: string;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
}

export function villageFindings(
  f: VillageCadreFacts,
  s: { reserveTarget: number; representativeWomenShare: { num: number; den: number } },
): CadreFinding[] {
  const out: CadreFinding[] = [];
  if (!f.secretary)
    out.push({
      code: 'CADRE_SECRETARY_VACANT',
      severity: 'error',
      zh: `村党组织书记空缺${f.vacantSince ? `（${f.vacantSince} 起）` : ''}：请及时选任或由上级党组织派任。`,
      en: `The party secretary's post is vacant${f.vacantSince ? ` since ${f.vacantSince}` : ''}: fill it.`,
    });
  if (f.term?.state === 'overdue')
    out.push({
      code: 'CADRE_TERM_OVERDUE',
      severity: 'error',
      zh: `本届 ${f.term.electedOn} 选举，任期已于 ${f.term.endsOn} 届满：应按县（市、区）换届计划尽快换届。`,
      en: `The term elected ${f.term.electedOn} ended ${f.term.endsOn}: hold the election.`,
    });
  else if (f.term?.state === 'due')
    out.push({
      code: 'CADRE_TERM_DUE',
      severity: 'warning',
      zh: `任期将于 ${f.term.endsOn} 届满：请做好换届准备和候选人资格联审。`,
      en: `The term ends ${f.term.endsOn}: prepare the election and the joint review.`,
    });
  const { num, den } = s.representativeWomenShare;
  if (f.representatives.total > 0 && f.representatives.women * den < num * f.representatives.total)
    out.push({
      code: 'CADRE_REPRESENTATIVES_WOMEN',
      severity: 'warning',
      zh: `村民代表中妇女应占 ${num}/${den} 以上：现有代表 ${f.representatives.total} 名，妇女 ${f.representatives.women} 名。`,
      en: `Women should be at least ${num}/${den} of the representatives: ${f.representatives.women} of ${f.representatives.total}.`,
    });
  if (f.reserves < s.reserveTarget)
    out.push({
      code: 'CADRE_RESERVES_BELOW_TARGET',
      severity: 'warning',
      zh: `后备干部应不少于 ${s.reserveTarget} 名，现有 ${f.reserves} 名：请物色培养。`,
      en: `At least ${s.reserveTarget} reserve cadres are expected; there are ${f.reserves}.`,
    });
  return out;
}
