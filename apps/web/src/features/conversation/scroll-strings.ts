import type { Strings } from '../../i18n/use-strings.ts';

/** The words of the message list's scrolling: the control back to the newest message, older pages loading. */
export const scrollStrings: Strings<{
  jumpToLatest: string;
  loadingEarlier: string;
}> = {
  en: {
    jumpToLatest: 'Jump to latest',
    loadingEarlier: 'Loading earlier messages…',
  },
  'zh-CN': {
    jumpToLatest: '跳到最新消息',
    loadingEarlier: '正在加载更早的消息…',
  },
};
