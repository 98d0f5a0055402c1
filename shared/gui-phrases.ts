/**
 * The NemoVideo agent was written for a web editor and tells people to click buttons and open panels that
 * this app does not have. These rules rewrite those instructions into what works here (saying "export",
 * dropping files on the window, reading the track list). Everything else in a reply is kept verbatim.
 */

type Replacement = string | ((match: string, ...groups: string[]) => string);
interface PhraseRule {
  pattern: RegExp;
  replacement: Replacement;
}

// Markdown or quote marks the agent puts around button names: **Export**, "Export", [Export].
const WRAP = `[*_"'“”‘’\\[\\]「」]*`;
// "in the top right corner", "at the top of the screen", "in the toolbar".
const PLACE = `(?:\\s+(?:in|at|on|from)\\s+the\\s+(?:[\\w-]+\\s+){0,3}?(?:corner|toolbar|menu|header|sidebar|screen|page|window|editor))?`;
const CLICK = `(?:click|tap|press|hit|select|use)(?:\\s+on)?\\s+(?:the\\s+)?`;
const BUTTON = `(?:\\s+(?:button|icon|option|tab))?`;
const DRAG = `drag(?:\\s*(?:and|&)\\s*drop|-and-drop|ging(?:\\s+and\\s+dropping)?)?`;

const SAY_EXPORT = 'say "export"';
const SAY_UPLOAD = 'say "upload"';

function panelTarget(name: string): string {
  const n = name.toLowerCase();
  if (/timeline|track|layer/.test(n)) return 'look at the track list';
  if (/media|asset|librar|upload|file|project/.test(n)) return 'look at the media list';
  if (/export|render|download/.test(n)) return SAY_EXPORT;
  return 'ask me in the chat';
}

function cjkPanelTarget(name: string): string {
  if (/时间[线轴]|轨道/.test(name)) return '查看轨道列表';
  if (/素材|媒体|资源|上传/.test(name)) return '查看素材列表';
  if (/导出|下载/.test(name)) return '说“导出”';
  return '在对话里告诉我';
}

const en = (source: string): RegExp => new RegExp(source, 'gi');

