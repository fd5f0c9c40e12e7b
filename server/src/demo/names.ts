// Synthetic Chinese names and plausible unit names. Jiangmen is Cantonese: 陈 李 黄 梁 谭 关 司徒 are
// common surnames there. Every person is invented; unit names are generic.
import type { Rng } from './random.ts';

const SURNAMES: [string, number][] = [
  ['陈', 14],
  ['李', 9],
  ['黄', 9],
  ['梁', 8],
  ['张', 5],
  ['吴', 5],
  ['谭', 5],
  ['关', 4],
  ['司徒', 3],
  ['林', 4],
  ['刘', 4],
  ['何', 4],
  ['余', 3],
  ['邓', 3],
  ['冯', 3],
  ['甄', 2],
  ['伍', 3],
  ['区', 1],
  ['周', 2],
  ['朱', 2],
  ['郑', 2],
  ['罗', 2],
  ['许', 2],
  ['麦', 2],
  ['胡', 2],
  ['钟', 2],
  ['莫', 2],
  ['苏', 2],
  ['杨', 2],
  ['潘', 2],
  ['容', 1],
  ['温', 1],
  ['赵', 2],
  ['叶', 2],
  ['方', 1],
  ['邝', 1],
  ['雷', 1],
  ['卢', 2],
  ['源', 1],
  ['汤', 1],
  ['曾', 1],
  ['唐', 1],
  ['袁', 1],
  ['马', 1],
  ['王', 3],
  ['简', 1],
  ['阮', 1],
  ['岑', 1],
  ['欧阳', 1],
];
const SURNAME_LIST = SURNAMES.map((s) => s[0]);
const SURNAME_WEIGHTS = SURNAMES.map((s) => s[1]);

const MALE = Array.from(
  '伟强军华明建国志勇杰俊斌海波涛辉峰荣锦文浩宇健森永坚耀炳灿棠德良伦东广新成家宏振彬锐',
);
const FEMALE = Array.from('丽芳敏燕红玲霞娟秀英美婷慧琼欣颖洁琳雪莹玉凤兰妍静晓嘉咏诗淑翠萍珊倩');
const COMMON = Array.from('子少冠永振国卓嘉家伟文宝瑞思晓');

export function personName(rng: Rng, gender: 'male' | 'female'): string {
  const surname = rng.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
  const pool = gender === 'male' ? MALE : FEMALE;
  const single = surname.length === 2 ? rng.chance(0.5) : rng.chance(0.15);
  if (single) return surname + rng.pick(pool);
  const first = rng.chance(0.3) ? rng.pick(COMMON) : rng.pick(pool);
  return surname + first + rng.pick(pool);
}

const PREFIXES = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '159',
  '158',
  '150',
  '188',
  '187',
  '189',
  '180',
  '133',
  '177',
  '199',
  '186',
  '185',
  '176',
  '153',
  '155',
];

export function mobilePhone(rng: Rng): string {
  return rng.pick(PREFIXES) + String(rng.int(0, 99999999)).padStart(8, '0');
}

export const AGENCIES = [
  '市委办公室',
  '市政府办公室',
  '市纪委监委机关',
  '市委组织部',
  '市委宣传部',
  '市委统战部',
  '市委政法委',
  '市委政策研究室',
  '市发展和改革局',
  '市教育局',
  '市科学技术局',
  '市工业和信息化局',
  '市公安局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人力资源和社会保障局',
  '市自然资源局',
  '市生态环境局',
  '市住房和城乡建设局',
  '市交通运输局',
  '市水利局',
  '市农业农村局',
  '市商务局',
  '市文化广电旅游体育局',
  '市退役军人事务局',
  '市应急管理局',
  '市审计局',
  '市市场监督管理局',
  '市统计局',
  '市政务服务数据管理局',
  '市外事侨务局',
];

export const STATE_ENTERPRISES = [
  '江门市交通建设投资集团有限公司',
  '江门市城市建设投资集团有限公司',
  '江门市水利投资集团有限公司',
  '江门市公用事业集团有限公司',
  '江门市粮食储备集团有限公司',
  '江门市文化旅游投资集团有限公司',
  '江门市产业投资集团有限公司',
  '江门市公共交通集团有限公司',
  '江门市供销合作集团有限公司',
  '江门市港航投资集团有限公司',
];

