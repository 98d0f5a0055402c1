/**
 * Routes a chat message: export, credits, state and upload are done directly by the app; anything else goes
 * to the agent. A message is routed directly only when EVERY word in it belongs to that intent's small
 * vocabulary and at least one word is the intent's trigger. So "export it as a vertical video" is an export,
 * while "fade the music before the export scene" is not: "fade", "music" and "scene" are editing words, and a
 * message that edits must reach the agent. Missing a direct route costs little (the agent answers); a wrong
 * direct route silently drops the person's edit, so the vocabularies are deliberately narrow.
 */
import type { ExportPreset } from './bridge';

export type Intent = 'export' | 'credits' | 'state' | 'upload' | 'agent';
export interface RoutedMessage {
  intent: Intent;
  preset?: ExportPreset;
}

interface IntentRule {
  intent: Exclude<Intent, 'agent'>;
  triggers: readonly string[];
  /** Triggers in scripts without spaces between words, matched as substrings. */
  cjkTriggers: readonly string[];
  vocabulary: readonly string[];
  cjkVocabulary: readonly string[];
  allowNumbers: boolean;
  /** A trigger made of several words ("send me the video"). */
  phraseTrigger?: (words: readonly string[]) => boolean;
}

// Politeness, questions and affirmations that can surround any direct request.
const COMMON_WORDS = [
  'please', 'pls', 'plz', 'can', 'could', 'would', 'will', 'you', 'u', 'ok', 'okay', 'now', 'then', 'and', 'so',
  "let's", 'lets', 'let', 'us', 'i', "i'd", 'id', "i'm", 'im', 'like', 'want', 'wanna', 'need', 'to', 'go', 'ahead',
  'great', 'good', 'looks', 'look', 'perfect', 'nice', 'cool', 'awesome', 'alright', 'all', 'right', 'fine', 'yes',
  'yeah', 'yep', 'sure', 'just', 'time', 'ready', 'we', 'are', 'is', "it's", 'its', 'done', 'hi', 'hey', 'hello',
  'thanks', 'thank', 'thx', 'finally', 'the', 'a', 'an', 'my', 'our', 'me', 'this', 'that', 'it', 'for', 'of', 'do',
  'does', 'how', 'what', "what's", 'whats', 'where', 'am', 'be', 'should', 'away', 'quickly', 'asap', 'again', 'also',
  'already', 'yet', 'current', 'currently', 'there', 'have', 'has', 'got', 'get', 'see', 'show', 'check', 'tell',
];
const COMMON_CJK = [
  '请你', '请', '帮我', '帮忙', '麻烦', '给我', '我要', '我想', '我', '想', '要', '可以', '能不能', '能否', '能', '现在',
  '马上', '直接', '一下', '吧', '了', '吗', '呢', '啊', '呀', '哦', '嘛', '好的', '好', '行', '嗯', '然后', '就', '把',
  '将', '这个', '那个', '这些', '它', '的', '我的', '看看', '看一下', '查看', '显示', '查询', '开始', '你', '您', '谢谢',
  '再', '是', '没问题', '不错', '很好', '完美', '一个',
];

const RULES: readonly IntentRule[] = [
  {
    intent: 'credits',
    triggers: ['credit', 'credits', 'balance', 'balances'],
    cjkTriggers: ['积分', '余额', '点数'],
    vocabulary: [
      'how', 'many', 'much', 'left', 'remaining', 'remain', 'still', 'any', 'enough', 'available', 'account', 'view',
      'plan', 'export', 'exporting', 'render', 'another', 'more', 'one', 'in', 'on', 'are', 'am', 'out', 'run',
    ],
    cjkVocabulary: ['还有', '还剩', '剩余', '剩下', '剩', '多少', '几个', '几', '个', '查', '看', '有', '账户', '当前', '目前', '够不够', '够', '导出', '还'],
    allowNumbers: true,
  },
  {
    intent: 'state',
    triggers: ['status', 'state', 'timeline', 'tracks'],
    cjkTriggers: ['状态', '时间线', '轨道'],
    vocabulary: [
      'list', 'display', 'view', 'on', 'in', 'so', 'far', 'project', 'draft', 'give', 'overview', 'summary',
      'summarize', 'about', 'whole', 'everything', 'the', 'video', 'edit', 'looking', 'like', 'was', 'up',
      // "the status of my export": asking, not exporting (state is checked before export).
      'export', 'exports', 'render', 'upload', 'uploads',
    ],
    cjkVocabulary: ['当前', '目前', '什么', '有什么', '上', '里', '有', '都', '项目', '草稿', '情况', '列出', '所有', '内容', '进度', '视频'],
    allowNumbers: false,
  },
  {
    intent: 'upload',
    triggers: ['upload', 'uploads', 'uploading'],
    cjkTriggers: ['上传'],
    vocabulary: [
      'these', 'those', 'them', 'some', 'file', 'files', 'clip', 'clips', 'video', 'videos', 'photo', 'photos',
      'picture', 'pictures', 'image', 'images', 'pic', 'pics', 'music', 'song', 'songs', 'audio', 'footage', 'media',
      'more', 'another', 'new', 'from', 'computer', 'phone', 'here', 'start', 'few', 'couple', 'first', 'folder',
    ],
    cjkVocabulary: ['文件', '素材', '视频', '照片', '图片', '音乐', '歌', '怎么', '如何', '一些', '几个', '个', '些', '新的', '更多', '电脑', '手机'],
    allowNumbers: true,
  },
  {
    intent: 'export',
    triggers: [
      'export', 'exports', 'exporting', 'exported', 'render', 'renders', 'rendering', 'rendered', 'download',
      'downloads', 'downloading', 'downloaded', 'save', 'saving', 'saved',
    ],
    cjkTriggers: ['导出', '下载', '渲染', '输出', '保存', '发给我', '发我'],
    vocabulary: [
      'video', 'videos', 'final', 'finished', 'full', 'whole', 'cut', 'version', 'result', 'movie', 'film', 'file',
      'mp4', 'mov', 'as', 'in', 'into', 'with', 'at', 'on', 'out', 'over', 'send', 'give', 'vertical', 'square',
      'landscape', 'horizontal', 'portrait', 'widescreen', 'hd', 'fhd', 'tiktok', 'instagram', 'insta', 'ig', 'reels',
      'reel', 'youtube', 'shorts', 'format', 'resolution', 'quality', 'high', 'best', 'aspect', 'ratio', 'computer',
      'desktop', 'disk', 'folder', 'local', 'locally', 'project', 'edit', 'one', 'copy', 'post', 'share', 'when',
      'finish', 'up', 'start', 'mode', 'size',
    ],
    cjkVocabulary: [
      '成片', '最终', '最后', '竖屏', '横屏', '正方形', '方形', '竖版', '横版', '版本', '版', '格式', '成', '为', '高清',
      '超清', '文件', '到本地', '本地', '电脑', '抖音', '视频', '完整', '整个', '分辨率', '出来', '出去', '比例',
    ],
    allowNumbers: true,
    phraseTrigger: (words) =>
      ['send', 'give', 'get'].some((w) => words.includes(w)) &&
      words.includes('me') &&
      ['video', 'file', 'mp4', 'result', 'movie', 'film', 'cut', 'version'].some((w) => words.includes(w)),
  },
];

