import { describe, expect, it } from 'vitest';
import { translateGuiPhrases } from '../../../shared/gui-phrases';

const rows: Array<[input: string, expected: string]> = [
  ['Click Export to download your video.', 'Say "export" to download your video.'],
  ['When you are happy, click the Export button.', 'When you are happy, say "export".'],
  ['Click the **Export** button in the top right corner to render it.', 'Say "export" to render it.'],
  ['Just tap "Export" at the top of the screen.', 'Just say "export".'],
  ['Use the Download button to save the file.', 'Say "export" to save the file.'],
  ['Go to File > Export when ready.', 'Say "export" when ready.'],
  ['Click Upload to add more clips.', 'Say "upload" to add more clips.'],
  ['You can preview it in the Timeline panel.', 'You can see it in the track list.'],
  ['Check the changes on the timeline view.', 'See the changes in the track list.'],
  ['Your clips are in the Timeline panel.', 'Your clips are in the track list.'],
  ['Preview the result in the preview window.', 'Say "export" to watch the result.'],
  ['Click the play button to watch.', 'Say "export" to watch it.'],
  ['Press play to preview the video, then tell me what to change.', 'Say "export" to watch it, then tell me what to change.'],
  ['Open the Media panel to see your files.', 'Look at the media list to see your files.'],
  ['Open the Timeline panel.', 'Look at the track list.'],
  ['open the Export dialog and pick 1080p', 'say "export" and pick 1080p'],
  ['Open the Text panel to change the font.', 'Ask me in the chat to change the font.'],
  ['Drag and drop your files into the media panel.', 'Drop your files on the window.'],
  ['drag videos onto the upload area', 'drop your videos on the window'],
  ['Drag the clips on the timeline to reorder them.', 'Tell me where to move the clips.'],
  ['Drag the edges of the clip to trim it.', 'Tell me how long it should be.'],
  ['Use the volume slider to adjust it.', 'Tell me the volume you want.'],
  ['点击导出即可下载视频。', '说“导出”即可下载视频。'],
  ['完成后点击右上角的“导出”按钮。', '完成后说“导出”。'],
  ['点击上传按钮添加素材', '说“上传”添加素材'],
  ['你可以在时间线面板中预览效果。', '你可以在轨道列表中查看效果。'],
  ['打开素材面板查看文件', '查看素材列表查看文件'],
  ['打开文字面板修改字体', '在对话里告诉我修改字体'],
  ['把片段拖到时间线上', '告诉我片段要放在哪里'],
  ['将文件拖到素材区', '把文件拖到窗口上'],
];

// Replies without GUI instructions, including the words export/timeline/drag in other senses, stay verbatim.
const verbatim = [
  'I added a title "Summer Sale" at 0-3s and trimmed clip 2 to 5s.',
  'The export finished: 1080x1920, 12 s.',
  'Your timeline now has 3 clips.',
  'The title is on the timeline at 0-3s.',
  'I will export the video in 9:16 once you confirm.',
  'Added a drag-race clip and a slow zoom.',
  '已添加标题“夏日特卖”，时长 3 秒。',
  '视频已导出完成。',
  '',
];

describe('translateGuiPhrases', () => {
  it.each(rows)('%j', (input, expected) => {
    expect(translateGuiPhrases(input)).toBe(expected);
  });

  it.each(verbatim)('keeps %j verbatim', (input) => {
    expect(translateGuiPhrases(input)).toBe(input);
  });

  it('rewrites every occurrence in a longer reply and keeps the rest', () => {
    const reply = 'Done! Open the Timeline panel to check.\n\nThen click Export. 然后点击导出。';
    expect(translateGuiPhrases(reply)).toBe('Done! Look at the track list to check.\n\nThen say "export". 然后说“导出”。');
  });
});
