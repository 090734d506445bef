import type { Strings } from '../../i18n/use-strings.ts';
import type { ShortcutId } from '../../shortcuts/shortcut-map.ts';

export const shortcutStrings: Strings<{
  title: string;
  open: string;
  close: string;
  or: string;
  outsideText: string;
  note: string;
  actions: Record<ShortcutId, string>;
}> = {
  en: {
    title: 'Keyboard shortcuts',
    open: 'Keyboard shortcuts',
    close: 'Close',
    or: 'or',
    outsideText: 'when not typing in a field',
    note: 'Shortcuts never fire while an input method is composing. Keys without Ctrl or ⌘ work only outside text fields; Esc also stops an answer from the message box.',
    actions: {
      newChat: 'New chat',
      focusSearch: 'Search chats and messages',
      stop: 'Stop the answer',
      regenerate: 'Regenerate the last answer',
      previousChat: 'Previous chat',
      nextChat: 'Next chat',
      showShortcuts: 'Show these shortcuts',
    },
  },
  'zh-CN': {
    title: '键盘快捷键',
    open: '键盘快捷键',
    close: '关闭',
    or: '或',
    outsideText: '不在输入框中输入时',
    note: '输入法正在输入时，快捷键不会触发。不带 Ctrl 或 ⌘ 的按键只在输入框之外有效；在消息框中按 Esc 也可停止回答。',
    actions: {
      newChat: '新对话',
      focusSearch: '搜索对话和消息',
      stop: '停止回答',
      regenerate: '重新生成最后一个回答',
      previousChat: '上一个对话',
      nextChat: '下一个对话',
      showShortcuts: '显示这些快捷键',
    },
  },
};