export const SCHOOLS = [
  '江门市第一中学',
  '江门市第二中学',
  '江门市第三中学',
  '江门市第四中学',
  '江门市实验中学',
  '江门市实验小学',
  '江门市第一职业高级中学',
  '江门市第二职业高级中学',
  '江门市外国语学校',
  '江门市特殊教育学校',
];

export const HOSPITALS = [
  '江门市中心医院',
  '江门市人民医院',
  '江门市五邑中医院',
  '江门市妇幼保健院',
  '江门市第三人民医院',
  '江门市疾病预防控制中心',
  '江门市皮肤医院',
  '江门市口腔医院',
];

const FIRM_WORDS = Array.from('华恒新联金鸿海信创宏达盛源嘉泰丰隆兴裕德粤侨邑');
const FIRM_TRADES = [
  '电子科技',
  '五金制品',
  '摩托车配件',
  '食品',
  '纺织',
  '智能装备',
  '新材料',
  '物流',
  '电器',
  '建材',
  '印刷包装',
  '水暖卫浴',
  '照明',
  '不锈钢制品',
  '软件',
  '精密机械',
];
const ASSOCIATIONS = [
  '物流行业协会',
  '律师协会',
  '社会工作协会',
  '电子商务协会',
  '餐饮行业协会',
  '建筑业协会',
  '家居用品协会',
  '青年企业家协会',
  '侨商会',
  '五金行业协会',
];

export interface NewOrgUnit {
  name: string;
  /** 91 company, 51 social association: the first two characters of the USCC. */
  usccPrefix: string;
}

/** `count` distinct new economic / social organizations: about three in four companies. */
export function newOrgUnits(rng: Rng, count: number): NewOrgUnit[] {
  const seen = new Set<string>();
  const units: NewOrgUnit[] = [];
  let assoc = 0;
  while (units.length < count) {
    if (units.length % 4 === 3 && assoc < ASSOCIATIONS.length) {
      units.push({ name: `江门市${ASSOCIATIONS[assoc++]}`, usccPrefix: '51' });
      continue;
    }
    const name = `江门市${rng.pick(FIRM_WORDS)}${rng.pick(FIRM_WORDS)}${rng.pick(FIRM_TRADES)}有限公司`;
    if (seen.has(name) || name.includes(`${name[3]}${name[3]}`)) continue;
    seen.add(name);
    units.push({ name, usccPrefix: '91' });
  }
  return units;
}

export const INDUSTRY_COMMITTEES: { name: string; short: string; units: string[]; joint: boolean }[] = [
  {
    name: '中共江门市交通运输行业委员会',
    short: '交通运输行业党委',
    units: [
      '江门市公共汽车运输公司',
      '江门市出租汽车联合',
      '江门市货运物流企业联合',
      '江门市驾驶培训行业联合',
    ],
    joint: false,
  },
  {
    name: '中共江门市物业服务行业委员会',
    short: '物业服务行业党委',
    units: [
      '蓬江区物业服务企业联合',
      '江海区物业服务企业联合',
      '新会区物业服务企业联合',
      '江门市物业管理协会',
    ],
    joint: true,
  },
  {
    name: '中共江门市外卖送餐行业委员会',
    short: '外卖送餐行业党委',
    units: ['蓬江区外卖骑手', '江海区外卖骑手', '新会区外卖骑手', '台山市外卖骑手'],
    joint: true,
  },
];

const CHAIN_TOWNS = ['会城', '双水', '三江', '崖门', '沙堆', '古井', '睦洲', '大鳌', '大泽', '司前', '罗坑'];
const CHAIN_KINDS = ['陈皮专业合作社', '陈皮有限公司', '柑茶有限公司', '陈皮种植基地', '陈皮电商服务中心'];

/** The 34 (or `count`) units of the 新会陈皮 industrial chain. */
export function chainUnits(count: number): string[] {
  const units: string[] = [];
  for (let i = 0; units.length < count; i++) {
    const town = CHAIN_TOWNS[i % CHAIN_TOWNS.length] as string;
    const kind = CHAIN_KINDS[Math.floor(i / CHAIN_TOWNS.length) % CHAIN_KINDS.length] as string;
    units.push(`新会${town}${kind}`);
  }
  return units;
}
