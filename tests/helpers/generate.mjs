// Generates a large, valid zh-CN campaign for the benchmarks: `groups` group folders, each with
// record files of ten documents, in a realistic mix of kinds. Seeded, so every run measures
// the same files. Not a *.bench.mjs itself; the benches import it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文斌宇浩凯健俊帆帅旭宁龙林欣';
const PLACES = ['幸福社区', '红星社区', '北山村', '西关镇', '东城街道', '南湖社区', '柳树村', '河湾村', '新华街道', '光明社区'];
const CONTENTS = [
  '会议太多，表格太多，基层干部疲于应付，真正下村入户的时间少。',
  '窗口工作人员态度生硬，群众办事多次往返，材料要求不一次性告知。',
  '法律援助申请审批时间长，希望简化流程，缩短办理时限。',
  '社区矫正对象就业难，希望帮助联系就业岗位和技能培训。',
  '人民调解员补贴偏低，工作积极性受影响，希望提高待遇。',
  '普法宣传形式单一，发资料多、讲案例少，群众参与不高。',
  '个别干部下基层走过场，拍照留痕多，解决问题少。',
  '公共法律服务站点开放时间与群众作息不符，周末无人值守。',
];
// For `alike` campaigns: an opinion is put together from four parts of twenty choices each
// (who raised it, the problem, what it leads to, what is asked), so that, as in a real
// province, many opinions are alike: the same problem and consequence heard in other words.
const OPENERS = [
  '群众反映',
  '有人提出',
  '居民说',
  '村民反映',
  '干部反映',
  '据反映',
  '座谈中提到',
  '走访时听到',
  '老党员说',
  '代表提出',
  '委员建议',
  '职工反映',
  '商户反映',
  '家长反映',
  '老人说',
  '青年反映',
  '网格员说',
  '调解员说',
  '律师反映',
  '志愿者说',
];
const PROBLEMS = [
  '会议太多表格太多基层干部疲于应付真正下村入户的时间少',
  '窗口工作人员态度生硬群众办事多次往返材料不一次性告知',
  '法律援助申请审批时间长流程复杂群众等不起也耗不起',
  '社区矫正对象就业难缺少岗位信息和技能培训的渠道',
  '人民调解员补贴偏低工作任务重积极性受到明显影响',
  '普法宣传形式单一发资料多讲案例少群众参与热情不高',
  '个别干部下基层走过场拍照留痕多解决实际问题少',
  '公共法律服务站点开放时间与群众作息不符周末无人值守',
  '矛盾纠纷排查不及时小问题拖成大问题激化后才介入',
  '信访事项办理进度不透明群众不知道问题办到了哪一步',
  '基层司法所人员不足一人多岗业务骨干流失比较严重',
  '安置帮教工作衔接不紧刑满释放人员回归社会困难多',
  '村法律顾问服务次数少村民遇到纠纷找不到人咨询',
  '行政执法程序不规范执法人员说话随意群众意见较大',
  '公证办理收费标准不清楚群众担心被多收费不敢去办',
  '法律服务热线经常占线晚上和节假日打不进去没人接',
  '涉法涉诉案件化解慢当事人反复上访影响基层稳定',
  '基层调解组织台账多检查多真正调解的精力被分散',
  '外出务工人员讨薪难维权渠道不清楚法律援助不好找',
  '老旧小区物业纠纷多业委会难成立矛盾长期得不到解决',
];
const EFFECTS = [
  '群众意见大对机关作风评价不高',
  '影响了党群干群关系和政府形象',
  '一些群众因此对法律失去信心',
  '基层工作人员压力大思想有波动',
  '群众获得感不强满意度有所下降',
  '小纠纷容易演变成群体性事件',
  '困难群众的合法权益得不到保障',
  '基层治理的效果打了不少折扣',
  '群众反复跑腿增加了不少负担',
  '干部群众之间的距离越来越远',
  '有的问题拖了一两年还没解决',
  '群众只好越级上访或者网上投诉',
  '工作成效难以真正落到实处',
  '一些好政策在基层落不了地',
  '群众对整改工作持观望态度',
  '社会矛盾在基层不断积累',
  '基层队伍的稳定受到影响',
  '群众办事成本明显增加',
  '法治宣传的效果不够明显',
  '部门之间互相推诿扯皮',
];
const ASKS = [
  '希望尽快改进',
  '建议认真研究',
  '请领导重视',
  '希望抓紧解决',
  '盼早日整改',
  '建议加强督查',
  '希望有回音',
  '请予以关注',
  '建议限期办结',
  '希望多听民声',
  '请及时反馈',
  '建议建立长效机制',
  '希望落到实处',
  '请加强指导',
  '建议增加投入',
  '希望简化程序',
  '请明确责任',
  '建议公开进度',
  '希望常来走访',
  '请帮助协调',
];
const CATEGORIES = [
  '形式主义',
  '官僚主义',
  '享乐主义',
  '奢靡之风',
  '政治纪律和八项规定',
  '群众切身利益',
  '联系服务群众“最后一公里”',
  '一般性意见',
];
const CHANNELS = ['当面', '座谈', '当面', '座谈', '电话', '书面'];
const SOURCES = ['群众', '基层党员干部', '离退休老同志', '两代表一委员', '下属单位', '服务对象', '低收入家庭', '空巢老人'];

