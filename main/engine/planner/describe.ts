/** One plain sentence per applied op, in English or Chinese, for the reply. */
import type { LocalDraft } from '../../../shared/draft';
import type { ClipRef, ClipSet, Op } from './ops';
import type { Said } from './outcome';
import { percent, POS_ZH, seconds } from './said';

export type Lang = 'en' | 'zh';

function clip(ref: ClipRef): Said {
  return ref === 'last' ? { en: 'the last clip', zh: '最后一个片段' } : { en: `clip ${ref}`, zh: `第 ${ref} 个片段` };
}

function clips(set: ClipSet): Said {
  if (set === 'all') return { en: 'all clips', zh: '所有片段' };
  if (set === 'images') return { en: 'every image', zh: '每张图片' };
  if (set === 'videos') return { en: 'every video clip', zh: '每个视频片段' };
  return clip(set);
}


const TRANSITION_ZH: Record<string, string> = {
  fade: '淡入淡出',
  dissolve: '溶解',
  fadeblack: '黑场过渡',
  fadewhite: '闪白',
  wipeleft: '向左擦除',
  wiperight: '向右擦除',
  wipeup: '向上擦除',
  wipedown: '向下擦除',
  slideleft: '向左滑动',
  slideright: '向右滑动',
  slideup: '向上滑动',
  slidedown: '向下滑动',
  circleopen: '圆形展开',
  circleclose: '圆形收缩',
  zoomin: '缩放',
  radial: '径向',
  pixelize: '像素化',
};

const FIT: Record<string, Said> = {
  cover: { en: 'fill the frame (cropping the edges)', zh: '铺满画面（裁掉边缘）' },
  contain: { en: 'fit inside the frame without cropping', zh: '完整显示不裁剪' },
  'contain-blur': { en: 'fit without cropping on a blurred background', zh: '完整显示，背景模糊填充' },
};

function trimSaid(op: Extract<Op, { op: 'trim_clip' }>): Said {
  const c = clip(op.clip);
  switch (op.mode) {
    case 'cut_start':
      return { en: `Cut the first ${seconds(op.ms)} s of ${c.en}.`, zh: `剪掉了${c.zh}的前 ${seconds(op.ms)} 秒。` };
    case 'cut_end':
      return { en: `Cut the last ${seconds(op.ms)} s of ${c.en}.`, zh: `剪掉了${c.zh}的最后 ${seconds(op.ms)} 秒。` };
    case 'keep_first':
      return { en: `Kept only the first ${seconds(op.ms)} s of ${c.en}.`, zh: `${c.zh}只保留了前 ${seconds(op.ms)} 秒。` };
    case 'keep_last':
      return { en: `Kept only the last ${seconds(op.ms)} s of ${c.en}.`, zh: `${c.zh}只保留了最后 ${seconds(op.ms)} 秒。` };
    case 'keep_range':
      return {
        en: `Trimmed ${c.en} to ${seconds(op.fromMs)}–${seconds(op.toMs)} s of its source.`,
        zh: `把${c.zh}裁成了原片的 ${seconds(op.fromMs)}–${seconds(op.toMs)} 秒。`,
      };
  }
}

function textWhere(op: Extract<Op, { op: 'add_text' }>): Said {
  if (op.over !== undefined) return { en: ` over ${clip(op.over).en}`, zh: `，放在${clip(op.over).zh}上` };
  if (op.atEnd) return { en: ' at the end', zh: '，放在结尾' };
  if (op.startMs !== undefined) return { en: ` at ${seconds(op.startMs)} s`, zh: `，从第 ${seconds(op.startMs)} 秒开始` };
  return { en: '', zh: '' };
}

