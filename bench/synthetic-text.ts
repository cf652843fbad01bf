/**
 * Procedural plain text for import benchmarks: English paragraphs on a dozen everyday topics with
 * about one paragraph in six in Chinese, from a seeded generator (the same seed gives the same
 * bytes). Names, numbers and word choices vary per sentence, so paragraphs are practically never
 * duplicates of each other (the importer leaves duplicates out).
 */
import { mulberry32 } from '../src/shared/sampling'

interface Topic {
  nouns: string[]
  verbs: string[]
  adjectives: string[]
  places: string[]
}

const TOPICS: Topic[] = [
  { nouns: ['garden', 'seedling', 'compost heap', 'tomato plant', 'watering can', 'hedge', 'greenhouse', 'soil'], verbs: ['prunes', 'waters', 'plants', 'checks', 'measures'], adjectives: ['damp', 'leafy', 'sunny', 'sheltered', 'overgrown'], places: ['the allotment', 'the back yard', 'the community garden'] },
  { nouns: ['train', 'timetable', 'platform', 'ticket', 'signal box', 'carriage', 'station clock', 'junction'], verbs: ['boards', 'misses', 'waits for', 'photographs', 'describes'], adjectives: ['late', 'crowded', 'quiet', 'early', 'rattling'], places: ['the northern line', 'the coastal route', 'the old depot'] },
  { nouns: ['recipe', 'oven', 'loaf', 'soup', 'spice jar', 'frying pan', 'dough', 'kettle'], verbs: ['stirs', 'bakes', 'tastes', 'chops', 'seasons'], adjectives: ['warm', 'salty', 'crisp', 'fragrant', 'burnt'], places: ['the small kitchen', 'the café', 'the market stall'] },
  { nouns: ['telescope', 'comet', 'star chart', 'moon', 'nebula', 'planet', 'meteor shower', 'observatory'], verbs: ['observes', 'sketches', 'tracks', 'records', 'explains'], adjectives: ['faint', 'bright', 'distant', 'red', 'blurry'], places: ['the hilltop', 'the roof', 'the dark field'] },
  { nouns: ['violin', 'choir', 'rehearsal', 'melody', 'drum', 'concert hall', 'score', 'chord'], verbs: ['plays', 'tunes', 'hums', 'practises', 'conducts'], adjectives: ['loud', 'gentle', 'out-of-tune', 'lively', 'solemn'], places: ['the village hall', 'the school', 'the cathedral'] },
  { nouns: ['river', 'bridge', 'ferry', 'riverbank', 'heron', 'lock gate', 'current', 'fishing boat'], verbs: ['crosses', 'follows', 'maps', 'paints', 'repairs'], adjectives: ['muddy', 'swollen', 'calm', 'wide', 'shallow'], places: ['the estuary', 'the mill town', 'the valley'] },
  { nouns: ['spreadsheet', 'invoice', 'meeting', 'printer', 'budget', 'deadline', 'report', 'calendar'], verbs: ['reviews', 'prints', 'postpones', 'files', 'rewrites'], adjectives: ['overdue', 'tidy', 'confusing', 'urgent', 'annual'], places: ['the head office', 'the shared desk', 'the basement archive'] },
  { nouns: ['storm', 'forecast', 'cloud', 'rain gauge', 'wind', 'frost', 'thermometer', 'fog bank'], verbs: ['predicts', 'notes', 'waits out', 'reports', 'compares'], adjectives: ['cold', 'humid', 'gusty', 'grey', 'sudden'], places: ['the harbour', 'the moor', 'the airfield'] },
  { nouns: ['museum', 'fossil', 'manuscript', 'coin', 'exhibit', 'map', 'portrait', 'catalogue'], verbs: ['studies', 'labels', 'restores', 'dates', 'borrows'], adjectives: ['ancient', 'fragile', 'rare', 'faded', 'famous'], places: ['the east wing', 'the reading room', 'the storeroom'] },
  { nouns: ['bicycle', 'helmet', 'chain', 'puncture', 'hill climb', 'saddle', 'route', 'tyre'], verbs: ['fixes', 'rides', 'oils', 'pumps', 'plans'], adjectives: ['steep', 'rusty', 'fast', 'muddy', 'borrowed'], places: ['the canal path', 'the mountain pass', 'the ring road'] }
]
const NAMES = ['Ada', 'Bilal', 'Chloe', 'Dmitri', 'Esther', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Keira', 'Luca', 'Mina', 'Noor', 'Oscar', 'Priya', 'Quentin', 'Rosa', 'Sami', 'Tess']
const LINKS = ['Later', 'Meanwhile', 'After a while', 'Surprisingly', 'As usual', 'In the end', 'Before noon', 'By contrast']
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

const ZH = {
  names: ['小明', '王芳', '李雷', '韩梅梅', '张伟', '陈静', '刘洋', '赵敏', '孙丽', '周杰'],
  places: ['图书馆', '火车站', '公园', '厨房', '实验室', '河边', '博物馆', '山顶', '教室', '市场'],
  verbs: ['仔细观察', '认真记录', '慢慢整理', '反复比较', '小心修理', '耐心解释', '快速计算', '随手画出'],
  objects: ['一张旧地图', '几本笔记', '天气预报', '一辆自行车', '新的菜谱', '星空照片', '会议报告', '一首老歌', '河水的流速', '博物馆的展品'],
  times: ['早上', '中午', '傍晚', '深夜', '周末', '下雨的时候', '放学以后'],
  feelings: ['觉得很有意思', '有点累', '非常满意', '还想再试一次', '发现了新的问题', '决定明天继续']
}

/** Picks one element of a non-empty list. */
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T

function englishSentence(rand: () => number, topic: Topic): string {
  const who = pick(rand, NAMES)
  const n = (): string => pick(rand, topic.nouns)
  const a = (): string => pick(rand, topic.adjectives)
  switch (Math.floor(rand() * 6)) {
    case 0:
      return `${who} ${pick(rand, topic.verbs)} the ${a()} ${n()} near ${pick(rand, topic.places)}.`
    case 1:
      return `On ${pick(rand, DAYS)} the ${n()} looked ${a()}, so ${who} wrote ${2 + Math.floor(rand() * 97)} lines about it.`
    case 2:
      return `${pick(rand, LINKS)}, ${who} asked whether the ${n()} and the ${n()} were really as ${a()} as everyone said.`
    case 3:
      return `It took ${1 + Math.floor(rand() * 59)} minutes to reach ${pick(rand, topic.places)}, where a ${a()} ${n()} was waiting.`
    case 4:
      return `"The ${n()} is ${a()} today," said ${who}, pointing at the ${n()}.`
    default:
      return `Nobody expected ${(rand() * 100).toFixed(1)} percent of the ${n()}s in ${pick(rand, topic.places)} to be ${a()}.`
  }
}

function chineseSentence(rand: () => number): string {
  const who = pick(rand, ZH.names)
  switch (Math.floor(rand() * 3)) {
    case 0:
      return `${pick(rand, ZH.times)}，${who}在${pick(rand, ZH.places)}${pick(rand, ZH.verbs)}${pick(rand, ZH.objects)}。`
    case 1:
      return `${who}用了${2 + Math.floor(rand() * 88)}分钟${pick(rand, ZH.verbs)}${pick(rand, ZH.objects)}，${pick(rand, ZH.feelings)}。`
    default:
      return `在${pick(rand, ZH.places)}里，${who}和${pick(rand, ZH.names)}一起讨论${pick(rand, ZH.objects)}，${pick(rand, ZH.feelings)}。`
  }
}

/** One paragraph: 5–12 sentences on one topic, or (one time in six) 4–9 Chinese sentences. */
function paragraph(rand: () => number): string {
  if (rand() < 1 / 6) return Array.from({ length: 4 + Math.floor(rand() * 6) }, () => chineseSentence(rand)).join('')
  const topic = pick(rand, TOPICS)
  return Array.from({ length: 5 + Math.floor(rand() * 8) }, () => englishSentence(rand, topic)).join(' ')
}

/**
 * `files` plain-text documents of about `totalBytes` UTF-8 bytes in all, paragraphs separated by a
 * blank line; each document starts with a title line.
 */
export function syntheticDocuments(totalBytes: number, files: number, seed = 1): { name: string; text: string }[] {
  const rand = mulberry32(seed)
  const per = Math.max(1, Math.floor(totalBytes / files))
  const encoder = new TextEncoder()
  return Array.from({ length: files }, (_, f) => {
    const parts = [`Notebook ${f + 1}: ${pick(rand, TOPICS).nouns[0]} and other things`]
    let bytes = encoder.encode(parts[0]).byteLength
    while (bytes < per) {
      const p = paragraph(rand)
      parts.push(p)
      bytes += encoder.encode(p).byteLength + 2
    }
    return { name: `notebook-${String(f + 1).padStart(2, '0')}.txt`, text: parts.join('\n\n') + '\n' }
  })
}