/** A small deterministic generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function idCheck(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
  return '10X98765432'[s % 11];
}

/**
 * Writes the campaign and returns its counts. `mix` gives, per visit, how many records of each
 * other kind follow it (defaults: 6 opinions, 1 info, and one card of each kind every 3rd visit).
 */
export function generateCampaign(
  dir,
  { groups = 200, records = 100_000, mix = { opinion: 6, info: 1, card: 1 / 3 }, seed = 42, alike = false } = {},
) {
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const name = () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '');
  const date = () => `2014-${rand() < 0.5 ? '04' : '05'}-${String(10 + Math.floor(rand() * 12)).padStart(2, '0')}`;
  // What each speaker adds in their own words: as varied as real opinions are, so the
  // duplicate detector sees a realistic rate of near-identical texts (almost none).
  const detail = () =>
    Array.from({ length: 12 + Math.floor(rand() * 10) }, () => String.fromCodePoint(0x4e00 + Math.floor(rand() * 3000))).join('');
  const content = () => (alike ? `${pick(OPENERS)}，${pick(PROBLEMS)}，${pick(EFFECTS)}，${pick(ASKS)}。` : `${pick(CONTENTS)}${detail()}`);
  const phone = () => `1${pick('3578')}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`;
  const idNumber = () => {
    const first17 = `110101${1940 + Math.floor(rand() * 50)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(10 + Math.floor(rand() * 18))}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
    return first17 + idCheck(first17);
  };

  const members = Array.from({ length: groups }, () => Array.from({ length: 5 }, name).filter((v, i, a) => a.indexOf(v) === i));
  let y = `kind: campaign\ntitle: 下基层听意见主题活动（基准测试）\nunit: 河东区司法局\nlocale: zh-CN\nperiod: { start: 2014-04-08, end: 2014-05-31 }\ndeadlines: { groups: 2014-05-22, report: 2014-05-25 }\ngroups:\n`;
  for (let g = 0; g < groups; g++) {
    const ms = members[g];
    y += `  - id: g${g + 1}\n    name: 第${g + 1}组\n    type: 工作组\n    leader: ${ms[0]}\n    members:\n`;
    ms.forEach((m, i) => (y += `      - { name: ${m}${i === 0 ? ', leading: true' : ''} }\n`));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'ledger.yaml'), y);

  const perGroup = Math.ceil(records / groups);
  const counts = { visit: 0, opinion: 0, info: 0, appeal: 0, stability: 0, hardship: 0, files: 0 };
  let total = 0;
  for (let g = 0; g < groups; g++) {
    const gd = path.join(dir, 'groups', `g${g + 1}`);
    mkdirSync(gd, { recursive: true });
    writeFileSync(path.join(gd, 'summary.md'), `# 第${g + 1}组工作总结\n\n本组按照活动方案开展下基层听意见活动。\n`);
    const ms = members[g];
    const docs = [];
    let n = 0;
    let v = 0;
    let cardTurn = 0;
    while (n < perGroup && total < records) {
      v++;
      const vid = `v${v}`;
      const d = date();
      docs.push(
        `kind: visit\nid: ${vid}\ndate: ${d}\nplace: ${pick(PLACES)}\npattern: 下基层\nmethods: [座谈会, 入户走访]\nled_by: ${ms[0]}\nparticipants: [${ms.slice(0, 3).join(', ')}]\naudiences:\n  - { kind: 群众, count: ${5 + Math.floor(rand() * 30)} }\n  - { kind: ${pick(SOURCES)}, count: ${1 + Math.floor(rand() * 10)} }\nalso: [送温暖]\n`,
      );
      n++;
      const follow = [];
      for (let i = 0; i < mix.opinion; i++) follow.push('opinion');
      for (let i = 0; i < mix.info; i++) follow.push('info');
      cardTurn += mix.card;
      while (cardTurn >= 1) {
        follow.push('appeal', 'stability', 'hardship');
        cardTurn--;
      }
      let k = 0;
      for (const kind of follow) {
        if (n >= perGroup || total + n >= records) break;
        k++;
        const id = `${kind[0]}${v}-${k}`;
        if (kind === 'opinion') {
          docs.push(
            `kind: opinion\nid: ${id}\ndate: ${d}\nvisit: ${vid}\nchannel: ${pick(CHANNELS)}\ncollected_by: ${ms[1]}\nsource: { kind: ${pick(SOURCES)}, name: ${name()}, phone: "${phone()}" }\ncategory: ${pick(CATEGORIES)}\nabout: 领导班子\ncontent: ${content()}\nrectification:\n  measure: 制定整改清单，明确责任和时限，按期办结并反馈。\n  responsible: 办公室\n  due: 2014-06-30\n  status: ${rand() < 0.5 ? '已完成\n  done_on: 2014-05-20\n  feedback: true' : '整改中'}\n`,
          );
        } else if (kind === 'info') {
          docs.push(
            `kind: info\nid: ${id}\ndate: ${d}\nvisit: ${vid}\nplace: ${pick(PLACES)}\ninformant: { name: ${name()}, kind: 群众, phone: "${phone()}" }\ntopic: 就业\ncontent: 厂房关停后约二十名青年待业，希望提供就业信息。\nhandling: { action: 转街道就业服务站, by: ${ms[1]}, status: 已转办 }\n`,
          );
        } else if (kind === 'appeal') {
          docs.push(
            `kind: appeal\nid: ${id}\ndate: ${d}\nvisit: ${vid}\nappellant: { name: ${name()}, id_number: "${idNumber()}", phone: "${phone()}", address: ${pick(PLACES)}${1 + Math.floor(rand() * 30)}号 }\ntopic: 社会保障\ncontent: 养老金三个月未发放。\nhandled_by: 民政办\ndue: 2014-06-20\nstatus: 办理中\n`,
          );
        } else if (kind === 'stability') {
          docs.push(
            `kind: stability\nid: ${id}\ndate: ${d}\nvisit: ${vid}\nsubject: 两户宅基地边界纠纷\nparties: [{ name: ${name()}, phone: "${phone()}" }, { name: ${name()} }]\ntype: 邻里\nrisk: 中\ncontent: 双方因院墙位置发生争执。\nmeasures: 司法所组织人民调解。\nresponsible: 东城司法所\nstatus: 调解中\n`,
          );
        } else {
          docs.push(
            `kind: hardship\nid: ${id}\ndate: ${d}\nvisit: ${vid}\nperson: { name: ${name()}, gender: 女, id_number: "${idNumber()}", address: ${pick(PLACES)} }\nhousehold: 1\ncategories: [空巢老人]\nsituation: 独居，患糖尿病，子女在外省工作。\nneeds: 定期探望，协助申请低保。\nassistance: [{ date: ${d}, by: ${ms[1]}, what: 送米面油，代办低保申请 }]\npaired_cadre: ${ms[1]}\n`,
          );
        }
        counts[kind]++;
        n++;
      }
      counts.visit++;
    }
    total += n;
    for (let f = 0; f * 10 < docs.length; f++) {
      writeFileSync(path.join(gd, `records-${String(f + 1).padStart(4, '0')}.yaml`), docs.slice(f * 10, f * 10 + 10).join('---\n'));
      counts.files++;
    }
  }
  return { ...counts, records: total };
}

// `node tests/helpers/generate.mjs DIR [records] [groups] [alike]` for trying things by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, records = '100000', groups = '200', alike] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node tests/helpers/generate.mjs DIR [records] [groups] [alike]');
    process.exit(2);
  }
  console.log(generateCampaign(dir, { records: Number(records), groups: Number(groups), alike: alike === 'alike' }));
}
