import type { Strings } from '../../i18n/use-strings.ts';

/** The markdown renderer's UI strings. */
export const markdownStrings: Strings<{
  copyCode: string;
  copied: string;
  copyFailed: string;
  plainText: string;
  /** Name of the button that loads a remote image; alt may be empty. */
  loadImage: (alt: string, host: string) => string;
  imageBlocked: string;
  linkBlocked: string;
  task: string;
}> = {
  en: {
    copyCode: 'Copy code',
    copied: 'Copied',
    copyFailed: 'Copy failed',
    plainText: 'text',
    loadImage: (alt, host) => (alt ? `Load image "${alt}" from ${host}` : `Load image from ${host}`),
    imageBlocked: 'Image not shown: only http and https images can be loaded',
    linkBlocked: 'Link disabled: only http, https and mailto links open',
    task: 'Task',
  },
  'zh-CN': {
    copyCode: '复制代码',
    copied: '已复制',
    copyFailed: '复制失败',
    plainText: '文本',
    loadImage: (alt, host) => (alt ? `从 ${host} 加载图片“${alt}”` : `从 ${host} 加载图片`),
    imageBlocked: '图片未显示：只能加载 http 和 https 图片',
    linkBlocked: '链接已停用：只打开 http、https 和 mailto 链接',
    task: '任务',
  },
};