const NUMBER_WORD = /^(\d+|\d{3,4}p|\d+k|\d+fps|\d+[:x×]\d+)$/;

/** Quoted text is content (a title, a file name), never a command. */
export function stripQuoted(text: string): string {
  return text
    .replace(/"[^"]*"|“[^”]*”|「[^」]*」|『[^』]*』|«[^»]*»|`[^`]*`/g, ' ')
    // Single quotes only when they open after a boundary and close before one, so "what's" keeps its apostrophe.
    .replace(/(^|[\s([:,，：])['‘][^'’]*['’](?=$|[\s.,!?;:)\]，。！？])/g, '$1 ');
}

function normalize(text: string): string {
  return stripQuoted(text).toLowerCase().replace(/’/g, "'").replace(/：/g, ':');
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[':×][\p{L}\p{N}]+)*/gu) ?? [];
}

function removeCjkPhrases(text: string, phrases: readonly string[]): string {
  const longestFirst = [...phrases].sort((a, b) => b.length - a.length);
  return longestFirst.reduce((acc, phrase) => acc.split(phrase).join(' '), text);
}

function matchesRule(rule: IntentRule, text: string): boolean {
  const residue = removeCjkPhrases(text, [...rule.cjkTriggers, ...rule.cjkVocabulary, ...COMMON_CJK]);
  const words = wordsOf(residue);
  const allowed = new Set([...COMMON_WORDS, ...rule.vocabulary, ...rule.triggers]);
  const everyWordAllowed = words.every((w) => allowed.has(w) || (rule.allowNumbers && NUMBER_WORD.test(w)));
  if (!everyWordAllowed) return false;
  return (
    words.some((w) => rule.triggers.includes(w)) ||
    rule.cjkTriggers.some((t) => text.includes(t)) ||
    (rule.phraseTrigger?.(words) ?? false)
  );
}

/** The canvas a message asks for; an explicit aspect wins over a resolution ("1080p vertical" is vertical). */
export function presetOf(text: string): ExportPreset | undefined {
  const t = normalize(text);
  if (/\b(vertical|portrait|tiktok|reels?|shorts)\b|竖屏|竖版|(?<!\d)9\s*[:x×]\s*16(?!\d)|1080\s*[x×]\s*1920/.test(t)) return 'vertical';
  if (/\bsquare\b|正方形|方形|(?<!\d)1\s*[:x×]\s*1(?!\d)|1080\s*[x×]\s*1080/.test(t)) return 'square';
  if (/\b(landscape|horizontal|widescreen|youtube|1080p)\b|横屏|横版|(?<!\d)16\s*[:x×]\s*9(?!\d)|1920\s*[x×]\s*1080/.test(t)) return 'landscape';
  return undefined;
}

export function routeMessage(text: string): RoutedMessage {
  const normalized = normalize(text);
  if (normalized.trim() === '') return { intent: 'agent' };
  const rule = RULES.find((r) => matchesRule(r, normalized));
  if (!rule) return { intent: 'agent' };
  if (rule.intent !== 'export') return { intent: rule.intent };
  const preset = presetOf(text);
  return preset ? { intent: 'export', preset } : { intent: 'export' };
}