export function describeOp(op: Op, after: LocalDraft): Said {
  switch (op.op) {
    case 'add_clips': {
      const names = op.media.map((id) => (after.t.find((t) => t.id === 'v1')?.sg.find((seg) => (seg.m as { src?: string }).src === id)?.m as { name?: string } | undefined)?.name ?? id);
      return { en: `Added ${names.join(', ')} to the video track, in upload order.`, zh: `按上传顺序把 ${names.join('、')} 加到了视频轨道。` };
    }
    case 'remove_clips': {
      const names = op.clips.map((ref) => clip(ref));
      return { en: `Removed ${names.map((n) => n.en).join(' and ')}.`, zh: `删除了${names.map((n) => n.zh).join('和')}。` };
    }
    case 'move_clip':
      return {
        en: `Moved ${clip(op.clip).en} to ${op.to === 'last' ? 'the end' : `position ${op.to}`}.`,
        zh: `把${clip(op.clip).zh}移到了${op.to === 'last' ? '最后' : `第 ${op.to} 位`}。`,
      };
    case 'swap_clips':
      return { en: `Swapped ${clip(op.a).en} and ${clip(op.b).en}.`, zh: `交换了${clip(op.a).zh}和${clip(op.b).zh}。` };
    case 'reverse_clips':
      return { en: 'Reversed the order of the clips.', zh: '把片段顺序倒过来了。' };
    case 'order_clips':
      return { en: `Reordered the clips to ${op.order.join(', ')}.`, zh: `把片段顺序改成了 ${op.order.join('、')}。` };
    case 'trim_clip':
      return trimSaid(op);
    case 'set_duration':
      return { en: `Set ${clips(op.clips).en} to ${seconds(op.ms)} s.`, zh: `把${clips(op.clips).zh}设为 ${seconds(op.ms)} 秒。` };
    case 'fit_total':
      return { en: `Fitted the video to ${seconds(after.d)} s.`, zh: `把视频总长调整为 ${seconds(after.d)} 秒。` };
    case 'set_speed':
      return { en: `Set ${clips(op.clips).en} to ${op.factor}× speed.`, zh: `把${clips(op.clips).zh}设为 ${op.factor} 倍速。` };
    case 'set_transition':
      return op.into === 'all'
        ? { en: `Added ${op.type} transitions (${seconds(op.ms)} s) between all clips.`, zh: `在所有片段之间加了${TRANSITION_ZH[op.type] ?? op.type}转场（${seconds(op.ms)} 秒）。` }
        : { en: `Added a ${op.type} transition (${seconds(op.ms)} s) before ${clip(op.into).en}.`, zh: `在${clip(op.into).zh}前加了${TRANSITION_ZH[op.type] ?? op.type}转场（${seconds(op.ms)} 秒）。` };
    case 'remove_transitions':
      return op.into === 'all'
        ? { en: 'Removed all transitions (hard cuts now).', zh: '删除了所有转场（现在是硬切）。' }
        : { en: `Removed the transition before ${clip(op.into).en}.`, zh: `删除了${clip(op.into).zh}前的转场。` };
    case 'add_text': {
      const where = textWhere(op);
      return op.role === 'title'
        ? { en: `Added the title "${op.text}"${where.en} (${op.pos}).`, zh: `加了标题“${op.text}”${where.zh}（${POS_ZH[op.pos] ?? op.pos}）。` }
        : { en: `Added the text "${op.text}"${where.en} (${op.pos}).`, zh: `加了文字“${op.text}”${where.zh}（${POS_ZH[op.pos] ?? op.pos}）。` };
    }
    case 'set_overlays':
      return {
        en: `Added text overlays at the bottom of later clips: ${op.texts.map((t) => `"${t}"`).join(', ')}.`,
        zh: `在后面的片段底部加了文字：${op.texts.map((t) => `“${t}”`).join('、')}。`,
      };
    case 'edit_text': {
      const parts: Said[] = [];
      if (op.text !== undefined) parts.push({ en: `text to "${op.text}"`, zh: `文字改为“${op.text}”` });
      if (op.pos !== undefined) parts.push({ en: `position to ${op.pos}`, zh: `位置改为${POS_ZH[op.pos] ?? op.pos}` });
      if (op.color !== undefined) parts.push({ en: `color to ${op.color}`, zh: `颜色改为 ${op.color}` });
      const what = op.target === 'title' ? { en: 'the title', zh: '标题' } : { en: 'the text', zh: '文字' };
      return { en: `Changed ${what.en}: ${parts.map((p) => p.en).join(', ')}.`, zh: `修改了${what.zh}：${parts.map((p) => p.zh).join('，')}。` };
    }
    case 'remove_text':
      return op.target === 'title'
        ? { en: 'Removed the title.', zh: '删除了标题。' }
        : op.target === 'overlays'
          ? { en: 'Removed the text overlays.', zh: '删除了文字叠加。' }
          : op.target === 'last'
            ? { en: 'Removed the latest text.', zh: '删除了最近加的文字。' }
            : { en: 'Removed all text.', zh: '删除了所有文字。' };
    case 'add_music': {
      const extras: Said[] = [];
      if (op.duck) extras.push({ en: 'lowered under the clips’ own sound', zh: '片段原声出现时自动压低' });
      if (op.fadeOutMs) extras.push({ en: `fading out over the last ${seconds(op.fadeOutMs)} s`, zh: `最后 ${seconds(op.fadeOutMs)} 秒淡出` });
      const name = after.t.find((t) => t.id === 'a1')?.sg[0]?.m as { name?: string } | undefined;
      return {
        en: `Added background music "${name?.name ?? op.media}" at ${percent(op.vol)}${extras.map((e) => `, ${e.en}`).join('')}.`,
        zh: `加了背景音乐“${name?.name ?? op.media}”，音量 ${percent(op.vol)}${extras.map((e) => `，${e.zh}`).join('')}。`,
      };
    }
    case 'set_music': {
      const parts: Said[] = [];
      if (op.vol !== undefined) parts.push(op.vol === 0 ? { en: 'muted it', zh: '静音' } : { en: `volume ${percent(op.vol)}`, zh: `音量 ${percent(op.vol)}` });
      if (op.fadeInMs !== undefined) parts.push({ en: `fade in ${seconds(op.fadeInMs)} s`, zh: `淡入 ${seconds(op.fadeInMs)} 秒` });
      if (op.fadeOutMs !== undefined) parts.push({ en: `fade out ${seconds(op.fadeOutMs)} s`, zh: `淡出 ${seconds(op.fadeOutMs)} 秒` });
      if (op.duck !== undefined) parts.push(op.duck ? { en: 'ducking under speech on', zh: '人声时自动压低' } : { en: 'ducking off', zh: '关闭自动压低' });
      return { en: `Background music: ${parts.map((p) => p.en).join(', ')}.`, zh: `背景音乐：${parts.map((p) => p.zh).join('，')}。` };
    }
    case 'nudge_music': {
      const vol = (after.t.find((t) => t.id === 'a1')?.sg[0]?.m as { vol?: number } | undefined)?.vol;
      const level: Said = vol === undefined ? { en: '', zh: '' } : { en: ` to ${percent(vol)}`, zh: `到 ${percent(vol)}` };
      return op.dir === 'down' ? { en: `Turned the music down${level.en}.`, zh: `把背景音乐调低${level.zh}。` } : { en: `Turned the music up${level.en}.`, zh: `把背景音乐调高${level.zh}。` };
    }
    case 'remove_music':
      return { en: 'Removed the background music.', zh: '删除了背景音乐。' };
    case 'set_clip_volume':
      return op.vol === 0
        ? { en: `Muted the sound of ${clips(op.clips).en}.`, zh: `把${clips(op.clips).zh}的原声静音了。` }
        : { en: `Set the sound of ${clips(op.clips).en} to ${percent(op.vol)}.`, zh: `把${clips(op.clips).zh}的原声设为 ${percent(op.vol)}。` };
    case 'set_canvas':
      return { en: `Changed the canvas to ${after.m.width}x${after.m.height}.`, zh: `把画布改成了 ${after.m.width}x${after.m.height}。` };
    case 'set_fit':
      return op.clips === 'all'
        ? { en: `Clips now ${FIT[op.mode]?.en ?? op.mode}.`, zh: `片段现在${FIT[op.mode]?.zh ?? op.mode}。` }
        : { en: `Set ${clips(op.clips).en} to ${FIT[op.mode]?.en ?? op.mode}.`, zh: `${clips(op.clips).zh}现在${FIT[op.mode]?.zh ?? op.mode}。` };
    case 'set_zoom':
      return op.zoom === 0 ? { en: 'Turned off the slow zoom on images.', zh: '关闭了图片的缓慢缩放。' } : { en: 'Added a slow zoom to the images.', zh: '给图片加了缓慢推近效果。' };
    case 'set_project_title':
      return { en: `Named the project "${op.title}".`, zh: `把项目命名为“${op.title}”。` };
    case 'undo':
      return { en: 'Undone.', zh: '已撤销。' };
    case 'redo':
      return { en: 'Redone.', zh: '已重做。' };
  }
}

