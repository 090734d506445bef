import type { Strings } from '../../i18n/use-strings.ts';

// The only words of this feature on the first page (the chat header's buttons); everything else is in
// archive-strings.ts, which loads with the code that uses it.
export const chatActionsStrings: Strings<{ exportMarkdown: string; print: string }> = {
  en: { exportMarkdown: 'Export as Markdown', print: 'Print' },
  'zh-CN': { exportMarkdown: '导出为 Markdown', print: '打印' },
};
