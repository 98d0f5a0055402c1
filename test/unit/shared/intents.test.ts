import { describe, expect, it } from 'vitest';
import { presetOf, routeMessage, stripQuoted, type RoutedMessage } from '../../../shared/intents';

type Row = [text: string, expected: RoutedMessage];

const exportRows: Row[] = [
  ['export', { intent: 'export' }],
  ['Export it', { intent: 'export' }],
  ['export it!', { intent: 'export' }],
  ['EXPORT', { intent: 'export' }],
  ['export 1080p MP4', { intent: 'export', preset: 'landscape' }],
  ['can you export this as a vertical video?', { intent: 'export', preset: 'vertical' }],
  ['render the final video', { intent: 'export' }],
  ['save the video', { intent: 'export' }],
  ['download', { intent: 'export' }],
  ['Download it please', { intent: 'export' }],
  ['send me the video', { intent: 'export' }],
  ['Send me the final cut.', { intent: 'export' }],
  ['exporting now', { intent: 'export' }],
  ['exported?', { intent: 'export' }],
  ['Looks great, export it in 9:16 please', { intent: 'export', preset: 'vertical' }],
  ["ok let's export it for TikTok", { intent: 'export', preset: 'vertical' }],
  ['export as square', { intent: 'export', preset: 'square' }],
  ['export 1:1', { intent: 'export', preset: 'square' }],
  ['export it in landscape 16:9', { intent: 'export', preset: 'landscape' }],
  ['export a vertical 1080p version', { intent: 'export', preset: 'vertical' }],
  ['How do I download the video?', { intent: 'export' }],
  ['把视频导出', { intent: 'export' }],
  ['导出', { intent: 'export' }],
  ['导出竖屏', { intent: 'export', preset: 'vertical' }],
  ['帮我导出一下吧', { intent: 'export' }],
  ['导出1080p', { intent: 'export', preset: 'landscape' }],
  ['导出方形视频', { intent: 'export', preset: 'square' }],
  ['横屏导出', { intent: 'export', preset: 'landscape' }],
  ['把视频发给我', { intent: 'export' }],
  ["I'm done, export please", { intent: 'export' }],
  ['可以导出了吗？', { intent: 'export' }],
  ['is it exported yet?', { intent: 'export' }],
  ['下载成片', { intent: 'export' }],
  ['export it as “summer sale”', { intent: 'export' }],
];

const creditsRows: Row[] = [
  ['credits', { intent: 'credits' }],
  ['How many credits do I have left?', { intent: 'credits' }],
  ["what's my balance", { intent: 'credits' }],
  ['Check my credit balance', { intent: 'credits' }],
  ['balance?', { intent: 'credits' }],
  ['do I have enough credits to export?', { intent: 'credits' }],
  ['还有多少积分', { intent: 'credits' }],
  ['积分还剩多少？', { intent: 'credits' }],
  ['查一下余额', { intent: 'credits' }],
  ['我的积分', { intent: 'credits' }],
];

const stateRows: Row[] = [
  ['status', { intent: 'state' }],
  ['Status?', { intent: 'state' }],
  ['show tracks', { intent: 'state' }],
  ["what's on the timeline", { intent: 'state' }],
  ['Show me the timeline', { intent: 'state' }],
  ['what is the current state of the project?', { intent: 'state' }],
  ['查看状态', { intent: 'state' }],
  ['时间线上有什么', { intent: 'state' }],
  ['显示轨道', { intent: 'state' }],
  ["what's the status of my export?", { intent: 'state' }],
];

const uploadRows: Row[] = [
  ['upload', { intent: 'upload' }],
  ['upload these', { intent: 'upload' }],
  ['I want to upload some clips', { intent: 'upload' }],
  ['how do I upload photos from my computer?', { intent: 'upload' }],
  ['Uploading a few more videos', { intent: 'upload' }],
  ['我要上传', { intent: 'upload' }],
  ['上传这些视频', { intent: 'upload' }],
  ['怎么上传素材？', { intent: 'upload' }],
];