export const CAPABILITIES: Said = {
  en: [
    'Here is what I can do:',
    '• add, reorder, move and remove clips ("use all my clips", "move clip 3 to the start")',
    '• trim a clip or set its length ("keep the first 3 seconds of clip 2"), or fit the whole video to N seconds',
    '• change speed ("2x", "slow motion")',
    '• transitions (fade, dissolve, wipe, slide, circle, zoom), between all clips or one',
    '• titles and text overlays ("add a title \'Summer Sale\'")',
    '• background music with volume, fades and ducking under speech',
    '• aspect ratio (16:9, 9:16 vertical, 1:1 square) and fill or fit with a blurred background',
    '• undo and redo',
    'Try: "combine these clips into a 60-second promo video with transitions and text overlays".',
  ].join('\n'),
  zh: [
    '我可以做这些：',
    '• 添加、排序、移动和删除片段（“用我所有的片段”“把第三个片段移到开头”）',
    '• 剪辑片段或设置时长（“第二个片段只保留前3秒”），或把整个视频调整为 N 秒',
    '• 调整速度（“2倍速”“慢动作”）',
    '• 转场（淡入淡出、溶解、擦除、滑动、圆形、缩放），全部或单个',
    '• 标题和文字（“加标题「夏日特卖」”）',
    '• 背景音乐：音量、淡入淡出、人声时自动压低',
    '• 画面比例（16:9 横屏、9:16 竖屏、1:1 方形），铺满或模糊背景完整显示',
    '• 撤销和重做',
    '试试：“做一个60秒的宣传视频，加转场和文字”。',
  ].join('\n'),
};