const RULES: readonly PhraseRule[] = [
  { pattern: en(`\\b${CLICK}${WRAP}(?:export|download|render)${WRAP}${BUTTON}${PLACE}`), replacement: SAY_EXPORT },
  { pattern: en(`\\bgo\\s+to\\s+(?:the\\s+)?(?:${WRAP}file${WRAP}\\s*(?:>|→|/)\\s*)?${WRAP}export${WRAP}(?:\\s+(?:menu|page|tab|panel|screen|dialog))?`), replacement: SAY_EXPORT },
  { pattern: en(`\\b${CLICK}${WRAP}(?:upload|import|add media|add files)${WRAP}${BUTTON}${PLACE}`), replacement: SAY_UPLOAD },
  {
    pattern: en(`\\b${CLICK}${WRAP}play${WRAP}${BUTTON}${PLACE}(?:\\s+to\\s+(?:watch|preview|view|see|play)(?:\\s+(?:it|them|the\\s+(?:result|video|changes?)))?)?`),
    replacement: `${SAY_EXPORT} to watch it`,
  },
  {
    pattern: en(`\\b(?:preview|see|view|check|review|find)\\s+(it|this|that|them|the\\s+(?:result|changes?|video|edits?|clips?|title))\\s+(?:in|on)\\s+the\\s+${WRAP}time\\s?line${WRAP}(?:\\s+(?:panel|view|editor|area|section|window|pane))?`),
    replacement: (_m, object) => `see ${object} in the track list`,
  },
  {
    pattern: en(`\\b(?:preview|watch|play|view)\\s+(it|this|that|them|the\\s+(?:result|changes?|video|edits?))\\s+in\\s+the\\s+(?:${WRAP}(?:preview|player|video player|viewer)${WRAP})(?:\\s+(?:panel|window|area|pane))?`),
    replacement: (_m, object) => `${SAY_EXPORT} to watch ${object}`,
  },
  { pattern: en(`\\b(in|on)\\s+the\\s+${WRAP}time\\s?line${WRAP}\\s+(?:panel|view|editor|area|pane)`), replacement: 'in the track list' },
  {
    pattern: en(`\\bopen\\s+(?:up\\s+)?the\\s+${WRAP}([\\w -]{1,30}?)${WRAP}\\s+(?:panel|tab|sidebar|menu|window|dialog|pane)\\b`),
    replacement: (_m, name) => panelTarget(name),
  },
  {
    pattern: en(`\\b${DRAG}\\s+(?:your\\s+|the\\s+|some\\s+|more\\s+|any\\s+)?(files?|videos?|clips?|media|photos?|images?|pictures?|music|songs?|footage|assets)\\s+(?:in|into|onto|to|on)\\s+(?:the\\s+)?(?:media|upload|assets?|library|import|files?)(?:\\s+(?:panel|area|library|section|zone|bin|pane))?`),
    replacement: (_m, what) => `drop your ${what.toLowerCase()} on the window`,
  },
  {
    pattern: en(`\\b${DRAG}\\s+the\\s+(?:edges?|ends?|handles?|sides?)(?:\\s+of\\s+(?:the\\s+|a\\s+)?(?:clip|segment|title|text|music)s?)?(?:\\s+to\\s+(?:trim|shorten|lengthen|extend|resize|adjust)(?:\\s+(?:it|them))?)?`),
    replacement: 'tell me how long it should be',
  },
  {
    pattern: en(`\\b${DRAG}\\s+(it|them|the\\s+(?:clips?|segments?|titles?|text|music|audio|image|video)s?)\\s+(?:on|onto|in|into|along|to|across|around)\\s+(?:the\\s+)?time\\s?line(?:\\s+(?:panel|area))?(?:\\s+to\\s+(?:re-?order|rearrange|move|position|place)(?:\\s+(?:it|them))?)?`),
    replacement: (_m, object) => `tell me where to move ${object}`,
  },
  {
    pattern: en(`\\b(?:use|drag|move)\\s+the\\s+(volume|speed|opacity|zoom)\\s+slider(?:\\s+to\\s+(?:adjust|change|set)\\s+(?:it|the\\s+\\w+))?`),
    replacement: (_m, what) => `tell me the ${what.toLowerCase()} you want`,
  },
  // 中文
  {
    pattern: /(?:点击|单击|点一下|点)\s*(?:一下)?\s*(?:(?:页面)?(?:右上角|左上角|右下角|上方|顶部|底部|工具栏)(?:的|中的|里的)?)?\s*[“"「『]?(?:导出|下载)[”"」』]?\s*(?:按钮|按键|图标|选项)?/g,
    replacement: '说“导出”',
  },
  {
    pattern: /(?:点击|单击|点一下|点)\s*(?:一下)?\s*(?:(?:页面)?(?:右上角|左上角|右下角|上方|顶部|底部|工具栏)(?:的|中的|里的)?)?\s*[“"「『]?(?:上传|导入|添加素材)[”"」』]?\s*(?:按钮|按键|图标|选项)?/g,
    replacement: '说“上传”',
  },
  { pattern: /在\s*时间[线轴]\s*(?:面板|窗口|区域|视图)?\s*(?:中|里|上)?\s*(?:预览|查看)/g, replacement: '在轨道列表中查看' },
  {
    pattern: /打开\s*[“"「]?([^，。,.！!？?\s”"」]{1,8}?)[”"」]?\s*(?:面板|窗口|菜单|标签页|标签|侧边栏)/g,
    replacement: (_m, name) => cjkPanelTarget(name),
  },
  {
    pattern: /(?:将|把)?\s*(?:文件|素材|视频|图片|照片|音乐)?\s*(?:拖动|拖拽|拖放|拖)(?:到|至|进)\s*(?:素材|媒体|上传)(?:面板|区域|区|库)/g,
    replacement: '把文件拖到窗口上',
  },
  {
    pattern: /(?:将|把)([^，。,.！!？?；;\s]{1,12}?)(?:拖动|拖拽|拖放|拖)(?:到|至|进)\s*时间[线轴](?:上|中|里)?/g,
    replacement: (_m, object) => `告诉我${object}要放在哪里`,
  },
  {
    pattern: /(?:拖动|拖拽|拖放)([^，。,.！!？?；;\s]{1,12}?)(?:到|至|进)\s*时间[线轴](?:上|中|里)?/g,
    replacement: (_m, object) => `告诉我${object}要放在哪里`,
  },
];

/** Keeps a sentence-initial capital: "Click Export" becomes "Say "export"". */
function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

export function translateGuiPhrases(text: string): string {
  return RULES.reduce(
    (acc, rule) =>
      acc.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
        // replace() passes the groups, then the offset (a number), then the whole input.
        const offsetAt = rest.findIndex((arg) => typeof arg === 'number');
        const groups = rest.slice(0, offsetAt).map((g) => (typeof g === 'string' ? g : ''));
        const replaced = typeof rule.replacement === 'string' ? rule.replacement : rule.replacement(match, ...groups);
        return matchCase(match, replaced);
      }),
    text,
  );
}