// Messages that mention an intent word but ask for an edit: they must reach the agent.
const falsePositiveRows: Row[] = [
  ['add a download button animation', { intent: 'agent' }],
  ['make the status bar text red', { intent: 'agent' }],
  ["add text 'export sale'", { intent: 'agent' }],
  ['add a title that says Upload Day', { intent: 'agent' }],
  ['fade the music before the export scene', { intent: 'agent' }],
  ['credits roll at the end', { intent: 'agent' }],
  ['add end credits', { intent: 'agent' }],
  ['balance the audio levels', { intent: 'agent' }],
  ['render the text in red', { intent: 'agent' }],
  ['make the title bigger, then export it', { intent: 'agent' }],
  ['the export looks blurry', { intent: 'agent' }],
  ['why is the export so slow', { intent: 'agent' }],
  ['use the clip I uploaded first', { intent: 'agent' }],
  ['I uploaded the wrong clip', { intent: 'agent' }],
  ['add a music track', { intent: 'agent' }],
  ['remove track 2', { intent: 'agent' }],
  ['clear the timeline', { intent: 'agent' }],
  ['save the title for the ending', { intent: 'agent' }],
  ['"export"', { intent: 'agent' }],
  ['在导出场景前淡出音乐', { intent: 'agent' }],
  ['添加一个下载按钮动画', { intent: 'agent' }],
  ['把状态栏文字改成红色', { intent: 'agent' }],
  ['标题写上传统节日', { intent: 'agent' }],
  ['片尾加上“积分”两个字', { intent: 'agent' }],
  ['添加文字「导出」', { intent: 'agent' }],
  ['make it vertical', { intent: 'agent' }],
  ['trim clip 2 to 5 seconds', { intent: 'agent' }],
  ['export the audio only', { intent: 'agent' }],
  ['download the music', { intent: 'agent' }],
  ['帮我把字幕导出', { intent: 'agent' }],
  ['show the credits at the end', { intent: 'agent' }],
  ['please upload my logo and put it in the corner', { intent: 'agent' }],
  ['add a subtitle: export complete', { intent: 'agent' }],
  ['', { intent: 'agent' }],
  ['   ', { intent: 'agent' }],
];

describe('routeMessage', () => {
  const rows = [...exportRows, ...creditsRows, ...stateRows, ...uploadRows, ...falsePositiveRows];

  it('has a table of at least 60 rows, 20 of them false positives', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(falsePositiveRows.length).toBeGreaterThanOrEqual(20);
  });

  it.each(rows)('%j', (text, expected) => {
    expect(routeMessage(text)).toEqual(expected);
  });
});

describe('presetOf', () => {
  it.each([
    ['vertical', 'vertical'],
    ['9:16', 'vertical'],
    ['9：16', 'vertical'],
    ['for tiktok', 'vertical'],
    ['竖屏', 'vertical'],
    ['square', 'square'],
    ['1:1', 'square'],
    ['方形', 'square'],
    ['1080p', 'landscape'],
    ['16:9', 'landscape'],
    ['横屏', 'landscape'],
    ['landscape', 'landscape'],
  ] as const)('%s → %s', (text, preset) => {
    expect(presetOf(`export ${text}`)).toBe(preset);
  });

  it('finds no preset in a plain request, and none inside quotes or longer ratios', () => {
    expect(presetOf('export it')).toBeUndefined();
    expect(presetOf('export "vertical"')).toBeUndefined();
    expect(presetOf('export 19:160')).toBeUndefined();
  });
});

describe('stripQuoted', () => {
  it('drops quoted text but keeps apostrophes inside words', () => {
    expect(stripQuoted(`add 'export sale' now`)).not.toContain('export');
    expect(stripQuoted("what's on the timeline")).toBe("what's on the timeline");
    expect(stripQuoted('标题「导出」')).not.toContain('导出');
  });
});
